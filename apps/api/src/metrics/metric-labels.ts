import { ERROR_CODES } from '@atelier/domain';

/** Operation label of a request whose document did not parse or validate: it named nothing that ran. */
export const INVALID_OPERATION = 'invalid';
export const ANONYMOUS_OPERATION = 'anonymous';
/** Label of every operation name past the cap. */
export const OTHER_OPERATION = 'other';

/**
 * Operation names come from clients, so each one is a label value a client could invent. The first
 * `max` distinct names keep their own series (the web app's own operations arrive first and number
 * about a hundred); later ones share `other`, so a client sending random names cannot grow the
 * registry without bound.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  label(name: string | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

/** Codes the error formatter can produce; anything else is counted as OTHER. */
const KNOWN_CODES = new Set<string>([...ERROR_CODES, 'INTERNAL_SERVER_ERROR']);

export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER';
}
