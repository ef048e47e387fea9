/** The register as the web app, the API and the CLI read it: list, search, resolve, one council with its peers. */
import type { Kysely } from 'kysely';
import { councilNameKey } from '../analytics/index.ts';
import { NotFoundError } from '../errors.ts';
import {
  findCouncilRow,
  listFormerCodeRows,
  listCouncilRows,
  listNeighbourRows,
  listPredecessorRows,
  type Database,
} from '../store/index.ts';
import { matchCouncils, resolveCouncilIn } from './council-match.ts';
import { groupRegisterHistory, neighboursByUrn, toCouncilView, type CouncilView } from './views.ts';

export interface CouncilDetail {
  readonly authority: CouncilView;
  /** Every council in the same region (this one included), by name. */
  readonly region: {
    readonly code: string | null;
    readonly name: string | null;
    readonly members: readonly CouncilView[];
  };
  /** The statistical neighbours found in the register, nearest first. */
  readonly neighbours: readonly CouncilView[];
}

export interface CouncilService {
  /** Every council, by name; abolished ones only when asked. */
  list(options?: { readonly includeInactive?: boolean }): Promise<CouncilView[]>;
  /** Councils whose name, other names, URN, LA code or GSS code (current or former) match the text (case-insensitive); exact matches first. */
  search(text: string, options?: { readonly includeInactive?: boolean }): Promise<CouncilView[]>;
  /** One council by URN, LA code, GSS code or name (as reports print it); throws NotFoundError. */
  resolve(reference: string): Promise<CouncilView>;
  /** The council a printed name refers to, or undefined. */
  findByPrintedName(name: string): Promise<CouncilView | undefined>;
  /** One council with its region and statistical neighbours; throws NotFoundError. */
  get(reference: string): Promise<CouncilDetail>;
  /** The name of the council with this URN, read alone (not the whole register); throws NotFoundError. */
  nameOf(urn: string): Promise<string>;
}

/** The council a printed name refers to, among these; an active council wins over an abolished namesake. */
export function matchPrintedName(authorities: readonly CouncilView[], name: string): CouncilView | undefined {
  const key = councilNameKey(name);
  if (key === '') return undefined;
  const matches = authorities.filter((authority) =>
    [authority.name, ...authority.alsoKnownAs].some((candidate) => councilNameKey(candidate) === key),
  );
  return matches.find((authority) => authority.active) ?? matches[0];
}

/** One council among these by URN, LA code, GSS code (current or former) or name, as the search matches them; throws NotFoundError or ValidationError naming the closest. */
export function resolveIn(authorities: readonly CouncilView[], reference: string): CouncilView {
  return resolveCouncilIn(authorities, reference);
}

export function createCouncilService(db: Kysely<Database>): CouncilService {
  const all = async (): Promise<CouncilView[]> => {
    const [rows, neighbours, formerCodes, predecessors] = await Promise.all([
      listCouncilRows(db),
      listNeighbourRows(db),
      listFormerCodeRows(db),
      listPredecessorRows(db),
    ]);
    const grouped = neighboursByUrn(neighbours);
    const history = groupRegisterHistory(formerCodes, predecessors);
    return rows.map((row) => toCouncilView(row, grouped, history));
  };
  return {
    async list(options = {}) {
      return (await all()).filter((authority) => options.includeInactive || authority.active);
    },
    async search(text, options = {}) {
      const authorities = (await all()).filter((authority) => options.includeInactive || authority.active);
      if (text.trim() === '') return authorities;
      const { exact, partial } = matchCouncils(authorities, text);
      return [...exact, ...partial];
    },
    async resolve(reference) {
      return resolveIn(await all(), reference);
    },
    async findByPrintedName(name) {
      return matchPrintedName(await all(), name);
    },
    async get(reference) {
      const authorities = await all();
      const authority = resolveIn(authorities, reference);
      const byCode = new Map(
        authorities.filter((candidate) => candidate.laCode !== null).map((candidate) => [candidate.laCode, candidate]),
      );
      return {
        authority,
        region: {
          code: authority.regionCode,
          name: authority.regionName,
          members:
            authority.regionName === null
              ? [authority]
              : authorities.filter((candidate) => candidate.regionName === authority.regionName),
        },
        neighbours: authority.statisticalNeighbours.flatMap((code) => byCode.get(code) ?? []),
      };
    },
    async nameOf(urn) {
      const row = await findCouncilRow(db, urn);
      if (!row) throw new NotFoundError(`There is no council with URN ${urn}.`);
      return row.name;
    },
  };
}
