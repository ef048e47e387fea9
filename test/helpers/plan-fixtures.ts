/**
 * For the plan tests: real services on a fresh store of the dialect, holding the written report
 * fixtures (imported through the real importer), and acting users of each kind as plain Actor
 * values (the plan services decide on the Actor alone).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.ts';
import { COMMAND_LINE_ACTOR, type Actor } from '../../src/domain/actor.ts';
import { createLogger } from '../../src/logger.ts';
import type { DialectName } from '../../src/store/index.ts';
import type { InspectionReport } from '../../src/domain/index.ts';
import { createTestServices } from './dialects.ts';
import { fixtureExtractor } from './fixture-extractor.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from './report-fixtures.ts';
import type { ReportFixture } from './services-with-reports.ts';

export const OWN = DERBY_URN;
export const OTHER = NOTTINGHAM_URN;

const actor = (userId: number, email: string, role: Actor['role'], councils: readonly string[]): Actor => ({
  userId,
  email,
  name: email.split('@')[0]!,
  role,
  councils,
});
export const ACTORS = {
  admin: actor(1, 'admin@example.gov.uk', 'admin', []),
  editor: actor(2, 'editor@derby.example.gov.uk', 'editor', [OWN]),
  viewer: actor(3, 'viewer@derby.example.gov.uk', 'viewer', [OWN]),
  otherEditor: actor(4, 'editor@nottingham.example.gov.uk', 'editor', [OTHER]),
} as const;

export type PlanTestServices = Awaited<ReturnType<typeof createTestServices>> & { readonly dir: string };

/** Services on a fresh store of the dialect with the report fixtures (or the ones given) imported; the clock is fixed when `now` is given. */
export async function planTestServices(
  dialect: DialectName,
  options: { fixtures?: readonly ReportFixture[]; now?: () => Date; evidenceMaxBytes?: number } = {},
): Promise<PlanTestServices> {
  const dir = mkdtempSync(join(tmpdir(), 'csci-plans-'));
  const reports = new Map<string, InspectionReport>();
  const paths: string[] = [];
  for (const { path: relative, ...report } of options.fixtures ?? REPORT_FIXTURES) {
    const path = resolve(dir, 'reports', relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `%PDF-1.4\n% stand-in for ${relative}\n`);
    reports.set(path, { ...report, file: path });
    paths.push(path);
  }
  const services = await createTestServices(dialect, {
    importer: { extract: fixtureExtractor(reports, { others: 'refuse' }) },
    plans: {
      evidenceDir: join(dir, 'evidence'),
      ...(options.now ? { now: options.now } : {}),
      ...(options.evidenceMaxBytes ? { evidenceMaxBytes: options.evidenceMaxBytes } : {}),
    },
  });
  const summary = await services.imports.importReports(paths);
  if (summary.failed > 0) throw new Error(`fixtures failed to import: ${JSON.stringify(summary.failures)}`);
  const done = services.done.bind(services);
  return Object.assign(services, {
    dir,
    async done() {
      await done();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** The id of the council's stored inspection published on the date. */
export async function inspectionId(services: PlanTestServices, urn: string, published: string): Promise<number> {
  const found = (await services.inspections.listAll()).find(
    (inspection) => inspection.urn === urn && inspection.published === published,
  );
  if (!found) throw new Error(`no inspection of ${urn} published ${published}`);
  return found.id;
}

/** A measure's fields, as a plan test writes one. */
export const MEASURE = {
  what: 'Children in need plans reviewed within timescale',
  unit: '%',
  betterWhen: 'higher',
  baseline: { value: 62, date: '2017-06-01' },
  target: { value: 90, date: '2018-06-01' },
  frequency: 'monthly',
  source: 'Case management system, monthly performance report',
} as const;

export interface PlanTestApp {
  readonly services: PlanTestServices;
  readonly app: FastifyInstance;
  /** A bearer token for each kind of user. */
  readonly tokens: Readonly<Record<keyof typeof ACTORS, string>>;
  close(): Promise<void>;
}

/** The real app with accounts over plan test services of the dialect, with a person and an API token of each kind. */
export async function planTestApp(dialect: DialectName, options: { now?: () => Date } = {}): Promise<PlanTestApp> {
  const services = await planTestServices(dialect, options);
  const tokens: Partial<Record<keyof typeof ACTORS, string>> = {};
  for (const [key, person] of Object.entries(ACTORS) as [keyof typeof ACTORS, Actor][]) {
    const { user } = await services.accounts.users.addUser(COMMAND_LINE_ACTOR, {
      email: person.email,
      name: person.name,
      role: person.role,
      councils: [...person.councils],
      password: 'violet kettle harbour',
    });
    tokens[key] = (await services.accounts.users.createToken(COMMAND_LINE_ACTOR, user.id, 'plans')).secret;
  }
  const app = await createApp({
    services,
    logger: createLogger({ level: 'silent' }),
    accounts: { sessionSecret: 'test-secret-that-is-long-enough-0123456789', publicUrl: 'http://localhost:3000' },
  });
  return {
    services,
    app,
    tokens: tokens as Record<keyof typeof ACTORS, string>,
    async close() {
      await app.close();
      await services.done();
    },
  };
}

/** A small file of each accepted kind's signature, and one that is not accepted: written for the tests, not real documents. */
export const EVIDENCE_SAMPLES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
  ]),
  text: Buffer.from('Minutes of the improvement board, written as plain text.\n'),
} as const;
