import { validateEmail } from '@atelier/domain';

export interface ParsedEmails {
  /** Normalised, without duplicates, in the order pasted. */
  valid: string[];
  /** What was typed, for the person to correct. */
  invalid: string[];
}

/** Reads e-mail addresses pasted from anywhere: one per line, or separated by commas, semicolons or spaces. */
export function parseEmails(text: string): ParsedEmails {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    // "Pierre Durand <pierre@client.example>" pastes keep the address.
    const token = raw.replace(/^<|>$/g, '').trim();
    if (!token) continue;
    try {
      const email = validateEmail(token);
      if (!valid.includes(email)) valid.push(email);
    } catch {
      if (!invalid.includes(token)) invalid.push(token);
    }
  }
  return { valid, invalid };
}
