/**
 * Checks on what a plan write brings, done in the service (pages and the API both come through it):
 * text that says something and is not too long, real dates, known words, the version it is based on.
 */
import { isIsoDate, type IsoDate } from '../calendar/index.ts';
import { ValidationError, VersionRequiredError } from '../errors.ts';

export const MAX_TITLE = 2000;
export const MAX_SHORT = 200;
export const MAX_TEXT = 20_000;

export function requiredText(value: unknown, what: string, max = MAX_TITLE): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new ValidationError(`Enter ${what}.`);
  const text = value.trim();
  if (text.length > max) throw new ValidationError(`${capitalise(what)} must be ${max} characters or fewer.`);
  return text;
}

/** Text that may be empty (a comment), trimmed. */
export function optionalText(value: unknown, what: string, max = MAX_TEXT): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ValidationError(`${capitalise(what)} must be text.`);
  const text = value.trim();
  if (text.length > max) throw new ValidationError(`${capitalise(what)} must be ${max} characters or fewer.`);
  return text;
}

export function requiredDate(value: unknown, what: string): IsoDate {
  if (typeof value !== 'string' || !isIsoDate(value))
    throw new ValidationError(`${capitalise(what)} must be a real date written as YYYY-MM-DD.`, 'invalid-date');
  return value;
}

export function optionalDate(value: unknown, what: string): IsoDate | null {
  if (value === undefined || value === null || value === '') return null;
  return requiredDate(value, what);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ValidationError(`${capitalise(what)} must be one of: ${allowed.join(', ')}.`);
}

export function finiteNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ValidationError(`${capitalise(what)} must be a number.`);
  return value;
}

/** The version a write is based on: a positive whole number, or a 428 when none is named. */
export function basedOn(value: unknown): number {
  if (value === undefined || value === null) throw new VersionRequiredError();
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new ValidationError('The version a change is based on must be a positive whole number.');
  return value;
}

export function ids(value: unknown, what: string): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new ValidationError(`Choose at least one ${what}.`);
  const list = value.map((id) => {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1)
      throw new ValidationError(`Each ${what} must be named by its id (a positive whole number).`);
    return id;
  });
  return [...new Set(list)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
