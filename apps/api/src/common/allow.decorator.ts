import { SetMetadata } from '@nestjs/common';
import type { Action } from '@atelier/domain';

export const ALLOW_KEY = 'atelier:allow';
export const PUBLIC_KEY = 'atelier:public';

/** The policy action a resolver requires. A resolver without it (and not @Public) is refused. */
export const Allow = (action: Action) => SetMetadata(ALLOW_KEY, action);

/** Open to anonymous callers (sign-in, `me`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
