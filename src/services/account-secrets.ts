/**
 * The secrets accounts use, all from maintained code: random values from node:crypto, sha256 to
 * store high-entropy secrets (session ids, tokens, links) so a copy of the database cannot be
 * replayed, and argon2id (@node-rs/argon2, OWASP's parameters m=19 MiB, t=2, p=1) for passwords.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const ARGON2_OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum that type stripping cannot read */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** 32 random bytes as base64url (256 bits), optionally with a prefix that says what it is. */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time a real check would, for emails with no password, so timing does not tell them apart. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomSecret());
  await verifyPassword(await dummyHash, password);
  return false;
}
