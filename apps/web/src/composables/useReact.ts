import { request } from '@/graphql/client';
import { ReactDocument, type ReactionKind, type ReactionsFragment } from '@/graphql/generated';
import { useAnnouncer } from '@/composables/useAnnouncer';
import { useErrorMessage } from '@/composables/useErrorMessage';
import { toggleReaction } from '@/utils/reactions';

/**
 * Reacting to content or a comment: `show` gets the toggled counts at once, then the server's; if the
 * server refuses, what was shown before comes back and the reason is announced.
 */
export function useReact() {
  const { announce } = useAnnouncer();
  const explain = useErrorMessage();
  return async function react(
    targetId: string,
    kind: ReactionKind,
    before: ReactionsFragment,
    show: (reactions: ReactionsFragment) => void,
  ): Promise<void> {
    show(toggleReaction(before, kind));
    try {
      show((await request(ReactDocument, { targetId, kind })).react);
    } catch (e) {
      show(before);
      announce(explain(e), 'error');
    }
  };
}
