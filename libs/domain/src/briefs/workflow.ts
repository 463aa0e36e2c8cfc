import { DomainError, conflict, forbidden } from '../errors';
import { Role, isStaff } from '../roles';

export const BRIEF_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'LIVE', 'CLOSED'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

export const BRIEF_TRANSITIONS = ['SUBMIT', 'REQUEST_CHANGES', 'APPROVE', 'LAUNCH', 'CLOSE'] as const;
export type BriefTransition = (typeof BRIEF_TRANSITIONS)[number];

/** The whole workflow: which transition leads from which status to which. Anything else is refused. */
export const TRANSITIONS: Record<BriefTransition, { from: BriefStatus; to: BriefStatus }> = {
  SUBMIT: { from: 'DRAFT', to: 'IN_REVIEW' },
  REQUEST_CHANGES: { from: 'IN_REVIEW', to: 'DRAFT' },
  APPROVE: { from: 'IN_REVIEW', to: 'APPROVED' },
  LAUNCH: { from: 'APPROVED', to: 'LIVE' },
  CLOSE: { from: 'LIVE', to: 'CLOSED' },
};

/** What the guards need to know about the person acting, gathered by the API in one query. */
export interface BriefActorFacts {
  id: string;
  role: Role;
  active: boolean;
  /** Member of the brief's team. */
  inTeam: boolean;
  /** Active MANAGER accounts in the workspace, the actor included if they are one. */
  activeManagerCount: number;
}

export interface BriefFacts {
  status: BriefStatus;
  ownerId: string;
  /** How many KPIs it has, when the rule needs it (submitting). */
  kpiCount?: number;
}

const managerOrAdmin = (role: Role) => role === 'MANAGER' || role === 'ADMIN';

/**
 * A manager may review (approve, request changes on) a brief they own only when nobody else could:
 * they are the only active manager. Otherwise the four-eyes rule holds.
 */
export function mayReviewOwnBrief(facts: { isOwner: boolean; activeManagerCount: number }): boolean {
  return !facts.isOwner || facts.activeManagerCount <= 1;
}

const closedError = () =>
  conflict('briefClosed', 'This brief is closed: it is read-only, nothing about it can change any more.');

/** Reads: staff of the team, the owner, watchers, managers and admins. Customers never. */
export function canReadBrief(actor: BriefActorFacts, brief: BriefFacts & { watching?: boolean }): boolean {
  if (!actor.active || !isStaff(actor.role)) return false;
  return managerOrAdmin(actor.role) || actor.inTeam || brief.ownerId === actor.id || !!brief.watching;
}

/** Writing the brief's text and KPIs: marketers of its team, the owner, managers and admins. */
export function isBriefWriter(actor: BriefActorFacts, brief: BriefFacts): boolean {
  if (!actor.active || !isStaff(actor.role)) return false;
  return managerOrAdmin(actor.role) || actor.inTeam || brief.ownerId === actor.id;
}

/**
 * May the actor edit the brief now? Returns the refusal to throw, or null. A brief is edited as a
 * draft, and again once approved or live (each such edit becomes a new version); while in review
 * it is frozen so the reviewer approves what they read.
 */
export function editRefusal(actor: BriefActorFacts, brief: BriefFacts): DomainError | null {
  if (brief.status === 'CLOSED') return closedError();
  if (!isBriefWriter(actor, brief)) {
    return forbidden('Only the marketers of the brief’s team, its owner, managers and administrators can edit it.');
  }
  if (brief.status === 'IN_REVIEW') {
    return conflict('briefInReview', 'This brief is in review: wait for the decision, or ask for it back, to edit it.');
  }
  return null;
}

/** Does an edit in this status create a version? Edits after approval do; drafts are versioned when submitted. */
export const editCreatesVersion = (status: BriefStatus): boolean => status === 'APPROVED' || status === 'LIVE';

/** Changing a KPI's target once the brief is approved moves the goalposts: managers and admins only. */
export function kpiTargetChangeRefusal(actor: BriefActorFacts, brief: BriefFacts): DomainError | null {
  if (!editCreatesVersion(brief.status) || managerOrAdmin(actor.role)) return null;
  return forbidden('Once a brief is approved, only a manager can change a KPI target.');
}

