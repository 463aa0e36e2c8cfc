import autocannon from 'autocannon';
import { percentile, round } from './report.mjs';

/**
 * The benches' timing loops, in one place: `timeEach` for a list of different requests timed one by
 * one (bench:search), `load` for one request repeated under load for a while (bench:feed).
 */

/**
 * Runs `request(item)` for every item, `concurrency` at a time, and returns each item with the
 * milliseconds its request took and what it answered, in the items' order.
 */
export async function timeEach(items, request, { concurrency = 1 } = {}) {
  const timings = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        const started = performance.now();
        const result = await request(items[i]);
        timings[i] = { ...items[i], ms: performance.now() - started, result };
      }
    }),
  );
  return timings;
}

/** p50, p95 and max of a list of milliseconds, rounded for a table. */
export const latencySummary = (ms) => ({
  'p50 ms': round(percentile(ms, 50)),
  'p95 ms': round(percentile(ms, 95)),
  'max ms': round(Math.max(...ms)),
});

/**
 * POSTs `body` to `url` from `connections` connections for `durationSeconds` with autocannon and
 * resolves with its result; the first failed request, if any, is printed (an error, not a status).
 */
export function load(url, { body, headers, connections, durationSeconds }) {
  return new Promise((resolve, reject) => {
    let firstError;
    const instance = autocannon(
      { url, method: 'POST', connections, duration: durationSeconds, headers, body },
      (error, result) => {
        if (error) return reject(error);
        if (firstError) process.stdout.write(`first request error on ${url}: ${firstError}\n`);
        resolve(result);
      },
    );
    instance.on('reqError', (error) => (firstError ??= error.message));
  });
}
