/**
 * The password rule (NCSC, OWASP ASVS 2.1): at least 12 characters, at most 256, no composition
 * rules, and not one of the commonly used passwords in the list zxcvbn-ts ships (about 49,000).
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary['passwords-common'] as readonly string[]).map((password) => password.toLowerCase()));
  return common;
}

/** Why the password is refused, in words for the person choosing it; undefined when it is fine. */
export function passwordProblem(password: string, context: { readonly email?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower))
    return 'Password is too commonly used: choose a different one, for example three random words';
  if (/^(.)\1*$/u.test(password)) return 'Password must not be one character repeated';
  if (context.email !== undefined && lower.includes(context.email.toLowerCase()))
    return 'Password must not contain your email address';
  return undefined;
}
