import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const empty = mkdtempSync(join(tmpdir(), 'csci-config-'));
after(() => rmSync(empty, { recursive: true, force: true }));

test('defaults work on a laptop: port 3000, SQLite under ./data, no reports folder when there is none', () => {
  const { sync, smtpUrl, ...rest } = loadConfig({}, empty);
  assert.deepEqual(rest, {
    port: 3000,
    databaseUrl: undefined,
    dataDir: join(empty, 'data'),
    reportsDir: undefined,
    production: false,
    databaseTimeoutMs: 10_000,
    publicUrl: undefined,
    rateLimitPerMinute: 600,
    sessionSecret: undefined,
    trustProxy: false,
    host: '127.0.0.1',
    oidc: undefined,
    evidenceMaxBytes: 20 * 1024 * 1024,
  });
  assert.equal(smtpUrl, undefined);
  assert.deepEqual(sync, {
    reportsUrl: 'https://reports.ofsted.gov.uk',
    filesUrl: 'https://files.ofsted.gov.uk',
    contact: undefined,
    delayMs: 2000,
    onStart: false,
    mailFrom: 'csc-inspections <csci@localhost>',
  });
});

test('values from the environment, with empty ones treated as unset', () => {
  const secret = 's'.repeat(40);
  const config = loadConfig(
    {
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/csci',
      CSCI_DATA_DIR: '/srv/csci',
      CSCI_REPORTS_DIR: empty,
      NODE_ENV: 'production',
      CSCI_SESSION_SECRET: secret,
      CSCI_DB_TIMEOUT_SECONDS: '2.5',
      CSCI_PUBLIC_URL: 'https://csci.example.org/',
      CSCI_RATE_LIMIT: '0',
      CSCI_EVIDENCE_MAX_MB: '5',
    },
    '/',
  );
  const { sync: _sync, smtpUrl: _smtp, ...rest } = config;
  assert.deepEqual(rest, {
    port: 8080,
    databaseUrl: 'postgres://app@db:5432/csci',
    dataDir: '/srv/csci',
    reportsDir: empty,
    production: true,
    databaseTimeoutMs: 2500,
    publicUrl: 'https://csci.example.org',
    rateLimitPerMinute: 0,
    sessionSecret: secret,
    trustProxy: false,
    host: '127.0.0.1',
    oidc: undefined,
    evidenceMaxBytes: 5 * 1024 * 1024,
  });
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }, empty).port, 3000);
});

test('bad values fail at once, naming every bad variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }, empty),
    (error: unknown) => error instanceof ConfigError && /PORT must be a whole number/.test(error.message),
  );
  assert.throws(() => loadConfig({ PORT: '70000' }, empty), /PORT must be between 1 and 65535/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }, empty), /DATABASE_URL must be a postgres/);
  assert.throws(
    () => loadConfig({ CSCI_DB_TIMEOUT_SECONDS: '0' }, empty),
    /CSCI_DB_TIMEOUT_SECONDS must be more than 0/,
  );
  assert.throws(() => loadConfig({ CSCI_PUBLIC_URL: 'evil.example' }, empty), /CSCI_PUBLIC_URL must be an http/);
  assert.throws(() => loadConfig({ CSCI_RATE_LIMIT: 'lots' }, empty), /CSCI_RATE_LIMIT must be a whole number/);
  assert.throws(
    () => loadConfig({ CSCI_REPORTS_DIR: join(empty, 'nope'), PORT: '0' }, empty),
    /CSCI_REPORTS_DIR must be an existing folder.*PORT|PORT.*CSCI_REPORTS_DIR must be an existing folder/,
  );
});

test('sync settings: Ofsted addresses, contact, delay of at least a second, SMTP', () => {
  const config = loadConfig(
    {
      CSCI_OFSTED_REPORTS_URL: 'http://127.0.0.1:9/',
      CSCI_OFSTED_FILES_URL: 'http://127.0.0.1:10',
      CSCI_SYNC_CONTACT: 'data@council.example',
      CSCI_SYNC_DELAY_MS: '1500',
      CSCI_SYNC_ON_START: '1',
      CSCI_SMTP_URL: 'smtp://127.0.0.1:2525',
    },
    '/',
  );
  assert.deepEqual(
    { ...config.sync, smtpUrl: config.smtpUrl },
    {
      reportsUrl: 'http://127.0.0.1:9',
      filesUrl: 'http://127.0.0.1:10',
      contact: 'data@council.example',
      delayMs: 1500,
      onStart: true,
      mailFrom: 'csc-inspections <csci@localhost>',
      smtpUrl: 'smtp://127.0.0.1:2525',
    },
  );
  assert.throws(() => loadConfig({ CSCI_SYNC_DELAY_MS: '999' }, '/'), /CSCI_SYNC_DELAY_MS must be at least 1000/);
  assert.throws(() => loadConfig({ CSCI_OFSTED_FILES_URL: 'ftp://x' }, '/'), /CSCI_OFSTED_FILES_URL must be an http/);
  assert.throws(() => loadConfig({ CSCI_SMTP_URL: 'mail.example' }, '/'), /CSCI_SMTP_URL must be an smtp/);
});

test('accounts settings: no start in production without a session secret; proxy, host, public address and single sign-on', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }, empty), /CSCI_SESSION_SECRET must be set in production/);
  assert.throws(
    () => loadConfig({ CSCI_SESSION_SECRET: 'short' }, empty),
    /CSCI_SESSION_SECRET must be 32 characters or more/,
  );
  assert.equal(loadConfig({ CSCI_TRUST_PROXY: 'true' }, empty).trustProxy, true);
  assert.equal(loadConfig({ CSCI_TRUST_PROXY: '1' }, empty).trustProxy, 1);
  assert.equal(loadConfig({ CSCI_TRUST_PROXY: '10.0.0.1,10.0.0.2' }, empty).trustProxy, '10.0.0.1,10.0.0.2');
  assert.equal(loadConfig({ HOST: '0.0.0.0' }, empty).host, '0.0.0.0');
  assert.equal(
    loadConfig({ CSCI_PUBLIC_URL: 'https://inspections.example.gov.uk/' }, empty).publicUrl,
    'https://inspections.example.gov.uk',
  );
  assert.throws(() => loadConfig({ CSCI_PUBLIC_URL: 'https://x.example/path' }, empty), /CSCI_PUBLIC_URL must be/);
  assert.throws(
    () => loadConfig({ CSCI_OIDC_ISSUER: 'https://login.example/tenant/v2.0' }, empty),
    /needs all of CSCI_OIDC_ISSUER/,
  );
  assert.deepEqual(
    loadConfig(
      {
        CSCI_OIDC_ISSUER: 'https://login.example/t/v2.0',
        CSCI_OIDC_CLIENT_ID: 'id',
        CSCI_OIDC_CLIENT_SECRET: 'secret',
      },
      empty,
    ).oidc,
    {
      issuer: 'https://login.example/t/v2.0',
      clientId: 'id',
      clientSecret: 'secret',
    },
  );
});
