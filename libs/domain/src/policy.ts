import { Role, isStaff } from './roles';

/** Who is asking. Built from the session on the API, from `me` on the web. */
export interface Actor {
  id: string;
  role: Role;
  active: boolean;
}

/**
 * Every action the policy knows. An action that is not listed here cannot be granted:
 * the policy denies by default.
 */
export const ACTIONS = [
  'me.read',
  'me.changePassword',
  'me.changeLocale',
  'user.list',
  'user.create',
  'user.update',
  'user.deactivate',
  'team.list',
  'team.create',
  'section.feed',
  'section.briefs',
  'section.coCreation',
  'section.timeSaved',
  'section.dashboard',
  'section.admin',
] as const;

export type Action = (typeof ACTIONS)[number];

/** The resource an action is about, when the rule depends on it. */
export interface Resource {
  /** The user a `user.*` action targets. */
  userId?: string;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

const anyone: Rule = () => true;
const staff: Rule = (actor) => isStaff(actor.role);
const admin: Rule = (actor) => actor.role === 'ADMIN';
const managerOrAdmin: Rule = (actor) => actor.role === 'ADMIN' || actor.role === 'MANAGER';

const RULES: Record<Action, Rule> = {
  'me.read': anyone,
  'me.changePassword': anyone,
  'me.changeLocale': anyone,
  // The staff directory is internal: customers never see who works here.
  'user.list': staff,
  'user.create': admin,
  'user.update': admin,
  // An admin cannot deactivate themselves: it would lock the last door behind them.
  'user.deactivate': (actor, resource) => admin(actor, resource) && resource.userId !== actor.id,
  'team.list': staff,
  'team.create': admin,
  'section.feed': staff,
  'section.briefs': staff,
  'section.coCreation': staff,
  'section.timeSaved': staff,
  'section.dashboard': managerOrAdmin,
  'section.admin': admin,
};

/**
 * May `actor` do `action` (on `resource`)? Pure and total: unknown actions, missing actors and
 * deactivated accounts are refused.
 */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!actor || !actor.active) return false;
  const rule = (RULES as Partial<Record<string, Rule>>)[action];
  return rule ? rule(actor, resource) : false;
}
