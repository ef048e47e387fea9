import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const empty = mkdtempSync(join(tmpdir(), 'csci-config-'));
after(() => rmSync(empty, { recursive: true, force: true }));

test('defaults work on a laptop: port 3000, SQLite under ./data, no reports folder when there is none', () => {
  assert.deepEqual(loadConfig({}, empty), { port: 3000, databaseUrl: undefined, dataDir: join(empty, 'data'), reportsDir: undefined, production: false, databaseTimeoutMs: 10_000, publicUrl: undefined, rateLimitPerMinute: 600 });
});

test('values from the environment, with empty ones treated as unset', () => {
  const config = loadConfig(
    { PORT: '8080', DATABASE_URL: 'postgres://app@db:5432/csci', CSCI_DATA_DIR: '/srv/csci', CSCI_REPORTS_DIR: empty, NODE_ENV: 'production', CSCI_DB_TIMEOUT_SECONDS: '2.5', CSCI_PUBLIC_URL: 'https://csci.example.org/', CSCI_RATE_LIMIT: '0' },
    '/',
  );
  assert.deepEqual(config, {
    port: 8080,
    databaseUrl: 'postgres://app@db:5432/csci',
    dataDir: '/srv/csci',
    reportsDir: empty,
    production: true,
    databaseTimeoutMs: 2500,
    publicUrl: 'https://csci.example.org',
    rateLimitPerMinute: 0,
  });
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }, empty).port, 3000);
});

test('bad values fail at once, naming every bad variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }, empty), (error: unknown) => error instanceof ConfigError && /PORT must be a whole number/.test(error.message));
  assert.throws(() => loadConfig({ PORT: '70000' }, empty), /PORT must be between 1 and 65535/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }, empty), /DATABASE_URL must be a postgres/);
  assert.throws(() => loadConfig({ CSCI_DB_TIMEOUT_SECONDS: '0' }, empty), /CSCI_DB_TIMEOUT_SECONDS must be more than 0/);
  assert.throws(() => loadConfig({ CSCI_PUBLIC_URL: 'evil.example' }, empty), /CSCI_PUBLIC_URL must be an http/);
  assert.throws(() => loadConfig({ CSCI_RATE_LIMIT: 'lots' }, empty), /CSCI_RATE_LIMIT must be a whole number/);
  assert.throws(() => loadConfig({ CSCI_REPORTS_DIR: join(empty, 'nope'), PORT: '0' }, empty), /CSCI_REPORTS_DIR must be an existing folder.*PORT|PORT.*CSCI_REPORTS_DIR must be an existing folder/);
});
