/** The API reference page: rendered on the server from the OpenAPI document, linked from the menu, nothing from elsewhere. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../../src/api/v1/openapi.ts';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';
import { apiReferenceView, describeType } from '../../src/web/routes/api-reference/api-reference.view.ts';
import { createTestServices } from '../helpers/dialects.ts';

let services: Awaited<ReturnType<typeof createTestServices>>;
let app: FastifyInstance;

before(async () => {
  services = await createTestServices('sqlite');
  app = await createApp({
    services,
    logger: createLogger({ destination: new Writable({ write: (_chunk, _encoding, done) => done() }) }),
  });
});

after(async () => {
  await app.close();
  await services.done();
});

test('GET /api-reference lists every operation of the OpenAPI document, with its parameters and responses', async () => {
  const response = await app.inject('/api-reference');
  assert.equal(response.statusCode, 200);
  const body = response.body;
  const document = openApiDocument() as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item))
      assert.ok(body.includes(`<code>${method.toUpperCase()} /api/v1${path}</code>`), `${method} ${path}`);
  }
  for (const name of Object.keys(document.components.schemas)) assert.ok(body.includes(`id="schema-${name}"`), name);
  assert.match(
    body,
    /<code>asAt<\/code><\/th>\s*<td class="govuk-table__cell">query<\/td>\s*<td class="govuk-table__cell">string, a date, YYYY-MM-DD<\/td>/,
  );
  assert.match(
    body,
    /<code>q<\/code><\/th>\s*<td class="govuk-table__cell">query<\/td>\s*<td class="govuk-table__cell">string, 1 to 100 characters<\/td>/,
  );
});

test("the page is the menu's API link, and it loads nothing from another site", async () => {
  const body = (await app.inject('/')).body;
  assert.match(body, /<a class="govuk-service-navigation__link" href="\/api-reference">\s*API\s*<\/a>/);
  const page = (await app.inject('/api-reference')).body;
  assert.doesNotMatch(page, /<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
});

test('integer bounds that make sense: counts from 0, ids and places from 1, nothing unbounded below', () => {
  const integers: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((child, index) => walk(child, `${where}[${index}]`));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'integer')
      integers.push(`${where}: ${typeof record.minimum === 'number' ? record.minimum : 'none'}`);
    for (const [key, child] of Object.entries(record)) walk(child, `${where}.${key}`);
  };
  walk(openApiDocument(), '$');
  assert.ok(integers.length > 10);
  assert.deepEqual(
    integers.filter((entry) => !/: (0|1)$/.test(entry)),
    [],
    'every integer has a lower bound of 0 or 1',
  );
  assert.ok(
    integers.some((entry) => /\.id: 1$/.test(entry)),
    'ids start at 1',
  );
  assert.ok(
    integers.some((entry) => /\.rank\.anyOf\[0\]: 1$/.test(entry)) ||
      integers.some((entry) => /rank.*: 1$/.test(entry)),
    'a place starts at 1',
  );
});

test('types in words', () => {
  assert.equal(describeType({ type: 'integer', minimum: 1, maximum: 500 }), 'integer, 1 to 500');
  assert.equal(describeType({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), 'integer, 0 or more');
  assert.equal(
    describeType({ anyOf: [{ $ref: '#/components/schemas/Council' }, { type: 'null' }] }),
    'Council, or null',
  );
  assert.equal(describeType({ type: 'array', items: { $ref: '#/components/schemas/Peer' } }), 'list of Peer');
  assert.equal(describeType({ enum: ['good', 'inadequate'] }), 'one of: good, inadequate');
  assert.equal(apiReferenceView({ paths: {} }).operations.length, 0);
});
