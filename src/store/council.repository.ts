/** SQL for the local authority register. */
import type { Kysely } from 'kysely';
import type { CouncilRow, Database, FormerCodeRow, NewCouncil, PredecessorRow } from './database.ts';

export interface RegisterEntry {
  readonly authority: NewCouncil;
  /** LA codes of the statistical neighbours, nearest first. */
  readonly neighbours: readonly string[];
}

export interface NeighbourRow {
  urn: string;
  position: number;
  neighbour_la_code: string;
}

export async function countCouncils(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('local_authority')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Inserts the whole register in one transaction; councils already there are left as they are. */
export async function insertRegister(db: Kysely<Database>, entries: readonly RegisterEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const neighbours = entries.flatMap((entry) =>
    entry.neighbours.map((code, index) => ({ urn: entry.authority.urn, position: index + 1, neighbour_la_code: code })),
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('local_authority')
      .values(entries.map((entry) => entry.authority))
      .onConflict((conflict) => conflict.column('urn').doNothing())
      .execute();
    if (neighbours.length > 0)
      await trx
        .insertInto('statistical_neighbour')
        .values(neighbours)
        .onConflict((conflict) => conflict.columns(['urn', 'position']).doNothing())
        .execute();
  });
}

export async function listCouncilRows(db: Kysely<Database>): Promise<CouncilRow[]> {
  return db.selectFrom('local_authority').selectAll().orderBy('name').execute();
}

/** One council by URN (a council workspace checks its council exists). */
export async function findCouncilRow(db: Kysely<Database>, urn: string): Promise<CouncilRow | undefined> {
  return db.selectFrom('local_authority').selectAll().where('urn', '=', urn).executeTakeFirst();
}

export async function listNeighbourRows(db: Kysely<Database>): Promise<NeighbourRow[]> {
  return db.selectFrom('statistical_neighbour').selectAll().orderBy('urn').orderBy('position').execute();
}

export async function listFormerCodeRows(db: Kysely<Database>): Promise<FormerCodeRow[]> {
  return db
    .selectFrom('local_authority_former_code')
    .selectAll()
    .orderBy('urn')
    .orderBy('in_use_until')
    .orderBy('code')
    .execute();
}

export async function listPredecessorRows(db: Kysely<Database>): Promise<PredecessorRow[]> {
  return db.selectFrom('local_authority_predecessor').selectAll().orderBy('urn').orderBy('predecessor_urn').execute();
}

/**
 * Loads the register's history (former codes and predecessors) in one transaction when none is
 * stored; rows for a council the register does not hold are left out. Returns how many rows it added.
 */
export async function insertRegisterHistory(
  db: Kysely<Database>,
  history: { readonly formerCodes: readonly FormerCodeRow[]; readonly predecessors: readonly PredecessorRow[] },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('local_authority_former_code')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    const storedLinks = await trx
      .selectFrom('local_authority_predecessor')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(stored.count) > 0 || Number(storedLinks.count) > 0) return 0;
    const known = new Set((await trx.selectFrom('local_authority').select('urn').execute()).map((row) => row.urn));
    const codes = history.formerCodes.filter((row) => known.has(row.urn));
    const links = history.predecessors.filter((row) => known.has(row.urn) && known.has(row.predecessor_urn));
    if (codes.length > 0) await trx.insertInto('local_authority_former_code').values(codes).execute();
    if (links.length > 0) await trx.insertInto('local_authority_predecessor').values(links).execute();
    return codes.length + links.length;
  });
}
