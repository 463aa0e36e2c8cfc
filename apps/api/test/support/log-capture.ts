import { Writable } from 'node:stream';
import pino from 'pino';

/** A pino logger at `level` whose lines are kept, parsed, in `lines`. */
export function captureLogs(level: pino.Level = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}
