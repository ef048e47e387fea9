/**
 * The store suite runs on every dialect listed in CSCI_TEST_DIALECTS (default: sqlite, plus postgres
 * when DATABASE_URL is set, as `.ci/run` does). SQLite runs in memory; PostgreSQL in a schema made
 * for the run and dropped after it.
 */
import { randomBytes } from 'node:crypto';
import { createDb, type DialectName, type StoreLocation } from '../../src/store/index.ts';
import { createServices, type Services, type ServicesOptions } from '../../src/services/index.ts';

const requested = process.env.CSCI_TEST_DIALECTS ?? (process.env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite');
export const TEST_DIALECTS: readonly DialectName[] = requested
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is DialectName => name === 'sqlite' || name === 'postgres');

export interface TestStore {
  readonly location: StoreLocation;
  /** Drops what the store made (the PostgreSQL schema); SQLite memory goes with its connection. */
  drop(): Promise<void>;
}

export async function createTestStore(dialect: DialectName): Promise<TestStore> {
  if (dialect === 'sqlite') return { location: { sqlite: ':memory:' }, drop: async () => {} };
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('The postgres dialect was asked for, but DATABASE_URL is not set.');
  const schema = `csci_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ postgres: url });
  await admin.db.schema.createSchema(schema).execute();
  await admin.db.destroy();
  return {
    location: { postgres: url, schema },
    async drop() {
      const cleaner = createDb({ postgres: url });
      await cleaner.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await cleaner.db.destroy();
    },
  };
}

/** Services on a fresh store of the dialect; `done()` closes them and drops the store. */
export async function createTestServices(
  dialect: DialectName,
  options: Omit<ServicesOptions, 'location'> = {},
): Promise<Services & { done(): Promise<void> }> {
  const store = await createTestStore(dialect);
  const services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    { ...options, location: store.location },
  );
  return Object.assign(services, {
    async done() {
      await services.close();
      await store.drop();
    },
  });
}
