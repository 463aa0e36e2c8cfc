import { can, type Action, type Actor } from '@atelier/domain';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the sign-in page). */
    public?: boolean;
    /** The policy action a section requires. */
    action?: Action;
    /** Only for customers (staff have their own home). */
    customersOnly?: boolean;
    /** i18n key of the page title. */
    titleKey?: string;
  }
}

export interface GuardTarget {
  fullPath: string;
  query: Record<string, unknown>;
  meta: { public?: boolean; action?: Action; customersOnly?: boolean };
}

export type GuardDecision = true | { path: string; query?: Record<string, string> };

/** Where someone lands after sign-in or when a section is refused. */
export function homeFor(user: Actor | null): string {
  if (!user) return '/sign-in';
  return can(user, 'section.feed') ? '/feed' : '/welcome';
}

/** Only same-site paths may be followed after sign-in (no open redirect). */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in')) return null;
  return value;
}

/** The routing rules of the app, as a pure function of the target route and who is signed in. */
export function decide(to: GuardTarget, user: Actor | null): GuardDecision {
  if (to.meta.public) {
    if (!user) return true;
    return { path: safeRedirect(to.query.redirect) ?? homeFor(user) };
  }
  if (!user) {
    return to.fullPath === '/' ? { path: '/sign-in' } : { path: '/sign-in', query: { redirect: to.fullPath } };
  }
  if (to.meta.action && !can(user, to.meta.action)) return { path: homeFor(user) };
  if (to.meta.customersOnly && can(user, 'section.feed')) return { path: homeFor(user) };
  return true;
}
