/**
 * What an attacker found at the edges (issue 15): badly encoded URLs, wrong methods, odd request
 * ids, HSTS over HTTP, framing, out-of-range dates, the Host header in CSV links, one client's
 * flood. The real app over real services and a SQLite store holding a few written reports.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createLogger } from '../../src/logger.ts';
import { createApp, type AppDependencies } from '../../src/app.ts';
import { ComputationGate, latestAsAt } from '../../src/web/middleware/set-up-load-limits.ts';
import { setTransportSecurity } from '../../src/web/middleware/set-up-web-security.ts';
import { DERBY_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports, type LoadedServices } from '../helpers/services-with-reports.ts';

let loaded: LoadedServices;
const apps: FastifyInstance[] = [];
const logLines: Record<string, unknown>[] = [];

async function appWith(
  extra: Partial<AppDependencies> = {},
  services: LoadedServices = loaded,
): Promise<FastifyInstance> {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await createApp({ services: services.services, logger: createLogger({ destination }), ...extra });
  apps.push(app);
  return app;
}

let app: FastifyInstance;
before(async () => {
  loaded = await servicesWithReports(REPORT_FIXTURES, { readModel: { snapshotSeconds: 0 } });
  app = await appWith();
});
after(async () => {
  for (const each of apps) await each.close();
  await loaded.close();
});

function assertSecurityHeaders(headers: Record<string, unknown>): void {
  assert.match(String(headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['referrer-policy'], 'same-origin');
  assert.ok(headers['x-request-id']);
}

describe('badly encoded URLs go through the app (issue 15, point 10)', () => {
  test('API: 400 with the documented error shape, the security headers and a log line', async () => {
    const before = logLines.length;
    const response = await app.inject('/api/v1/councils/%ff');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      error: {
        code: 'bad-url',
        message: 'The address is not correctly encoded: check it, or follow a link from the site.',
      },
    });
    assertSecurityHeaders(response.headers);
    const line = logLines.slice(before).find((entry) => entry.msg === 'request');
    assert.ok(line, 'one request log line');
    assert.equal(line.status, 400);
    assert.equal(line.reqId, response.headers['x-request-id']);
    assert.equal(logLines.slice(before).filter((entry) => entry.msg === 'request').length, 1);
  });

  test('pages: 400 with an HTML page and the security headers', async () => {
    const response = await app.inject('/councils/%ff');
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /There is a problem with the address/);
    assertSecurityHeaders(response.headers);
  });
});

describe('headers (issue 15, point 16)', () => {
  test('no Strict-Transport-Security over plain HTTP; X-Frame-Options DENY, matching frame-ancestors none', async () => {
    const response = await app.inject('/about');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['strict-transport-security'], undefined);
    assertSecurityHeaders(response.headers);
  });

  test('Strict-Transport-Security is set for a request that came over HTTPS', () => {
    const set: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (set[name] = value) } as unknown as FastifyReply;
    setTransportSecurity({ protocol: 'https' } as FastifyRequest, reply);
    assert.equal(set['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    setTransportSecurity({ protocol: 'http' } as FastifyRequest, reply);
    assert.equal(Object.keys(set).length, 1);
  });

  test('a wrong method gets 405 with Allow, on pages and in the API; an unknown path stays 404', async () => {
    const page = await app.inject({ method: 'POST', url: '/national' });
    assert.equal(page.statusCode, 405);
    assert.equal(page.headers.allow, 'GET, HEAD');
    const api = await app.inject({ method: 'DELETE', url: `/api/v1/councils/${DERBY_URN}` });
    assert.equal(api.statusCode, 405);
    assert.equal(api.headers.allow, 'GET, HEAD');
    assert.equal(api.json().error.code, 'method-not-allowed');
    assert.equal((await app.inject({ method: 'POST', url: '/no-such-page' })).statusCode, 404);
  });

  test('a malformed X-Request-Id is replaced by a fresh one; a well-formed one is kept', async () => {
    for (const bad of ['..', '-', '.hidden', 'a b', 'x'.repeat(65)]) {
      const id = (await app.inject({ url: '/health', headers: { 'x-request-id': bad } })).headers['x-request-id'];
      assert.match(String(id), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, bad);
    }
    assert.equal(
      (await app.inject({ url: '/health', headers: { 'x-request-id': 'proxy-1234.abc' } })).headers['x-request-id'],
      'proxy-1234.abc',
    );
  });
});

describe('dates and load (issue 15, points 7 and 11)', () => {
  const latest = latestAsAt();

  test('asAt outside 2013 to a few years ahead is refused, in the API and on pages', async () => {
    for (const url of [
      '/api/v1/stats/national?asAt=0001-01-01',
      '/api/v1/stats/latest-inspections?asAt=2012-12-31',
      `/api/v1/councils/${DERBY_URN}/comparisons?asAt=5000-01-01`,
    ]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.json().error.code, 'date-out-of-range', url);
      assert.ok(response.json().error.message.includes(`from 2013-01-01 to ${latest}`), response.body);
    }
    for (const url of ['/national?asAt=1999-01-01', `/councils/${DERBY_URN}?asAt=2200-01-01`]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.body, /Enter a date between 1 January 2013 and 31 December \d{4}/);
    }
    assert.equal((await app.inject('/api/v1/stats/national?asAt=2013-01-01')).statusCode, 200);
    assert.equal((await app.inject(`/api/v1/stats/national?asAt=${latest}`)).statusCode, 200);
  });

  test('asAt=9999-12-31 gets the plain message, no internal one', async () => {
    for (const url of [
      `/api/v1/councils/${DERBY_URN}/next?asAt=9999-12-31`,
      `/councils/${DERBY_URN}?asAt=9999-12-31`,
    ]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 400, url);
      assert.doesNotMatch(response.body, /\+0100|inspection start date|Invalid/i);
      assert.match(response.body, /between 1 January 2013 and/);
    }
  });

  test('a client over its rate limit gets 429 in the documented shape; /health and static files are not limited', async () => {
    const limited = await appWith({ rateLimitPerMinute: 3 });
    for (let index = 0; index < 3; index += 1) assert.equal((await limited.inject('/api/v1/councils')).statusCode, 200);
    const refused = await limited.inject('/api/v1/councils');
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, 'too-many-requests');
    assert.ok(refused.headers['retry-after']);
    assert.equal((await limited.inject('/about')).statusCode, 429);
    for (let index = 0; index < 10; index += 1) assert.equal((await limited.inject('/health')).statusCode, 200);
    assert.equal((await limited.inject('/app-assets/app.css')).statusCode, 200);
  });

  test('the computation gate lets a few in at once, queues a few, and refuses the rest', async () => {
    const gate = new ComputationGate(2, 1);
    assert.equal(await gate.enter(), true);
    assert.equal(await gate.enter(), true);
    let thirdIn = false;
    const third = gate.enter().then((entered) => (thirdIn = entered));
    assert.equal(gate.waiting, 1);
    assert.equal(await gate.enter(), false, 'queue full: refused at once');
    assert.equal(thirdIn, false);
    gate.leave();
    await third;
    assert.equal(thirdIn, true);
    assert.equal(gate.active, 2);
    gate.leave();
    gate.leave();
    assert.equal(gate.active, 0);
  });
});

describe('CSV links (issue 15, point 15)', () => {
  test('the Host header never reaches the CSV: links are relative, or from CSCI_PUBLIC_URL', async () => {
    const url = '/national/latest-inspections.csv?asAt=2024-06-30';
    const relative = await app.inject({ url, headers: { host: 'evil.example' } });
    assert.equal(relative.statusCode, 200);
    assert.doesNotMatch(relative.body, /evil\.example/);
    assert.match(relative.body, /,\/inspections\/\d+,/);
    const configured = await appWith({ publicUrl: 'https://csci.example.org' });
    const absolute = await configured.inject({ url, headers: { host: 'evil.example' } });
    assert.doesNotMatch(absolute.body, /evil\.example/);
    assert.match(absolute.body, /,https:\/\/csci\.example\.org\/inspections\/\d+,/);
  });
});

describe('the report link (issue 15, point 4)', () => {
  async function inspectionFiles(): Promise<{ id: number; file: string }[]> {
    return (await loaded.services.inspections.listAll()).map((inspection) => ({
      id: inspection.id,
      file: inspection.filePath,
    }));
  }

  test('serves only the imported bytes of a regular file inside the reports folder; else a clear 404, and the API stops advertising it', async () => {
    const served = await appWith();
    const [genuine, symlinked, folder, changed] = await inspectionFiles();
    assert.ok(genuine && symlinked && folder && changed);
    const ok = await served.inject(`/inspections/${genuine.id}/report.pdf`);
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.rawPayload, readFileSync(genuine.file));
    assert.match(String((await served.inject(`/api/v1/inspections/${genuine.id}`)).json().report), /\/report\.pdf$/);

    rmSync(symlinked.file);
    symlinkSync('/etc/passwd', symlinked.file);
    rmSync(folder.file);
    mkdirSync(folder.file);
    writeFileSync(changed.file, '%PDF-1.4\n% something else now\n');
    for (const { id } of [symlinked, folder, changed]) {
      const refused = await served.inject(`/inspections/${id}/report.pdf`);
      assert.equal(refused.statusCode, 404, String(id));
      assert.match(refused.body, /The source report of this inspection is not held on this server/);
      assert.doesNotMatch(refused.body, /root:/);
      assert.equal((await served.inject(`/api/v1/inspections/${id}`)).json().report, null);
      assert.doesNotMatch((await served.inject(`/inspections/${id}`)).body, /Download the source report/);
    }
  });

  test('a file outside the configured reports folder is not served', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'csci-other-reports-'));
    const other = await servicesWithReports(REPORT_FIXTURES, {
      readModel: { snapshotSeconds: 0, reportsDir: elsewhere },
    });
    try {
      const served = await appWith({}, other);
      const [first] = (await other.services.inspections.listAll()).map((inspection) => inspection.id);
      assert.ok(first);
      assert.equal((await served.inject(`/inspections/${first}/report.pdf`)).statusCode, 404);
      assert.equal((await served.inject(`/api/v1/inspections/${first}`)).json().report, null);
    } finally {
      await other.close();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('the computation gate in the app', () => {
  test('every turn is given back: many different dates one after another, and a burst of one URL, are all answered', async () => {
    const gated = await appWith({ computations: { concurrent: 1, queue: 0 } });
    for (let day = 1; day <= 20; day += 1) {
      const response = await gated.inject(`/api/v1/stats/national?asAt=2020-01-${String(day).padStart(2, '0')}`);
      assert.equal(response.statusCode, 200, response.body);
    }
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => gated.inject('/api/v1/stats/national?asAt=2021-05-05')),
    );
    assert.deepEqual(
      burst.map((response) => response.statusCode),
      Array(10).fill(200),
    );
  });
});
