/**
 * Static files, all from this server (no CDN): govuk-frontend's compiled CSS, JS and images at
 * /assets (the paths its CSS expects), and our own small stylesheet, script and icon at /app-assets.
 * GDS Transport, the GOV.UK font, is not served: it is licensed for GOV.UK services only, and
 * app.css sets a system font stack instead.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { govukDistDir } from '../nunjucks-setup.ts';
import { paths } from '../../paths.ts';

const GOVUK_FILES = /^\/(?:images\/[a-z0-9-]+\.(?:png|svg|ico)|govuk-frontend\.min\.(?:css|js)(?:\.map)?)$/;
const appAssetsDir = join(dirname(dirname(fileURLToPath(import.meta.url))), 'assets');

export async function setUpStaticAssets(app: FastifyInstance): Promise<void> {
  const govukDir = join(govukDistDir, 'govuk');
  await app.register(fastifyStatic, {
    root: [join(govukDir, 'assets'), govukDir],
    prefix: `${paths.assets}/`,
    allowedPath: (pathName) => GOVUK_FILES.test(pathName),
    maxAge: '1d',
    index: false,
    wildcard: true,
  });
  await app.register(fastifyStatic, {
    root: appAssetsDir,
    prefix: `${paths.appAssets}/`,
    maxAge: '1h',
    index: false,
    decorateReply: false,
  });
}
