/**
 * Council codes across time, on every dialect: the register keeps the codes councils had before and
 * the councils they replaced, and the search, the API and the council page find a council by them.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';
import { ensureRegisterHistoryLoaded } from '../../src/services/register.service.ts';
import { TEST_DIALECTS, createTestServices } from '../helpers/dialects.ts';

const BARNSLEY = '80426';
const SHEFFIELD = '80551';
const BCP = '2532287';
const POOLE = '137316';
const NORTHAMPTONSHIRE = '121939';
const CUMBRIA = '135513';

for (const dialect of TEST_DIALECTS) {
  describe(`former codes and predecessors (${dialect})`, () => {
    let services: Awaited<ReturnType<typeof createTestServices>>;
    let app: FastifyInstance;
    before(async () => {
      services = await createTestServices(dialect);
      app = await createApp({
        services,
        logger: createLogger({ destination: new Writable({ write: (_chunk, _encoding, done) => done() }) }),
      });
    });
    after(async () => {
      await app.close();
      await services.done();
    });

    test('the register holds the former codes, and each reorganisation both ways', async () => {
      const byUrn = new Map(
        (await services.councils.list({ includeInactive: true })).map((authority) => [authority.urn, authority]),
      );
      assert.deepEqual(byUrn.get(BARNSLEY)?.formerCodes, [
        { codeType: 'gss', code: 'E08000016', name: 'Barnsley', inUseUntil: '2025-03-31', change: 'renumbered' },
      ]);
      assert.deepEqual(
        byUrn.get(SHEFFIELD)?.formerCodes.map((code) => code.code),
        ['E08000019'],
      );
      assert.deepEqual(
        byUrn
          .get(BCP)
          ?.formerCodes.map((code) => `${code.codeType}:${code.code}`)
          .sort(),
        ['gss:E06000028', 'la:837'],
      );
      assert.deepEqual(byUrn.get(BCP)?.predecessors, [POOLE]);
      assert.deepEqual(byUrn.get(POOLE)?.successors, [BCP]);
      assert.deepEqual(byUrn.get(NORTHAMPTONSHIRE)?.successors, ['2637539', '2637548']);
      assert.deepEqual(byUrn.get(CUMBRIA)?.successors, ['2733690', '2733698']);
      assert.deepEqual(byUrn.get('2733690')?.predecessors, [CUMBRIA]);
    });

    test('loading the history again adds nothing', async () => {
      assert.equal(await ensureRegisterHistoryLoaded(services.store.db), 0);
    });

    test('search and resolve take a former code, in any case', async () => {
      assert.deepEqual(
        (await services.councils.search('e08000016')).map((authority) => authority.urn),
        [BARNSLEY],
      );
      assert.equal((await services.councils.resolve('E08000019')).urn, SHEFFIELD);
      assert.equal((await services.councils.resolve('837')).urn, BCP);
      assert.equal((await services.councils.resolve('Bournemouth')).urn, BCP);
      // A code the register holds as an abolished council's own finds that council, which names its successors.
      assert.equal((await services.councils.resolve('E06000029')).urn, POOLE);
    });

    test('the web search goes straight to the council; the API finds it and lists its codes and links', async () => {
      const search = await app.inject('/search?q=E08000016');
      assert.deepEqual([search.statusCode, search.headers.location], [303, `/councils/${BARNSLEY}`]);
      const api = (await app.inject('/api/v1/councils?q=E06000028')).json() as {
        councils: { urn: string; formerCodes: { type: string; code: string }[]; predecessors: string[] }[];
      };
      assert.deepEqual(
        api.councils.map((council) => council.urn),
        [BCP],
      );
      assert.deepEqual(api.councils[0]?.predecessors, [POOLE]);
      assert.deepEqual(api.councils[0]?.formerCodes.map((code) => `${code.type}:${code.code}`).sort(), [
        'gss:E06000028',
        'la:837',
      ]);
      const page = await app.inject(`/councils/${BARNSLEY}`);
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /Former codes\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*E08000016 \(ONS code, until 31 March 2025\)/,
      );
    });
  });
}
