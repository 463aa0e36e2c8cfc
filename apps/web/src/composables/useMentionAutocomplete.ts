import { computed, ref, type Ref } from 'vue';
import { request } from '@/graphql/client';
import { MentionCandidatesDocument, type MentionCandidatesQuery } from '@/graphql/generated';
import { insertMention, mentionQueryAt, type MentionQuery } from '@/utils/mention-query';

export type MentionCandidate = MentionCandidatesQuery['mentionCandidates'][number];

/**
 * `@` autocomplete for a textarea: asks the API who reads the space (or post) `context` and whose
 * handle or name starts with what is typed, and inserts the chosen `@handle`.
 */
export function useMentionAutocomplete(
  textarea: Ref<HTMLTextAreaElement | null>,
  model: Ref<string>,
  context: Ref<string | null | undefined>,
) {
  const candidates = ref<MentionCandidate[]>([]);
  const active = ref(0);
  const at = ref<MentionQuery | null>(null);
  const open = computed(() => at.value !== null && candidates.value.length > 0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function close() {
    clearTimeout(timer);
    generation++;
    at.value = null;
    candidates.value = [];
    active.value = 0;
  }

  /** After each keystroke or caret move. */
  function update() {
    const el = textarea.value;
    if (!el || !context.value || el.selectionStart !== el.selectionEnd) return close();
    const found = mentionQueryAt(model.value, el.selectionStart);
    if (!found) return close();
    at.value = found;
    clearTimeout(timer);
    const mine = ++generation;
    timer = setTimeout(async () => {
      try {
        const { mentionCandidates } = await request(MentionCandidatesDocument, {
          contextId: context.value!,
          query: found.query,
          first: 8,
        });
        if (mine !== generation) return;
        candidates.value = mentionCandidates;
        active.value = 0;
      } catch {
        if (mine === generation) candidates.value = [];
      }
    }, 150);
  }

  function choose(candidate: MentionCandidate) {
    const el = textarea.value;
    if (!at.value || !el) return;
    const next = insertMention(model.value, at.value, candidate.handle);
    model.value = next.text;
    close();
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  /** Arrow keys move in the list, Enter or Tab choose, Escape closes. Returns true when it handled the key. */
  function onKeydown(event: KeyboardEvent): boolean {
    if (!open.value) return false;
    const n = candidates.value.length;
    if (event.key === 'ArrowDown') active.value = (active.value + 1) % n;
    else if (event.key === 'ArrowUp') active.value = (active.value - 1 + n) % n;
    else if (event.key === 'Enter' || event.key === 'Tab') choose(candidates.value[active.value]);
    else if (event.key === 'Escape') close();
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  return { candidates, active, open, update, choose, close, onKeydown };
}
