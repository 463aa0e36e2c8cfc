/** What deleted content shows: the row stays (soft delete), its text does not. */
export function redacted<T extends { deletedAt: Date | null; body: string; bodyHtml: string }>(item: T): T {
  return item.deletedAt ? { ...item, body: '', bodyHtml: '' } : item;
}
