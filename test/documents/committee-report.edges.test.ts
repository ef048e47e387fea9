/**
 * The committee report at the edges, over real services and a SQLite store holding a few written
 * reports: the papers service's choices (previous grades, which inspection, which council), the
 * print view and the Word download on the web and in the API, and `csci paper committee`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { runCli } from '../../src/cli/main.ts';
import { NotFoundError, ValidationError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/app.ts';
import { setInspectionOfstedUrl } from '../../src/store/sync.repository.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports, type LoadedServices } from '../helpers/services-with-reports.ts';

let loaded: LoadedServices;
let app: FastifyInstance;
const out = mkdtempSync(join(tmpdir(), 'csci-paper-'));

before(async () => {
  loaded = await servicesWithReports(REPORT_FIXTURES);
  app = await createApp({ services: loaded.services, logger: createLogger({ level: 'silent' }) });
});
after(async () => {
  await app.close();
  await loaded.close();
  rmSync(out, { recursive: true, force: true });
});

async function idOf(urn: string, published: string): Promise<number> {
  const inspection = (await loaded.services.inspections.listAll()).find(
    (candidate) => candidate.urn === urn && candidate.published === published,
  );
  assert.ok(inspection, `no inspection of ${urn} published ${published}`);
  return inspection.id;
}

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

describe('the papers service', () => {
  test('each judgement carries the grade of the previous inspection that judged the area, with its year', async () => {
    const data = await loaded.services.papers.committeeReport({
      inspection: '2024-02-20',
      council: NOTTINGHAM_URN,
      preparedOn: '2024-03-01',
    });
    const help = data.judgements.find((line) => line.area === 'helpAndProtection');
    assert.deepEqual(
      [help?.grade, help?.previous?.grade, help?.previous?.year],
      ['inadequate', 'requires_improvement', 2019],
    );
    assert.equal(
      data.judgements.find((line) => line.area === 'careLeavers')?.previous,
      null,
      'care leavers were not judged apart in 2019',
    );
    assert.equal(
      data.deadlines.find((deadline) => deadline.workingDays === 70)?.due,
      '2024-06-03',
      'Easter and two May bank holidays fall inside the 70 working days',
    );
    assert.equal(data.comparison.framework, 'ILACS');
    assert.equal(data.comparison.region?.name, 'East Midlands');
    assert.ok(data.next.some((item) => item.nature === 'rule') && data.next.some((item) => item.nature === 'estimate'));
    assert.equal(data.preparedOn, '2024-03-01');
  });

  test("the background papers give the report's Ofsted address the sync stored, unless the caller gives another", async () => {
    const id = await idOf(DERBY_URN, '2017-06-13');
    const request = { inspection: id, preparedOn: '2017-08-25' };
    assert.equal(
      (await loaded.services.papers.committeeReport(request)).source.address,
      null,
      'imported from a folder: no address held',
    );
    await setInspectionOfstedUrl(loaded.services.store.db, id, 'https://files.ofsted.gov.uk/v1/file/50000001');
    assert.equal(
      (await loaded.services.papers.committeeReport(request)).source.address,
      'https://files.ofsted.gov.uk/v1/file/50000001',
    );
    assert.equal(
      (await loaded.services.papers.committeeReport({ ...request, sourceAddress: 'https://example.org/derby.pdf' }))
        .source.address,
      'https://example.org/derby.pdf',
    );
    await loaded.services.store.db.updateTable('inspection').set({ ofsted_url: null }).where('id', '=', id).execute();
  });

  test('an id of another council is refused, an unknown id or date is not found, and a bad reference is invalid', async () => {
    const derby2017 = await idOf(DERBY_URN, '2017-06-13');
    await assert.rejects(
      loaded.services.papers.committeeReport({ inspection: derby2017, council: NOTTINGHAM_URN }),
      NotFoundError,
    );
    await assert.rejects(loaded.services.papers.committeeReport({ inspection: 999999 }), NotFoundError);
    await assert.rejects(
      loaded.services.papers.committeeReport({ inspection: '2017-06-14', council: DERBY_URN }),
      NotFoundError,
    );
    await assert.rejects(loaded.services.papers.committeeReport({ inspection: 'last' }), ValidationError);
    await assert.rejects(
      loaded.services.papers.committeeReport({ inspection: derby2017, preparedOn: 'tomorrow' }),
      ValidationError,
    );
    const byId = await loaded.services.papers.committeeReport({
      inspection: derby2017,
      council: 'Derby',
      preparedOn: '2017-07-01',
    });
    assert.equal(byId.inspection.published, '2017-06-13');
  });
});

describe('the committee report on the web and in the API', () => {
  test('the inspection page links the Word download and the print view', async () => {
    const id = await idOf(DERBY_URN, '2017-06-13');
    const page = await app.inject(`/inspections/${id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="/api/v1/inspections/${id}/committee-report.docx"`));
    assert.ok(page.body.includes(`href="/inspections/${id}/committee-report"`));
  });

  test('the print view is a standalone page with its print style sheet under the CSP nonce, the same sections and the recommendations', async () => {
    const id = await idOf(DERBY_URN, '2017-06-13');
    const response = await app.inject(`/inspections/${id}/committee-report`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    const styleSrc = /style-src ([^;]+)/.exec(String(response.headers['content-security-policy']))?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(styleSrc)?.[1];
    assert.ok(nonce, styleSrc);
    assert.ok(response.body.includes(`<style nonce="${nonce}">`));
    assert.match(
      response.body,
      /<h2 id="ofsted-recommendations"><span class="paper-number">6\.<\/span> Ofsted&#39;s recommendations<\/h2>/,
    );
    assert.ok(
      response.body.includes('<q>Make sure that plans for children in need say what will change and by when.</q>'),
    );
    assert.ok(response.body.includes('Wednesday 20 September 2017'));
    assert.match(response.body, /@media print/);
  });

  test('GET /api/v1/inspections/{id}/committee-report.docx sends the Word document as a download', async () => {
    const id = await idOf(DERBY_URN, '2017-06-13');
    const response = await app.inject(`/api/v1/inspections/${id}/committee-report.docx`);
    assert.equal(response.statusCode, 200);
    assert.equal(
      response.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(
      response.headers['content-disposition'],
      'attachment; filename="Derby-committee-report-2017-06-13.docx"',
    );
    const text = (await mammoth.extractRawText({ buffer: response.rawPayload })).value;
    assert.match(text, /Improve the timeliness of return home interviews\./);
    assert.match(text, /Check that partners attend strategy meetings\./);
  });

  test('an unknown inspection is a 404 in JSON from the API and a page from the print view', async () => {
    const api = await app.inject('/api/v1/inspections/999999/committee-report.docx');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'unknown-inspection');
    const page = await app.inject('/inspections/nope/committee-report');
    assert.equal(page.statusCode, 404);
    assert.match(String(page.headers['content-type']), /text\/html/);
  });

  test('the OpenAPI document describes the route', async () => {
    const document = (await app.inject('/api/v1/openapi.json')).json();
    const operation = document.paths['/inspections/{id}/committee-report.docx']?.get;
    assert.ok(operation, Object.keys(document.paths).join(', '));
    assert.ok(
      operation.responses['200'].content['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    );
  });
});

describe('csci paper committee', () => {
  const dataDir = () => join(loaded.dir, 'data');

  test('writes the Word document and the HTML view for an inspection named by council and date', async () => {
    for (const extension of ['docx', 'html']) {
      const file = join(out, `derby.${extension}`);
      const stdout = capture();
      const code = await runCli(
        [
          'paper',
          'committee',
          '--council',
          DERBY_URN,
          '--inspection',
          '2017-06-13',
          '--out',
          file,
          '--date',
          '2017-08-25',
          '--source-url',
          'https://files.example.org/derby-2017',
          '--data-dir',
          dataDir(),
        ],
        { stdout: stdout.stream, stderr: process.stderr },
      );
      assert.equal(code, 0);
      assert.match(
        stdout.text(),
        /^Wrote .*derby\.(docx|html) \(\d[\d,]* bytes\): the committee report on Derby's inspection published 13 June 2017\.\n$/,
      );
    }
    const html = readFileSync(join(out, 'derby.html'), 'utf8');
    assert.ok(html.includes('<style>') && html.includes('@media print'), 'the HTML file carries its style sheet');
    assert.ok(html.includes('href="https://files.example.org/derby-2017"'));
    const text = (await mammoth.extractRawText({ path: join(out, 'derby.docx') })).value;
    assert.match(text, /https:\/\/files\.example\.org\/derby-2017/);
    assert.deepEqual(
      readdirSync(out).filter((name) => name.includes('.partial-')),
      [],
      'no partial file left',
    );
  });

  test('mistakes are usage errors (exit 2); what cannot be written yet or is not there is an error (exit 1); no file is left', async () => {
    const run = async (args: string[]) => {
      const stderr = capture();
      const code = await runCli(args, { stdout: capture().stream, stderr: stderr.stream });
      return { code, stderr: stderr.text() };
    };
    assert.equal(
      (await run(['paper', 'committee', '--inspection', '1', '--out', join(out, 'x.odt'), '--data-dir', dataDir()]))
        .code,
      2,
    );
    assert.equal((await run(['paper', 'committee', '--out', join(out, 'x.docx'), '--data-dir', dataDir()])).code, 2);
    assert.equal((await run(['paper', 'minutes'])).code, 2);
    assert.equal((await run(['paper', 'plan', '--out', join(out, 'plan.xlsx'), '--data-dir', dataDir()])).code, 2);
    assert.equal(
      (await run(['paper', 'progress', '--plan', '1', '--out', join(out, 'progress.xlsx'), '--data-dir', dataDir()]))
        .code,
      2,
      'the progress report has no Excel form',
    );
    const plan = await run([
      'paper',
      'plan',
      '--plan',
      '999999',
      '--out',
      join(out, 'plan.xlsx'),
      '--data-dir',
      dataDir(),
    ]);
    assert.equal(plan.code, 1);
    assert.match(plan.stderr, /There is no plan 999999/);
    assert.equal(existsSync(join(out, 'plan.xlsx')), false);
    const missing = await run([
      'paper',
      'committee',
      '--inspection',
      '999999',
      '--out',
      join(out, 'missing.docx'),
      '--data-dir',
      dataDir(),
    ]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No inspection with id 999999/);
    assert.equal(existsSync(join(out, 'missing.docx')), false);
  });
});
