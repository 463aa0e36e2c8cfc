import { Client } from 'pg';
import { LIVE_APPLICATION_NAME } from '../../src/live/live-io.adapter';

/**
 * Counts the SQL statements the app sends to PostgreSQL while `run` runs, by wrapping the pg
 * client every pooled connection uses. Only for tests, in the process that hosts the test app.
 * The live adapter's own connections (heartbeats on a timer, unrelated to the request) are left out.
 */
export async function countQueries(run: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const statements: string[] = [];
  prototype.query = function (this: { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
    const [first] = args;
    if (this.connectionParameters?.application_name === LIVE_APPLICATION_NAME) return original.apply(this, args);
    statements.push(typeof first === 'string' ? first : String((first as { text?: string })?.text ?? ''));
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    prototype.query = original;
  }
  return { count: statements.length, statements };
}
