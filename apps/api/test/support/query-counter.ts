import { Client } from 'pg';

/**
 * Counts the SQL statements the app sends to PostgreSQL while `run` runs, by wrapping the pg
 * client every pooled connection uses. Only for tests, in the process that hosts the test app.
 */
export async function countQueries(run: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const statements: string[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
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
