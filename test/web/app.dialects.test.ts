/**
 * The same pages and API answers whatever the database: the app over PostgreSQL (when the store
 * suite's dialect list has it, as `.ci/run` sets) gives exactly what it gives over SQLite.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/app.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports, type LoadedServices } from '../helpers/services-with-reports.ts';
import { createTestStore, TEST_DIALECTS, type TestStore } from '../helpers/dialects.ts';

const skip = TEST_DIALECTS.includes('postgres')
  ? false
  : 'PostgreSQL is not in CSCI_TEST_DIALECTS (set DATABASE_URL to a test database)';

const URLS = [
  '/api/v1/councils?q=der',
  `/api/v1/councils/${DERBY_URN}`,
  `/api/v1/councils/${DERBY_URN}/inspections`,
  `/api/v1/councils/${NOTTINGHAM_URN}/comparisons?asAt=2024-06-30`,
  `/api/v1/councils/${NOTTINGHAM_URN}/next?asAt=2024-06-30`,
  '/api/v1/inspections/1',
  '/api/v1/inspections/4',
  '/api/v1/stats/national?asAt=2024-06-30',
  '/api/v1/stats/latest-inspections?asAt=2024-06-30',
  '/national/latest-inspections.csv?asAt=2024-06-30',
];

interface Running {
  readonly app: FastifyInstance;
  readonly loaded: LoadedServices;
  readonly store?: TestStore;
}

async function start(store?: TestStore): Promise<Running> {
  const loaded = await servicesWithReports(REPORT_FIXTURES, store ? { location: store.location } : {});
  const app = await createApp({ services: loaded.services, logger: createLogger({ level: 'silent' }) });
  return { app, loaded, store };
}

let sqlite: Running | undefined;
let postgres: Running | undefined;

before(async () => {
  if (skip) return;
  sqlite = await start();
  postgres = await start(await createTestStore('postgres'));
});

after(async () => {
  for (const running of [sqlite, postgres]) {
    await running?.app.close();
    await running?.loaded.close();
    await running?.store?.drop();
  }
});

test('PostgreSQL gives the same API answers and CSV as SQLite', { skip }, async () => {
  for (const url of URLS) {
    const [left, right] = await Promise.all([sqlite?.app.inject(url), postgres?.app.inject(url)]);
    assert.equal(left?.statusCode, 200, url);
    assert.equal(right?.statusCode, 200, url);
    assert.equal(right?.body, left?.body, url);
  }
});
