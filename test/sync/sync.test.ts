/**
 * `csci sync` against the local imitation of Ofsted's site, on every test dialect: first sync,
 * unchanged second sync (no file downloaded), a new publication with its alert email and webhook,
 * and each fault switch ending in a clear summary with nothing half-stored.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createServices, type Services } from '../../src/services/index.ts';
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from '../../src/services/alert.service.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';
import { createTestStore, TEST_DIALECTS, type TestStore } from '../helpers/dialects.ts';
import { startOfstedImitation, type OfstedImitation } from './ofsted-imitation.ts';
import { unreadableLetterPdf, ilacsReportPdf } from './synthetic-reports.ts';

const DERBY = '80459';
const NOTTINGHAM = '80533';

interface Mail {
  to: string;
  subject: string;
  body: string;
}

async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
          subject: /^Subject: (.*)$/m.exec(body)?.[1] ?? '',
          body,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startWebhookReceiver(): Promise<{
  url: string;
  calls: { headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}> {
  const calls: { headers: IncomingMessage['headers']; body: string }[] = [];
  let failFirst = true;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failFirst) {
        failFirst = false;
        response.writeHead(503).end();
        return;
      }
      calls.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function siteCouncils() {
  return [
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
        {
          fileId: 50_150_002,
          kindLabel: "Children's services focused visit",
          date: '2022-03-02',
          bytes: unreadableLetterPdf('Derby City Council', '1 February 2022'),
        },
        { fileId: 50_140_003, kindLabel: 'Area SEND full inspection', date: '2022-01-20' },
      ],
    },
    {
      urn: NOTTINGHAM,
      name: 'Nottingham',
      publications: [
        {
          fileId: 50_100_004,
          kindLabel: "single inspection of LA children's services",
          legacyWording: true,
          date: '2019-07-01',
          bytes: ilacsReportPdf('Nottingham City Council', { days: '29 April to 10 May 2019' }, 'Inadequate'),
        },
      ],
    },
  ];
}

for (const dialect of TEST_DIALECTS) {
  describe(`csci sync against the imitation of Ofsted's site (${dialect})`, () => {
    let site: OfstedImitation;
    let store: TestStore;
    let services: Services;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let dataDir: string;
    const pauses: number[] = [];

    before(async () => {
      site = await startOfstedImitation(siteCouncils());
      smtp = await startSmtp();
      hooks = await startWebhookReceiver();
      store = await createTestStore(dialect);
      dataDir = makeTempDir('csci-sync-');
      services = await createServices(
        {
          databaseUrl: undefined,
          dataDir,
          smtpUrl: smtp.url,
          publicUrl: 'https://csci.example',
          sync: {
            reportsUrl: site.reportsUrl,
            filesUrl: site.filesUrl,
            contact: 'data-team@council.example',
            delayMs: 1000,
            onStart: false,
            mailFrom: 'csci <csci@test.example>',
          },
        },
        {
          location: store.location,
          sync: { client: { sleep: async (ms) => void pauses.push(ms), timeoutMs: 400, maxRetryAfterMs: 5000 } },
          alerts: { sleep: async () => {} },
        },
      );
    });
    after(async () => {
      await services.close();
      await store.drop();
      await Promise.all([site.close(), smtp.close(), hooks.close()]);
    });

    const reportsOnDisk = (): string[] =>
      existsSync(join(dataDir, 'reports'))
        ? readdirSync(join(dataDir, 'reports'), { recursive: true, encoding: 'utf8' }).filter((name) =>
            name.includes('.pdf'),
          )
        : [];

    test('a first sync imports every publication of ours it serves, politely, and keeps each Ofsted address', async () => {
      await services.alerts.subscribe({
        email: 'Analyst@Derby.example',
        scope: 'council',
        target: DERBY,
        webhookUrl: hooks.url,
        webhookSecret: 's3cret',
      });
      const summary = await services.sync.run();
      assert.equal(summary.status, 'finished', JSON.stringify(summary));
      assert.deepEqual(summary.failed, []);
      assert.deepEqual(summary.warnings, []);
      assert.deepEqual(summary.imported.map((item) => item.fileId).sort(), ['50100004', '50200001']);
      assert.deepEqual(
        summary.notReadYet.map((item) => item.fileId),
        ['50150002'],
      );
      assert.ok(summary.notOurs.some((item) => item.fileId === '50140003'));
      assert.equal(summary.downloads, 3);
      assert.equal(summary.councils, site.councils.length);
      assert.equal(site.counts.files, 3);
      const inspections = await services.inspections.listAll();
      assert.equal(inspections.length, 2);
      const derby = await services.inspections.get(summary.imported.find((item) => item.urn === DERBY)!.inspectionId!);
      assert.equal(derby.published, '2024-07-15');
      assert.equal(derby.ofstedUrl, `${site.filesUrl}/v1/file/50200001`);
      // Polite: one User-Agent with the contact; a pause of 1-2.5 s before every request after the first.
      assert.deepEqual(
        [...site.counts.userAgents],
        ["csc-inspections-sync/0.1 (children's services inspection data; contact: data-team@council.example)"],
      );
      assert.equal(pauses.length, site.counts.all - 1);
      assert.ok(
        pauses.every((ms) => ms >= 1000 && ms <= 2500),
        `pauses: ${pauses.slice(0, 5).join(', ')}`,
      );
      assert.ok(site.connections() <= 4, `${site.connections()} connections`);
      assert.deepEqual(
        reportsOnDisk().filter((name) => name.includes('.part-')),
        [],
      );
      // The old report is alerted to nobody (no subscription to Nottingham); Derby's once by email, once by webhook.
      assert.equal(smtp.mails.length, 1);
      assert.equal(smtp.mails[0]!.to, 'analyst@derby.example');
      assert.match(smtp.mails[0]!.subject, /Derby: Children's services inspection published 2024-07-15/);
      assert.match(smtp.mails[0]!.body, /Overall effectiveness: Good/);
      assert.match(smtp.mails[0]!.body, new RegExp(`${site.filesUrl}/v1/file/50200001`));
      assert.equal(hooks.calls.length, 1);
      assert.equal(hooks.calls[0]!.headers[WEBHOOK_SIGNATURE_HEADER], signWebhookBody(hooks.calls[0]!.body, 's3cret'));
      assert.equal((JSON.parse(hooks.calls[0]!.body) as { fileId: string }).fileId, '50200001');
    });

    test('a second sync of the unchanged site downloads no file (ETag and 304)', async () => {
      site.resetCounts();
      const summary = await services.sync.run();
      assert.equal(summary.status, 'finished');
      assert.equal(site.counts.files, 0);
      assert.equal(summary.downloads, 0);
      assert.equal(site.counts.notModified, site.councils.length);
      assert.equal(summary.pagesUnchanged, site.councils.length);
      assert.deepEqual(summary.imported, []);
      assert.deepEqual(summary.failed, []);
    });

    test("without ETags the hash of each page's publication list spares the downloads too", async () => {
      site.faults.etags = false;
      site.resetCounts();
      const summary = await services.sync.run();
      site.faults.etags = true;
      assert.equal(site.counts.files, 0);
      assert.equal(summary.pagesUnchanged, site.councils.length);
    });

    test('one new publication is imported by the next sync, with one alert email and one webhook call', async () => {
      site.publish(DERBY, {
        fileId: 50_300_005,
        kindLabel: "Children's services inspection",
        date: '2026-11-20',
        bytes: ilacsReportPdf('Derby City Council', { days: '6 to 17 October 2026' }, 'Outstanding'),
      });
      site.resetCounts();
      const mailsBefore = smtp.mails.length;
      const hooksBefore = hooks.calls.length;
      const summary = await services.sync.run();
      assert.deepEqual(
        summary.imported.map((item) => item.fileId),
        ['50300005'],
      );
      assert.equal(site.counts.files, 1);
      assert.equal(smtp.mails.length - mailsBefore, 1);
      assert.equal(hooks.calls.length - hooksBefore, 1);
      assert.match(smtp.mails.at(-1)!.body, /Overall effectiveness: Outstanding/);
      assert.match(smtp.mails.at(-1)!.body, /https:\/\/csci\.example\/inspections\/\d+/);
      const again = await services.sync.run();
      assert.deepEqual(again.imported, []);
      assert.equal(smtp.mails.length - mailsBefore, 1, 'an alert is sent once');
    });

    test('sync --status shows the runs, newest first, with their counts', async () => {
      const runs = await services.sync.status(3);
      assert.equal(runs.length, 3);
      assert.equal(runs[1]!.imported, 1);
      assert.equal(runs[1]!.alertsSent, 2);
      assert.ok(runs.every((run) => run.status === 'finished'));
    });
  });
}
