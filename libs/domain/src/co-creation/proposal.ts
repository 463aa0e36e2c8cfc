import { badInput } from '../errors';

export const PROPOSAL_STATUSES = ['ACTIVE', 'HIDDEN', 'MERGED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_TITLE_MAX_LENGTH = 140;
export const PROPOSAL_DESCRIPTION_MAX_LENGTH = 5_000;
export const PROPOSAL_MAX_IMAGES = 4;
export const MODERATION_REASON_MAX_LENGTH = 500;
export const STAFF_NOTE_MAX_LENGTH = 5_000;

export function validateProposal(input: { title: string; description: string; imageIds?: readonly string[] | null }): {
  title: string;
  description: string;
  imageIds: string[];
} {
  const title = input.title.trim();
  if (!title) throw badInput('required', 'Give your proposal a title.', 'title');
  if (title.length > PROPOSAL_TITLE_MAX_LENGTH) {
    throw badInput('tooLong', `The title must be at most ${PROPOSAL_TITLE_MAX_LENGTH} characters.`, 'title', {
      max: PROPOSAL_TITLE_MAX_LENGTH,
    });
  }
  const description = input.description.trim();
  if (!description) throw badInput('required', 'Describe your proposal.', 'description');
  if (description.length > PROPOSAL_DESCRIPTION_MAX_LENGTH) {
    throw badInput(
      'tooLong',
      `The description must be at most ${PROPOSAL_DESCRIPTION_MAX_LENGTH} characters.`,
      'description',
      { max: PROPOSAL_DESCRIPTION_MAX_LENGTH },
    );
  }
  const imageIds = [...new Set(input.imageIds ?? [])];
  if (imageIds.length > PROPOSAL_MAX_IMAGES) {
    throw badInput('tooManyImages', `A proposal holds at most ${PROPOSAL_MAX_IMAGES} images.`, 'imageIds', {
      max: PROPOSAL_MAX_IMAGES,
    });
  }
  return { title, description, imageIds };
}

export function validateModerationReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('required', 'Say why: the author will read the reason.', 'reason');
  if (trimmed.length > MODERATION_REASON_MAX_LENGTH) {
    throw badInput('tooLong', `The reason must be at most ${MODERATION_REASON_MAX_LENGTH} characters.`, 'reason', {
      max: MODERATION_REASON_MAX_LENGTH,
    });
  }
  return trimmed;
}

/**
 * Votes after merging `from` into `into`: every person who voted for either counts once. Pure, so
 * the SQL doing it (insert … on conflict do nothing) has a reference to be tested against.
 */
export function mergedVoters(from: readonly string[], into: readonly string[]): string[] {
  return [...new Set([...into, ...from])];
}

/** Why a proposal cannot be merged into another, or null when it can. */
export function mergeRefusal(
  from: { id: string; threadId: string; status: ProposalStatus },
  into: { id: string; threadId: string; status: ProposalStatus },
): string | null {
  if (from.id === into.id) return 'A proposal cannot be merged into itself.';
  if (from.threadId !== into.threadId) return 'Both proposals must belong to the same thread.';
  if (from.status === 'MERGED') return 'This proposal has already been merged.';
  if (into.status !== 'ACTIVE') return 'Merge into a visible proposal that has not been merged itself.';
  return null;
}
