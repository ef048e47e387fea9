/**
 * The edges of the sync as people run them: `csci sync`, `csci sync --status` and `csci
 * subscriptions` on a SQLite store in a --data-dir, and CSCI_SYNC_ON_START=1 at web start. These
 * use the real pause between requests (at least 1 s), so the imitation serves few pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer } from '../../src/server.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';
import { startOfstedImitation, type OfstedImitation } from './ofsted-imitation.ts';
import { ilacsReportPdf } from './synthetic-reports.ts';

const DERBY = '80459';
let site: OfstedImitation;

before(async () => {
  site = await startOfstedImitation(
    [
      {
        urn: DERBY,
        name: 'Derby',
        publications: [
          {
            fileId: 50_200_001,
            kindLabel: "Children's services inspection",
            date: '2024-07-15',
            bytes: ilacsReportPdf('Derby City Council', { days: '3 to 14 June 2024' }),
          },
        ],
      },
    ],
    { listEveryCouncil: false },
  );
});
after(async () => site.close());

async function csci(
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(argv, {
      stdout: { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: (chunk: string) => ((stderr += chunk), true) } as unknown as NodeJS.WritableStream,
    });
    return { code, stdout, stderr };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

test('csci subscriptions, csci sync --council and csci sync --status', async () => {
  const dataDir = makeTempDir('csci-sync-cli-');
  const env = {
    CSCI_OFSTED_REPORTS_URL: site.reportsUrl,
    CSCI_OFSTED_FILES_URL: site.filesUrl,
    CSCI_SYNC_DELAY_MS: '1000',
    CSCI_SYNC_CONTACT: 'cli@example.test',
  };
  const added = await csci(
    env,
    'subscriptions',
    'add',
    'lead@example.test',
    '--neighbours-of',
    DERBY,
    '--data-dir',
    dataDir,
  );
  assert.equal(added.code, 0, added.stderr);
  assert.match(
    added.stdout,
    /Subscription 1: lead@example\.test is alerted about council 80459 and its statistical neighbours/,
  );
  assert.equal(
    (await csci(env, 'subscriptions', 'add', 'lead@example.test', '--region', 'Atlantis', '--data-dir', dataDir)).code,
    1,
  );
  assert.equal((await csci(env, 'subscriptions', 'add', 'lead@example.test', '--data-dir', dataDir)).code, 2);
  const region = await csci(
    env,
    'subscriptions',
    'add',
    'lead@example.test',
    '--region',
    'east midlands',
    '--data-dir',
    dataDir,
  );
  assert.match(region.stdout, /the East Midlands region/);
  assert.match(
    (await csci(env, 'subscriptions', 'list', '--data-dir', dataDir)).stdout,
    /^1 {2}lead@example\.test .*\n2 {2}lead@example\.test .*East Midlands/,
  );
  assert.equal((await csci(env, 'subscriptions', 'remove', '2', '--data-dir', dataDir)).code, 0);

  const first = await csci(env, 'sync', '--council', DERBY, '--json', '--data-dir', dataDir);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const summary = JSON.parse(first.stdout) as {
    imported: { fileId: string }[];
    requests: number;
    alerts: { status: string }[];
  };
  assert.deepEqual(
    summary.imported.map((item) => item.fileId),
    ['50200001'],
  );
  assert.equal(summary.requests, 2);
  assert.deepEqual(
    summary.alerts.map((alert) => alert.status),
    ['no-smtp'],
  );
  const second = await csci(env, 'sync', '--council', DERBY, '--data-dir', dataDir);
  assert.equal(second.code, 0);
  assert.match(second.stdout, /New 0, already held 0, not ours 0, not read yet 0, failed 0\./);
  const status = await csci(env, 'sync', '--status', '--data-dir', dataDir);
  assert.match(status.stdout, /^#2 .* finished: 1 council, 1 request, 0 downloads; new 0/m);
  assert.match(status.stdout, /^#1 .* finished: 1 council, 2 requests, 1 download; new 1/m);
});

test('a failed sync exits 1; one that warns exits 3', async () => {
  const dataDir = makeTempDir('csci-sync-cli-');
  const env = {
    CSCI_OFSTED_REPORTS_URL: site.reportsUrl,
    CSCI_OFSTED_FILES_URL: site.filesUrl,
    CSCI_SYNC_DELAY_MS: '1000',
  };
  site.faults.forbidden = true;
  const refused = await csci(env, 'sync', '--council', DERBY, '--data-dir', dataDir);
  site.faults.forbidden = false;
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /Failed:\n {2}80459: http-status: .*HTTP 403/);
  site.faults.renamedClasses = true;
  const changed = await csci(env, 'sync', '--council', DERBY, '--data-dir', dataDir);
  site.faults.renamedClasses = false;
  assert.equal(changed.code, 3);
  assert.match(changed.stdout, /Warnings \(\d+\):\n {2}provider-layout-changed: /);
});

test('CSCI_SYNC_ON_START=1 runs one sync in the background at web start', async () => {
  const dir = makeTempDir('csci-sync-start-');
  const lines: string[] = [];
  const config = loadConfig(
    {
      CSCI_DATA_DIR: dir,
      CSCI_OFSTED_REPORTS_URL: site.reportsUrl,
      CSCI_OFSTED_FILES_URL: site.filesUrl,
      CSCI_SYNC_DELAY_MS: '1000',
      CSCI_SYNC_ON_START: '1',
      PORT: '1',
    },
    dir,
  );
  const server = await startServer({
    config: { ...config, port: 0, reportsDir: undefined },
    logger: createLogger({ level: 'silent' }),
    say: (line) => lines.push(line),
    host: '127.0.0.1',
  });
  try {
    for (let wait = 0; wait < 200 && !lines.some((line) => line.startsWith('Background sync')); wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(lines.join('\n'), /Background sync 1 finished: 1 new, 0 failed, 1 warnings/);
    const inspections = await server.services.inspections.listAll();
    assert.equal(inspections[0]!.ofstedUrl, `${site.filesUrl}/v1/file/50200001`);
    const page = await fetch(`${server.address}/inspections/${inspections[0]!.id}`);
    assert.match(await page.text(), new RegExp(`href="${site.filesUrl}/v1/file/50200001"`));
  } finally {
    await server.close();
  }
});
