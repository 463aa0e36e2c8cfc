/**
 * Per-request memo: loaders live as long as one HTTP request, so a page of any size costs one query
 * per kind of related data, and no cache outlives the request (nor leaks across viewers).
 */
const perRequest = new WeakMap<object, Map<string, unknown>>();

export function requestScoped<T>(req: object, key: string, create: () => T): T {
  let entries = perRequest.get(req);
  if (!entries) {
    entries = new Map();
    perRequest.set(req, entries);
  }
  if (!entries.has(key)) entries.set(key, create());
  return entries.get(key) as T;
}
