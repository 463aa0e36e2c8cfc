/** Pure helpers for lists of items shown by id (feed posts, comments, search hits): never show one twice. */

export interface Identified {
  id: string;
}

/** Items of `next` whose id is not already in `current`, appended after it, duplicates inside `next` dropped. */
export function appendUnique<T extends Identified>(current: readonly T[], next: readonly T[]): T[] {
  const seen = new Set(current.map((item) => item.id));
  const result = [...current];
  for (const item of next) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    result.push(item);
  }
  return result;
}

/**
 * Puts `item` in the list: replaces the one with the same id where it is, or, when new, inserts it
 * after the leading items `keepFirst` accepts (pinned posts stay on top), else at the very top.
 */
export function upsertItem<T extends Identified>(
  list: readonly T[],
  item: T,
  keepFirst: (existing: T) => boolean = () => false,
): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index >= 0) {
    const copy = [...list];
    copy.splice(index, 1, item);
    return copy;
  }
  let at = 0;
  while (at < list.length && keepFirst(list[at])) at++;
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** Replaces the item with the same id, if shown; otherwise the list is returned as is. */
export function replaceItem<T extends Identified>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index < 0) return list as T[];
  const copy = [...list];
  copy.splice(index, 1, item);
  return copy;
}

export function removeItem<T extends Identified>(list: readonly T[], id: string): T[] {
  return list.some((item) => item.id === id) ? list.filter((item) => item.id !== id) : (list as T[]);
}

/** Pinned first (in list order), then the others by creation date, newest first: the order of a space feed. */
export function sortSpaceFeed<T extends Identified & { pinned: boolean; createdAt: string }>(list: readonly T[]): T[] {
  const byDate = (a: T, b: T) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return [...list.filter((p) => p.pinned).sort(byDate), ...list.filter((p) => !p.pinned).sort(byDate)];
}
