/** The API reference page in the browser: axe at 0 violations at 1280 and 375 px, no request to another site, reached from the menu. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { createTestServices } from '../test/helpers/dialects.ts';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations } from './support/page-checks.ts';

const skip = chromiumMissing;
if (skip) process.stdout.write(`# browser tests skipped: ${skip}\n`);

describe('the API reference page', { skip }, () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let app: FastifyInstance;
  let baseUrl = '';
  let browser: Browser;

  before(async () => {
    services = await createTestServices('sqlite');
    app = await createApp({
      services,
      logger: createLogger({ destination: new Writable({ write: (_chunk, _encoding, done) => done() }) }),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    assert.ok(address && typeof address === 'object');
    baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await services?.done();
  });

  test('reached from the menu, readable at 1280 and 375 px, axe-clean, everything from this site', async () => {
    const page = await browser.context.newPage();
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'API', exact: true }).click();
    await page.waitForURL(`${baseUrl}/api-reference`);
    assert.equal(await page.locator('h1').innerText(), 'API reference');
    await assertNoAxeViolations(page, 'api-reference-1280');
    await page.screenshot({ path: screenshotPath('api-reference-1280'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoAxeViolations(page, 'api-reference-375');
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= 375,
      'no sideways scrolling on a phone',
    );
    await page.screenshot({ path: screenshotPath('api-reference-375'), fullPage: true });
    assert.deepEqual([...origins], [baseUrl], 'no request leaves the site');
    await page.close();
  });
});
