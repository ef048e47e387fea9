/**
 * The acting user as a domain value, and the pure checks of what they may read and write. Services
 * take `actor: Actor | null` and decide with these; routes never decide alone.
 */

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The Ofsted URNs of the councils the user is assigned to. */
  readonly councils: readonly string[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}

/** Admins read every council's private data; editors and viewers only their own councils'. */
export function canReadCouncil(actor: Actor | null, urn: string): boolean {
  if (actor === null) return false;
  return actor.role === 'admin' || actor.councils.includes(urn);
}

/** Admins write everywhere; editors only in their own councils; viewers never. */
export function canWriteCouncil(actor: Actor | null, urn: string): boolean {
  if (actor === null) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'editor' && actor.councils.includes(urn);
}

/** What the command line acts as: an operator with the database in hand, audited as "command line". */
export const COMMAND_LINE_ACTOR: Actor = Object.freeze({
  userId: 0,
  email: 'command-line',
  name: 'Command line (csci)',
  role: 'admin',
  councils: Object.freeze([]) as readonly string[],
});

/** A normalised email: trimmed and lower-cased, so one person is one account whatever the case typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_PATTERN.test(email);
}
