/**
 * How a council is found from what a person types, one way for the web search, the API's `?q=`
 * and the CLI's `--la`: a code (URN, LA code, GSS code, or a code it had before), a name as
 * reports print it, or part of a name. Pure.
 */
import { distance } from 'fastest-levenshtein';
import { councilNameKey } from '../analytics/index.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CouncilView } from './views.ts';

export interface CouncilMatches {
  /** Councils the text names exactly, in tiers: a current code, a former code, a name's key. */
  readonly byCode: readonly CouncilView[];
  readonly byFormerCode: readonly CouncilView[];
  readonly byName: readonly CouncilView[];
  /** All three tiers, in that order. */
  readonly exact: readonly CouncilView[];
  /** Other councils with a name containing the text. */
  readonly partial: readonly CouncilView[];
}

/** Every name a council answers to: its own, the other names reports print, and its predecessors' codes' names. */
function namesOf(authority: CouncilView): string[] {
  return [
    authority.name,
    ...authority.alsoKnownAs,
    ...authority.formerCodes.filter((code) => code.change === 'predecessor').map((code) => code.name),
  ];
}

function byCurrentCode(authority: CouncilView, text: string): boolean {
  return authority.urn === text || authority.laCode === text || authority.gssCode === text.toUpperCase();
}

function byFormerCode(authority: CouncilView, text: string): boolean {
  return authority.formerCodes.some((code) => code.code === (code.codeType === 'gss' ? text.toUpperCase() : text));
}

export function matchCouncils(authorities: readonly CouncilView[], text: string): CouncilMatches {
  const needle = text.trim();
  if (needle === '') return { byCode: [], byFormerCode: [], byName: [], exact: [], partial: [] };
  const key = councilNameKey(needle);
  const lower = needle.toLowerCase();
  const current = authorities.filter((authority) => byCurrentCode(authority, needle));
  const former = authorities.filter((authority) => !current.includes(authority) && byFormerCode(authority, needle));
  const named =
    key === ''
      ? []
      : authorities.filter(
          (authority) =>
            !current.includes(authority) &&
            !former.includes(authority) &&
            namesOf(authority).some((name) => councilNameKey(name) === key),
        );
  const exact = [...current, ...former, ...named];
  const partial = authorities.filter(
    (authority) => !exact.includes(authority) && namesOf(authority).some((name) => name.toLowerCase().includes(lower)),
  );
  return { byCode: current, byFormerCode: former, byName: named, exact, partial };
}

/** How far a name is from the text: 0 for a name containing it, else the edit distance over the longer length. */
function remoteness(authority: CouncilView, key: string): number {
  return Math.min(
    ...namesOf(authority).map((name) => {
      const candidate = councilNameKey(name);
      if (candidate.includes(key)) return 0;
      return distance(candidate, key) / Math.max(candidate.length, key.length, 1);
    }),
  );
}

/** The councils whose names are nearest the text, nearest first (active councils before abolished ones at the same distance). */
export function closestCouncils(authorities: readonly CouncilView[], text: string, limit = 5): CouncilView[] {
  const key = councilNameKey(text) || text.trim().toLowerCase();
  return authorities
    .map((authority) => ({ authority, score: remoteness(authority, key) }))
    .sort(
      (a, b) =>
        a.score - b.score ||
        Number(b.authority.active) - Number(a.authority.active) ||
        a.authority.name.localeCompare(b.authority.name),
    )
    .slice(0, limit)
    .map(({ authority }) => authority);
}

/** "Darlington (URN 80455)", or "Poole (URN 137316, abolished 2019-04-01)". */
export function describeCouncil(authority: CouncilView): string {
  return `${authority.name} (URN ${authority.urn}${authority.abolishedOn ? `, abolished ${authority.abolishedOn}` : ''})`;
}

const listed = (authorities: readonly CouncilView[]): string => authorities.map(describeCouncil).join('; ');

/**
 * The one council the text means. Exact matches win (an active council over an abolished
 * namesake); else a name containing the text, when only one does. Several candidates are a
 * ValidationError listing them; none is a NotFoundError listing the closest names.
 */
export function resolveCouncilIn(authorities: readonly CouncilView[], reference: string): CouncilView {
  const text = reference.trim();
  if (text === '') throw new ValidationError('Give a council: its URN, LA code, GSS code or name.', 'invalid-input');
  const matches = matchCouncils(authorities, text);
  const tiers = [matches.byCode, matches.byFormerCode, matches.byName];
  const exactTier = tiers.find((tier) => tier.length > 0);
  const candidates = exactTier ?? matches.partial;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const active = candidates.filter((authority) => authority.active);
    if (exactTier && active.length === 1) return active[0]!;
    const shown = candidates.slice(0, 10);
    throw new ValidationError(
      `"${text}" matches ${candidates.length} councils: ${listed(shown)}${candidates.length > shown.length ? '; and more' : ''}. Give the URN or more of the name.`,
      'ambiguous-council',
    );
  }
  throw new NotFoundError(
    `No council in the register matches "${text}". The closest: ${listed(closestCouncils(authorities, text))}.`,
    'unknown-local-authority',
  );
}
