/**
 * Every date a `csci` command takes, read one way: a real calendar day written YYYY-MM-DD, or the
 * same error, worded the same, with the same exit status (1, bad input) whichever command it is.
 */
import { isIsoDate, type IsoDate } from '../calendar/index.ts';
import { ValidationError } from '../errors.ts';

/** `label` names the value as the user gave it: an option (`--as-at`) or an argument (`the start date`). */
export function parseDateArgument(value: string, label: string): IsoDate {
  if (!isIsoDate(value))
    throw new ValidationError(
      `${label} must be a date that exists, written YYYY-MM-DD; "${value}" is not one.`,
      'invalid-date',
    );
  return value;
}

/** The same, for an option that may be left out. */
export function parseOptionalDate(value: string | undefined, label: string): IsoDate | undefined {
  return value === undefined ? undefined : parseDateArgument(value, label);
}
