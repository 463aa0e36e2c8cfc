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
  'space.read',
  'space.create',
  'space.join',
  'space.manageMembers',
  'post.write',
  'post.edit',
  'post.delete',
  'post.pin',
  'comment.write',
  'comment.edit',
  'comment.delete',
  'comment.moderate',
  'reaction.write',
  'notification.read',
  'mention.search',
  'attachment.upload',
  'search.run',
  // ---- briefs ----
  'brief.read',
  'brief.write',
  'brief.review',
  'kpiActual.record',
  'kpiActual.verify',
  'channel.read',
  'channel.create',
  'scorecard.read',
  // ---- co-creation ----
  'coCreation.read',
  'coCreation.participate',
  'coCreation.manage',
  'offer.approve',
  // ---- time saved and ROI ----
  'timeSaved.log',
  'timeSaved.readOthers',
  'roi.read',
  'costs.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

/** The resource an action is about, when the rule depends on it. */
export interface Resource {
  /** The user a `user.*` action targets. */
  userId?: string;
  /** The owner of the space a `space.*` or `post.pin` action is about. */
  ownerId?: string | null;
  /** The author of the post or comment an edit or delete is about. */
  authorId?: string;
  /** Where the content lives (`SPACE`, `BRIEF`, `THREAD`), when the rule depends on it. */
  scopeType?: string;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

const anyone: Rule = () => true;
const staff: Rule = (actor) => isStaff(actor.role);
const admin: Rule = (actor) => actor.role === 'ADMIN';
const managerOrAdmin: Rule = (actor) => actor.role === 'ADMIN' || actor.role === 'MANAGER';

const isOwner = (actor: Actor, resource: Resource): boolean => !!resource.ownerId && resource.ownerId === actor.id;
const isAuthor = (actor: Actor, resource: Resource): boolean => !!resource.authorId && resource.authorId === actor.id;

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
  // Spaces and posts are internal: customers never see any of them.
  // Which spaces a staff member reads (open ones, private ones they belong to) is checked per space.
  'space.read': staff,
  'space.create': staff,
  'space.join': staff,
  // The space's owner, and managers and admins, add and remove members.
  'space.manageMembers': (actor, resource) =>
    staff(actor, resource) && (managerOrAdmin(actor, resource) || isOwner(actor, resource)),
  // Posting, in a space the member can read.
  'post.write': staff,
  // Only the author edits; the author or an admin deletes (moderation).
  'post.edit': (actor, resource) => staff(actor, resource) && isAuthor(actor, resource),
  'post.delete': (actor, resource) => staff(actor, resource) && (admin(actor, resource) || isAuthor(actor, resource)),
  'post.pin': (actor, resource) =>
    staff(actor, resource) && (managerOrAdmin(actor, resource) || isOwner(actor, resource)),
  // Comments and reactions go on any content the person can read (checked per target: a customer
  // reads only the co-creation threads they joined), so the role alone refuses nobody.
  'comment.write': anyone,
  'comment.edit': (actor, resource) => isAuthor(actor, resource),
  'comment.delete': (actor, resource) => admin(actor, resource) || isAuthor(actor, resource),
  // Hiding a comment with a reason: staff moderate co-creation threads (customers write there);
  // elsewhere, among colleagues, only administrators.
  'comment.moderate': (actor, resource) =>
    admin(actor, resource) || (staff(actor, resource) && resource.scopeType === 'THREAD'),
  'reaction.write': anyone,
  // Everyone reads and marks their own notifications (a customer's list is empty until they get some).
  'notification.read': anyone,
  // Mention autocomplete lists staff who read a space: internal, like the directory.
  'mention.search': staff,
  // Images and PDFs for posts and briefs; customers upload images for their proposals (only images
  // attach to a proposal, and an unattached upload is readable by its uploader alone).
  'attachment.upload': anyone,
  // Searching posts and comments; results are filtered per space. Customers get their own scope with co-creation.
  'search.run': staff,
  // ---- briefs ----
  // Briefs, KPIs, channels and scorecards are internal. Which brief a staff member reads or writes
  // (its team, its owner, watchers, managers) and each workflow step is decided per brief by
  // briefs/workflow.ts.
  'brief.read': staff,
  'brief.write': staff,
  // Approving or sending back a brief, and checking a recorded figure: managers, never the author.
  'brief.review': (actor) => actor.role === 'MANAGER',
  'kpiActual.record': staff,
  'kpiActual.verify': (actor) => actor.role === 'MANAGER',
  'channel.read': staff,
  'channel.create': admin,
  'scorecard.read': staff,
  // ---- co-creation ----
  // Customers read and take part in the threads they accepted an invitation to: checked per thread.
  'coCreation.read': anyone,
  'coCreation.participate': anyone,
  // Threads, invitations, the outbox, notes, moderation, merging, offers and figures are the staff's.
  'coCreation.manage': staff,
  // Publishing an offer commits the company: a manager (or an admin) approves it first.
  'offer.approve': managerOrAdmin,
  // ---- time saved and ROI ----
  // Staff log their own time saved and see the public per-content counters; customers log nothing.
  'timeSaved.log': staff,
  // Other people's entries: managers for the teams they belong to (checked in the service), admins all.
  'timeSaved.readOthers': managerOrAdmin,
  // The ROI report and its exports: managers for their teams, admins for everything.
  'roi.read': managerOrAdmin,
  // Hourly costs, the platform's cost and the currency.
  'costs.manage': admin,
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
