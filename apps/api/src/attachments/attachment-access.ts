import { Injectable } from '@nestjs/common';
import type { User } from '../users/user.entity';

/** Decides whether `viewer` may read the content an attachment is attached to. */
export interface AttachmentAccessChecker {
  canRead(viewer: User, targetType: string, targetId: string): Promise<boolean>;
}

/** Injects the registry as an `AttachmentAccessChecker` (what `GET /files/:id` asks). */
export const ATTACHMENT_ACCESS = Symbol('ATTACHMENT_ACCESS');

/**
 * One checker per target type, registered by the module that owns that content, typically from
 * its `onModuleInit`:
 *
 *   constructor(private readonly access: AttachmentAccessRegistry) {}
 *   onModuleInit() { this.access.register('POST', { canRead: (viewer, _type, id) => this.posts.canRead(viewer, id) }); }
 *
 * A target type nobody registered is denied.
 */
@Injectable()
export class AttachmentAccessRegistry implements AttachmentAccessChecker {
  private readonly checkers = new Map<string, AttachmentAccessChecker>();

  register(targetType: string, checker: AttachmentAccessChecker): void {
    if (this.checkers.has(targetType)) {
      throw new Error(`an attachment access checker is already registered for ${targetType}`);
    }
    this.checkers.set(targetType, checker);
  }

  async canRead(viewer: User, targetType: string, targetId: string): Promise<boolean> {
    const checker = this.checkers.get(targetType);
    if (!checker) return false;
    return (await checker.canRead(viewer, targetType, targetId)) === true;
  }
}
