import type { ReactionKind } from '@/graphql/generated';

export const REACTION_KINDS: ReactionKind[] = ['LIKE', 'CELEBRATE', 'INSIGHTFUL', 'SUPPORT'];

export interface ReactionSummaryLike {
  targetId: string;
  total: number;
  kinds: { kind: ReactionKind; count: number; viewerReacted: boolean }[];
}

/** The summary as it will be once the viewer's `kind` reaction is toggled: for an instant, optimistic update. */
export function toggleReaction<T extends ReactionSummaryLike>(summary: T, kind: ReactionKind): T {
  let total = summary.total;
  const kinds = REACTION_KINDS.map((k) => {
    const current = summary.kinds.find((c) => c.kind === k) ?? { kind: k, count: 0, viewerReacted: false };
    if (k !== kind) return { ...current };
    const viewerReacted = !current.viewerReacted;
    const count = Math.max(0, current.count + (viewerReacted ? 1 : -1));
    total += count - current.count;
    return { ...current, count, viewerReacted };
  });
  return { ...summary, kinds, total };
}
