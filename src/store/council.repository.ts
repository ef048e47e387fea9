/** SQL for the local authority register. */
import type { Kysely } from 'kysely';
import type { Database, CouncilRow, NewCouncil } from './database.ts';

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
  const row = await db.selectFrom('local_authority').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Inserts the whole register in one transaction; councils already there are left as they are. */
export async function insertRegister(db: Kysely<Database>, entries: readonly RegisterEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const neighbours = entries.flatMap((entry) => entry.neighbours.map((code, index) => ({ urn: entry.authority.urn, position: index + 1, neighbour_la_code: code })));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('local_authority').values(entries.map((entry) => entry.authority)).onConflict((conflict) => conflict.column('urn').doNothing()).execute();
    if (neighbours.length > 0) await trx.insertInto('statistical_neighbour').values(neighbours).onConflict((conflict) => conflict.columns(['urn', 'position']).doNothing()).execute();
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
