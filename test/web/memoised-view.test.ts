/**
 * The render memo of the private pages read most: the same inputs give the page already rendered
 * (with this response's own nonce and CSRF token put in), any change to the inputs renders afresh.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Fastify, { type FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { setUpViews } from '../../src/web/middleware/set-up-views.ts';

const dir = mkdtempSync(join(tmpdir(), 'csci-memo-views-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'page.njk'),
  '<script nonce="{{ cspNonce }}"></script><p>{{ message }}</p><p>{{ link(7) }}</p>' +
    '<input type="hidden" name="_csrf" value="{{ csrfToken }}"><p>{{ currentPath }}</p>',
);

const pathOf = (id: number): string => `/things/${id}`;

async function appWith(context: (query: Record<string, string>) => Record<string, unknown>) {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir), { autoescape: true });
  let renders = 0;
  const render = env.render.bind(env);
  env.render = ((template: string, ctx: object) => {
    renders++;
    return render(template, ctx);
  }) as typeof env.render;
  const app = Fastify();
  let count = 0;
  app.decorateReply('cspNonce', null as unknown as FastifyReply['cspNonce']);
  app.addHook('onRequest', async (_request, reply) => {
    count++;
    reply.cspNonce = { script: `nonce${count}`, style: `style${count}` };
  });
  setUpViews(app, env);
  app.get<{ Querystring: Record<string, string> }>('/*', async (request, reply) =>
    reply.memoisedView('page.njk', { ...context(request.query), csrfToken: `token${count}` }),
  );
  await app.ready();
  return { app, renders: () => renders };
}

test('the same inputs are rendered once; each response still has its own nonce and CSRF token', async () => {
  const { app, renders } = await appWith(() => ({ message: 'Plan <b>A</b>', link: pathOf }));
  try {
    const first = (await app.inject('/plans/1')).body;
    const second = (await app.inject('/plans/1')).body;
    assert.equal(renders(), 1);
    assert.ok(first.includes('<script nonce="nonce1">') && first.includes('value="token1"'), first);
    assert.ok(second.includes('<script nonce="nonce2">') && second.includes('value="token2"'), second);
    assert.equal(second.replaceAll('nonce2', 'nonce1').replaceAll('token2', 'token1'), first);
    assert.ok(first.includes('<p>Plan &lt;b&gt;A&lt;/b&gt;</p><p>/things/7</p>'), first);
  } finally {
    await app.close();
  }
});

test('a change to any input renders afresh: the context, the path', async () => {
  const { app, renders } = await appWith((query) => ({ message: `status ${query.status ?? 'draft'}`, link: pathOf }));
  try {
    assert.match((await app.inject('/plans/1?status=draft')).body, /status draft/);
    assert.match((await app.inject('/plans/1?status=submitted')).body, /status submitted/);
    assert.match((await app.inject('/plans/1?status=draft')).body, /status draft/);
    assert.equal(renders(), 2);
    assert.match((await app.inject('/plans/2?status=draft')).body, /\/plans\/2/);
    assert.equal(renders(), 3);
  } finally {
    await app.close();
  }
});

test('a function made for one request is never taken for another', async () => {
  let made = 0;
  const { app, renders } = await appWith(() => {
    const mine = ++made;
    return { message: 'same', link: (id: number) => `/mine/${mine}/${id}` };
  });
  try {
    assert.match((await app.inject('/plans/1')).body, /\/mine\/1\/7/);
    assert.match((await app.inject('/plans/1')).body, /\/mine\/2\/7/);
    assert.equal(renders(), 2);
  } finally {
    await app.close();
  }
});

test('a context holding a Map is refused: it would be written as {} whatever it holds', async () => {
  const { app, renders } = await appWith(() => ({ message: 'x', link: pathOf, byId: new Map([[1, 'secret']]) }));
  try {
    const response = await app.inject('/plans/1');
    assert.equal(response.statusCode, 500);
    assert.equal(renders(), 0);
  } finally {
    await app.close();
  }
});
