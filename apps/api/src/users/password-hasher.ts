import argon2 from 'argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane; about 30 ms here, far too slow to guess at scale.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/**
 * Verified against when the e-mail is unknown, so that an unknown address costs the same time as a
 * wrong password and timing does not tell which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword('not-a-real-password-at-all');
  await verifyPassword(await dummyHash, password);
  return false;
};
