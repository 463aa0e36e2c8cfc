import { canProposeIn, offerTransitionRefusal, type Actor } from '@atelier/domain';
import type { OfferStatus, ThreadStatus } from '@/graphql/generated';

export { offerEditable } from '@atelier/domain';

/** The moves staff may make on a thread (forward only, as the API allows), in the order the buttons appear. */
const THREAD_MOVES: Record<ThreadStatus, ThreadStatus[]> = {
  DRAFT: ['OPEN'],
  OPEN: ['VOTING', 'CLOSED'],
  VOTING: ['CLOSED'],
  CLOSED: [],
};

export const threadMoves = (status: ThreadStatus): ThreadStatus[] => THREAD_MOVES[status];

/**
 * The offer moves of the API, one mutation each (approveOffer, publishOffer, withdrawOffer). An
 * approved offer goes back to DRAFT by being edited, not by a move.
 */
export const OFFER_MOVES = ['APPROVED', 'PUBLISHED', 'WITHDRAWN'] as const satisfies readonly OfferStatus[];
export type OfferMove = (typeof OFFER_MOVES)[number];

/** The offer moves this person may make now, by the same rule as the API (approval: managers and admins). */
export function offerMoves(status: OfferStatus, actor: Actor | null): OfferMove[] {
  if (!actor?.active) return [];
  return OFFER_MOVES.filter((to) => !offerTransitionRefusal(status, to, actor.role));
}

/** A proposal's author edits it while the thread takes proposals. */
export const proposalEditable = (threadStatus: ThreadStatus | undefined, isAuthor: boolean) =>
  isAuthor && !!threadStatus && canProposeIn(threadStatus);
