/**
 * What the plan forms share: the version a form was based on (a hidden field), dates typed as
 * 2026-03-31 or 31/03/2026, GOV.UK error entries for domain errors, the view of a stale write (the
 * user's answers beside what is saved now), and the handling every plan form follows once posted
 * (`submitPlanForm`: read and check, save on the version it was based on, then go on, or show the
 * form again with the error summary: 400 for bad answers, 409 for a stale write).
 */
import type { FastifyReply } from 'fastify';
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { DomainError, ForbiddenError, StaleWriteError } from '../../../errors.ts';
import { readDate } from '../../../services/plan-vocabulary.ts';
import { formErrors, type FormErrors } from '../account/private-pages.ts';

export interface StaleView {
  readonly fields: readonly { readonly label: string; readonly yours: string; readonly saved: string }[];
}

export type FormBody = Record<string, string | string[] | undefined>;

export const capital = (value: string) => value[0]!.toUpperCase() + value.slice(1);
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

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

/** What a plan form shows when it is shown again. */
export interface PlanFormState<V> {
  readonly values?: V;
  readonly errors?: FormErrors;
  readonly stale?: StaleView | null;
  readonly version?: number;
  readonly status?: number;
}

export interface PlanForm<V, I> {
  /** The answers as typed (shown again), the errors in them, and the input for the service. */
  readonly read: () => { values: V; errors: readonly (readonly [string, string])[]; input: I };
  /** Saves on the version the form was based on; gives the address to go on to. */
  readonly save: (input: I, basedOnVersion: number) => Promise<string>;
  /** Shows the form again. */
  readonly show: (state: PlanFormState<V>) => Promise<unknown>;
  /** The field a refusal from the service is shown on. */
  readonly errorField: string;
  /** The field a stale write is shown on, if not `errorField`. */
  readonly staleField?: string;
  /** After a stale write: what to show beside the answers (by default only the version now current). */
  readonly whenStale?: (error: StaleWriteError, values: V) => Promise<PlanFormState<V>>;
  /** How a refusal from the service is worded on the form (by default its own message, `domainFormErrors`). */
  readonly refusal?: (error: unknown, field: string) => FormErrors;
}

/** A posted plan form, handled the way every plan form is. */
export async function submitPlanForm<V, I>(
  reply: FastifyReply,
  body: FormBody,
  form: PlanForm<V, I>,
): Promise<unknown> {
  const version = versionOf(body);
  const { values, errors, input } = form.read();
  if (errors.length > 0) return form.show({ values, errors: formErrors(errors), version, status: 400 });
  const refusal = form.refusal ?? domainFormErrors;
  try {
    return reply.redirect(await form.save(input, version), 303);
  } catch (error) {
    if (error instanceof StaleWriteError) {
      const shown = form.whenStale ? await form.whenStale(error, values) : { version: error.currentVersion };
      return form.show({ ...shown, values, errors: refusal(error, form.staleField ?? form.errorField), status: 409 });
    }
    return form.show({ values, errors: refusal(error, form.errorField), version, status: 400 });
  }
}