/**
 * May the actor make this transition on this brief? Returns the refusal to throw, or null. Who:
 * writers submit; a MANAGER (not the brief's owner unless they are the only active manager)
 * approves or requests changes; the owner or a manager (or an admin) launches and closes.
 */
export function transitionRefusal(
  transition: BriefTransition,
  actor: BriefActorFacts,
  brief: BriefFacts,
  comment?: string | null,
): DomainError | null {
  if (brief.status === 'CLOSED') return closedError();
  if (!actor.active || !isStaff(actor.role)) return forbidden();
  const isOwner = brief.ownerId === actor.id;
  switch (transition) {
    case 'SUBMIT':
      if (!isBriefWriter(actor, brief)) {
        return forbidden('Only the marketers of the brief’s team, its owner and managers can submit it.');
      }
      // A brief is reviewed against its objectives: without one KPI there is nothing to approve.
      if (brief.status === 'DRAFT' && brief.kpiCount === 0) {
        return new DomainError('BAD_USER_INPUT', 'Add at least one KPI before submitting the brief.', {
          reason: 'briefNeedsKpi',
          field: 'kpis',
        });
      }
      break;
    case 'APPROVE':
    case 'REQUEST_CHANGES':
      if (actor.role !== 'MANAGER') return forbidden('Only a manager can review a brief.');
      if (!mayReviewOwnBrief({ isOwner, activeManagerCount: actor.activeManagerCount })) {
        return forbidden('Another manager must review this brief: you own it.');
      }
      if (transition === 'REQUEST_CHANGES' && !comment?.trim()) {
        return new DomainError('BAD_USER_INPUT', 'Say what should change: the comment is required.', {
          reason: 'required',
          field: 'comment',
        });
      }
      break;
    case 'LAUNCH':
    case 'CLOSE':
      if (!isOwner && !managerOrAdmin(actor.role)) {
        return forbidden('Only the owner of the brief or a manager can launch or close it.');
      }
      break;
  }
  const { from, to } = TRANSITIONS[transition];
  if (brief.status !== from) {
    return conflict(
      'briefWrongStatus',
      `This brief is ${brief.status.toLowerCase().replace('_', ' ')}: it cannot go to ${to.toLowerCase().replace('_', ' ')} from there.`,
    );
  }
  return null;
}

/** Anything that changes a closed brief (actuals, KPIs, channels, sharing) is refused the same way. */
export function closedRefusal(brief: BriefFacts): DomainError | null {
  return brief.status === 'CLOSED' ? closedError() : null;
}

/** Actuals are recorded while the brief is live, by anyone who may write it. */
export function recordActualRefusal(actor: BriefActorFacts, brief: BriefFacts): DomainError | null {
  if (brief.status === 'CLOSED') return closedError();
  if (!isBriefWriter(actor, brief)) {
    return forbidden('Only the brief’s team, its owner and managers can record results.');
  }
  if (brief.status !== 'LIVE') {
    return conflict('briefNotLive', 'Results are recorded once the campaign is live.');
  }
  return null;
}

/** A manager other than the person who recorded the figure checks it. */
export function reviewActualRefusal(
  actor: BriefActorFacts,
  brief: BriefFacts,
  actual: { recordedById: string; status: ActualStatus },
): DomainError | null {
  if (brief.status === 'CLOSED') return closedError();
  if (!actor.active || actor.role !== 'MANAGER') return forbidden('Only a manager can verify or reject a result.');
  if (actual.recordedById === actor.id) {
    return forbidden('Another manager must check this figure: you recorded it.');
  }
  if (actual.status !== 'CLAIMED') {
    return conflict('actualAlreadyReviewed', 'This figure has already been verified or rejected.');
  }
  return null;
}

export const ACTUAL_STATUSES = ['CLAIMED', 'VERIFIED', 'REJECTED'] as const;
export type ActualStatus = (typeof ACTUAL_STATUSES)[number];
