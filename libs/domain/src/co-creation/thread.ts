import { badInput } from '../errors';

/**
 * A co-creation thread's life. DRAFT: staff prepare it, customers see nothing. OPEN: customers
 * propose (and edit their own proposals). VOTING: proposals are frozen, customers vote. CLOSED:
 * read only; the team turns proposals into offers.
 */
export const THREAD_STATUSES = ['DRAFT', 'OPEN', 'VOTING', 'CLOSED'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const THREAD_TITLE_MAX_LENGTH = 140;
export const THREAD_TEXT_MAX_LENGTH = 10_000;

/** The dates that drive a thread, as stored. */
export interface ThreadSchedule {
  status: ThreadStatus;
  /** When the thread is announced to open; informative: opening a draft is a staff decision. */
  opensAt: Date;
  /** End of proposals: an OPEN thread moves to VOTING at this instant. */
  closesAt: Date;
  /** End of voting: a VOTING thread moves to CLOSED at this instant. Null: staff close it by hand. */
  votingEndsAt: Date | null;
}

const ORDER: Record<ThreadStatus, number> = { DRAFT: 0, OPEN: 1, VOTING: 2, CLOSED: 3 };

/**
 * The status the dates give a thread at `now`. A DRAFT never moves by itself (it is unfinished by
 * definition); an OPEN thread past `closesAt` is VOTING; a VOTING thread past `votingEndsAt` is
 * CLOSED (an OPEN one past both is CLOSED too). Dates only ever move a thread forward.
 */
export function threadStatusAt(thread: ThreadSchedule, now: Date): ThreadStatus {
  if (thread.status === 'DRAFT' || thread.status === 'CLOSED') return thread.status;
  const votingOver = thread.votingEndsAt !== null && now.getTime() >= thread.votingEndsAt.getTime();
  const proposalsOver = now.getTime() >= thread.closesAt.getTime();
  if (votingOver && (thread.status === 'VOTING' || proposalsOver)) return 'CLOSED';
  if (thread.status === 'OPEN' && proposalsOver) return 'VOTING';
  return thread.status;
}

/**
 * Checks a move staff ask for: forward only (DRAFT → OPEN → VOTING → CLOSED, steps may be skipped
 * but a draft must open first), and never into a status the dates would leave at once (opening a
 * thread whose proposal period is over: change `closesAt` first).
 */
export function checkThreadTransition(thread: ThreadSchedule, to: ThreadStatus, now: Date): ThreadStatus {
  const from = threadStatusAt(thread, now);
  if (from === to) {
    throw badInput('threadAlreadyInStatus', `The thread is already ${to}.`, 'status', { status: to });
  }
  if (ORDER[to] < ORDER[from] || (from === 'DRAFT' && to !== 'OPEN')) {
    throw badInput('threadTransitionNotAllowed', `A ${from} thread cannot move to ${to}.`, 'status', { from, to });
  }
  if (threadStatusAt({ ...thread, status: to }, now) !== to) {
    throw badInput(
      'threadDatesPassed',
      `The dates of this thread are past the ${to} period: change the closing dates first.`,
      'status',
      { status: to },
    );
  }
  return to;
}

/** Dates must follow each other: opening, then end of proposals, then end of voting. */
export function validateThreadDates(opensAt: Date, closesAt: Date, votingEndsAt: Date | null): void {
  for (const [field, date] of [
    ['opensAt', opensAt],
    ['closesAt', closesAt],
    ['votingEndsAt', votingEndsAt],
  ] as const) {
    if (date && Number.isNaN(date.getTime())) throw badInput('invalidDate', 'This date is not valid.', field);
  }
  if (closesAt.getTime() <= opensAt.getTime()) {
    throw badInput('closesBeforeOpens', 'The end of proposals must come after the opening date.', 'closesAt');
  }
  if (votingEndsAt && votingEndsAt.getTime() <= closesAt.getTime()) {
    throw badInput('votingEndsBeforeCloses', 'The end of voting must come after the end of proposals.', 'votingEndsAt');
  }
}

export function validateThreadText(value: string, field: string, label: string, max: number, required = true): string {
  const trimmed = value.trim();
  if (required && !trimmed) throw badInput('required', `The ${label} cannot be empty.`, field);
  if (trimmed.length > max) {
    throw badInput('tooLong', `The ${label} must be at most ${max} characters.`, field, { max });
  }
  return trimmed;
}

/** Customers see a thread once it is no longer a draft. */
export const threadVisibleToCustomers = (status: ThreadStatus): boolean => status !== 'DRAFT';

/** Proposals are written and edited only while the thread is OPEN. */
export const canProposeIn = (status: ThreadStatus): boolean => status === 'OPEN';

/** Votes are cast and withdrawn only while the thread is VOTING: everyone votes on the same, final list. */
export const canVoteIn = (status: ThreadStatus): boolean => status === 'VOTING';
