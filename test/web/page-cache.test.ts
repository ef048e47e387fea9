/** The page cache holds public pages only: a route opts in, and any other route renders afresh. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { PUBLIC_PAGE, setUpViews } from '../../src/web/middleware/set-up-views.ts';
import { createNunjucks } from '../../src/web/nunjucks-setup.ts';

test('cachedView caches on a route that opts in with PUBLIC_PAGE, and never on another', async () => {
  const app = Fastify();
  setUpViews(app, createNunjucks());
  const rendered = { public: 0, private: 0 };
  app.get('/public', PUBLIC_PAGE, async (_request, reply) =>
    reply.cachedView('same-key', 'pages/errors/error.njk', async () => ({
      status: 200,
      message: `public ${++rendered.public}`,
    })),
  );
  app.get('/private', async (_request, reply) =>
    reply.cachedView('same-key', 'pages/errors/error.njk', async () => ({
      status: 200,
      message: `private ${++rendered.private}`,
    })),
  );
  try {
    for (let i = 0; i < 2; i++) {
      assert.match((await app.inject('/public')).body, /public 1/);
      assert.match((await app.inject('/private')).body, new RegExp(`private ${i + 1}`));
    }
    assert.deepEqual(rendered, { public: 1, private: 2 });
  } finally {
    await app.close();
  }
});
