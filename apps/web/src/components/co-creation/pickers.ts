/**
 * The people who may run a thread, by name: active staff only, as the API requires (the `users`
 * directory also lists customers and deactivated people).
 */
export function runnerOptions<T extends { displayName: string; role: string; active: boolean }>(
  users: readonly T[],
): T[] {
  return users
    .filter((u) => u.role !== 'CUSTOMER' && u.active)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The brief options, with the linked one kept first even when the search or the first 50 leave it out. */
export function briefOptions<T extends { id: string; title: string }>(found: readonly T[], linked: T | null): T[] {
  if (!linked || found.some((b) => b.id === linked.id)) return [...found];
  return [linked, ...found];
}
