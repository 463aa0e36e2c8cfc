import { can, isStaff, type Action, type Actor } from '@atelier/domain';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the sign-in page). */
    public?: boolean;
    /** Reachable by anyone, signed in or not, without being sent elsewhere (an invitation link). */
    anyone?: boolean;
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
  meta: { public?: boolean; anyone?: boolean; action?: Action; customersOnly?: boolean };
}

export type GuardDecision = true | { path: string; query?: Record<string, string> };

/** Where someone lands after sign-in or when a section is refused: customers live in their threads. */
export function homeFor(user: Actor | null): string {
  if (!user) return '/sign-in';
  return can(user, 'section.feed') ? '/feed' : '/threads';
}

const STAFF_THREADS = '/co-creation';
const CUSTOMER_THREADS = '/threads';
const STAFF_ONLY_THREAD_PAGES = ['/co-creation/outbox'];

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`) || path.startsWith(`${prefix}#`);

/**
 * The same co-creation page on the other side: a link shared between staff (`/co-creation/...`) and
 * customers (`/threads/...`) opens the page each of them may see. Null when there is none.
 */
export function counterpart(path: string, user: Actor): string | null {
  if (!user.active) return null;
  if (isStaff(user.role)) {
    return under(path, CUSTOMER_THREADS) ? STAFF_THREADS + path.slice(CUSTOMER_THREADS.length) : null;
  }
  if (!under(path, STAFF_THREADS) || STAFF_ONLY_THREAD_PAGES.some((p) => under(path, p))) return null;
  return CUSTOMER_THREADS + path.slice(STAFF_THREADS.length);
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
  if (to.meta.anyone) return true;
  if (to.meta.public) {
    if (!user) return true;
    return { path: safeRedirect(to.query.redirect) ?? homeFor(user) };
  }
  if (!user) {
    return to.fullPath === '/' ? { path: '/sign-in' } : { path: '/sign-in', query: { redirect: to.fullPath } };
  }
  const refused =
    (to.meta.action && !can(user, to.meta.action)) || (to.meta.customersOnly && can(user, 'section.feed'));
  if (refused) return { path: counterpart(to.fullPath, user) ?? homeFor(user) };
  return true;
}
