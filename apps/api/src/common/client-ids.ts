import { badInput, conflict } from '@atelier/domain';
import { isUuid } from './ids';

/**
 * Writes a client may retry (a post, a comment) accept an id chosen by the client: when the answer
 * is lost (a server killed after its commit, a network cut), sending the same write again with the
 * same id returns what was written the first time instead of writing it twice.
 */
export function checkClientId(id: string | null | undefined, field = 'id'): string | undefined {
  if (id === null || id === undefined) return undefined;
  if (!isUuid(id)) {
    throw badInput('invalidClientId', 'The id must be a UUID the client generated (crypto.randomUUID()).', field);
  }
  return id;
}

/** The id is taken by a different write: the client reused an id it should have generated anew. */
export const clientIdTaken = () =>
  conflict('clientIdTaken', 'This id is already used by something else: generate a new id and send again.');
