/**
 * What the plan forms share: the version a form was based on (a hidden field), dates typed as
 * 2026-03-31 or 31/03/2026, GOV.UK error entries for domain errors, and the view of a stale write:
 * the user's answers beside what is saved now.
 */
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { DomainError, ForbiddenError, StaleWriteError } from '../../../errors.ts';
import { readDate } from '../../../services/plan-vocabulary.ts';
import { formErrors, type FormErrors } from '../account/private-pages.ts';

export interface StaleView {
  readonly fields: readonly { readonly label: string; readonly yours: string; readonly saved: string }[];
}

export type FormBody = Record<string, string | string[] | undefined>;

export function text(body: FormBody, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? value.join(' ') : (value ?? '')).trim();
}

export function list(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((one) => one.trim()).filter((one) => one !== '');
}

/** The version the form was based on; a form without one is refused by the service (it names no version). */
export function versionOf(body: FormBody): number {
  const value = Number(text(body, 'version'));
  return Number.isInteger(value) && value >= 0 ? value : -1;
}

/** A typed date as ISO, or an error entry for the field. */
export function dateField(
  body: FormBody,
  name: string,
  label: string,
  required: boolean,
  errors: [string, string][],
): string | null {
  const typed = text(body, name);
  const read = readDate(typed);
  if (read === null) {
    if (required) errors.push([name, `Enter the ${label}`]);
    return null;
  }
  if (read === 'unreadable') {
    errors.push([name, `Enter the ${label} as a real date, for example 2026-09-30 or 30/09/2026`]);
    return null;
  }
  return read;
}

/** A domain error shown on the form: on a field when its message names one, else at the top. */
export function domainFormErrors(error: unknown, field = 'form'): FormErrors {
  if (error instanceof StaleWriteError)
    return formErrors([
      [
        field,
        'Someone else saved a change to this while you were editing. Check what is saved now beside your answers, then save again.',
      ],
    ]);
  if (
    error instanceof DomainError &&
    error.status < 500 &&
    error.status !== 404 &&
    error.status !== 403 &&
    error.status !== 401
  )
    return formErrors([[field, error.message]]);
  throw error;
}

export function staleView(rows: readonly (readonly [label: string, yours: string, saved: string])[]): StaleView {
  return {
    fields: rows.map(([label, yours, saved]) => ({
      label,
      yours: yours === '' ? 'Not given' : yours,
      saved: saved === '' ? 'Not given' : saved,
    })),
  };
}

/** Forms that change a plan are for those who may write to its council (the service checks again on saving). */
export function requireWrite(actor: Actor, council: string): void {
  if (!canWriteCouncil(actor, council)) throw new ForbiddenError('You can read this plan but not change it.');
}
