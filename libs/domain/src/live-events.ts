/**
 * The live events the API pushes and the web app listens to: one list, so the two cannot drift.
 * Payloads carry ids only; clients refetch content through GraphQL, which enforces permissions.
 */
export const LIVE_EVENT_NAMES = [
  'post.created',
  'post.updated',
  'post.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'reaction.changed',
  'notification.created',
  'notification.read',
  // briefs: to the brief's room (its status, fields, KPIs or figures changed), ids only
  'brief.updated',
  // co-creation: to the thread's room, ids only
  'proposal.created',
  'proposal.updated',
  'offer.published',
  'thread.updated',
  // co-creation, staff only: to the thread's staff room (never its customers' room), ids only
  'proposal.noted',
  'proposal.shortlisted',
] as const;

export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];
