/**
 * `npm run bench:plans`: the plan API over a plan store holding 153 councils x 3 plans x 40 actions
 * x 3 measures (written straight into a fresh SQLite store, in bulk; every plan has 8 items, every
 * measure 6 values). autocannon, 20 connections, 10 s per run: GET a plan and GET an action, each
 * beside the same server returning a static file of the same size (p50/p99 and their ratio), then
 * PATCH writes per second on distinct actions (each PATCH names the version it read). Goal
 * (issue 11): p99 under 50 ms. There are no plan pages yet (another branch builds them).
 *
 * The server runs in a child process so autocannon does not share its event loop.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { COMMAND_LINE_ACTOR } from '../src/domain/actor.ts';
import { createLogger } from '../src/logger.ts';
import { createServices, type Services } from '../src/services/index.ts';
import { SQLITE_FILE } from '../src/store/index.ts';

const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const COUNCILS = 153;
const PLANS_PER_COUNCIL = 3;
const ACTIONS_PER_PLAN = 40;
const MEASURES_PER_ACTION = 3;
const ITEMS_PER_PLAN = 8;
const VALUES_PER_MEASURE = 6;

interface Target {
  readonly name: string;
  readonly path: string;
  readonly staticPath: string;
  readonly bytes: number;
}

interface Ready {
  readonly port: number;
  readonly token: string;
  readonly counts: Record<string, number>;
  readonly targets: readonly Target[];
  /** Actions no run has written to yet (version 1), for the PATCH run. */
  readonly freshActions: readonly number[];
  readonly seedSeconds: number;
}

/** Writes the plan store in bulk: synthetic inspections (3 per council) and their plans, with everything a plan holds. */
async function seed(services: Services): Promise<Record<string, number>> {
  const db = services.store.db;
  const councils = (
    await db
      .selectFrom('local_authority')
      .select('urn')
      .where('active', '=', 1)
      .orderBy('urn')
      .limit(COUNCILS)
      .execute()
  ).map((row) => row.urn);
  if (councils.length < COUNCILS)
    throw new Error(`the register holds ${councils.length} active councils, not ${COUNCILS}`);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const urn of councils) {
      for (let p = 0; p < PLANS_PER_COUNCIL; p++) {
        const published = `20${17 + p * 3}-06-13`;
        const { id: inspectionId } = await trx
          .insertInto('inspection')
          .values({
            urn,
            content_hash: `bench-${urn}-${p}`,
            facts_hash: 'bench',
            file_path: `bench/${urn}/${p}.pdf`,
            framework: 'SIF',
            version: 'SIF',
            kind: 'sif',
            local_authority_as_printed: urn,
            inspection_start: published,
            inspection_end: published,
            published,
            published_source: 'printed',
            lead_inspector: null,
            reader_fingerprint: null,
            ofsted_url: null,
            import_run_id: null,
            imported_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { id: planId } = await trx
          .insertInto('plan')
          .values({
            urn,
            inspection_id: inspectionId,
            status: 'draft',
            due_date: '2030-01-31',
            draft_due_date: null,
            published_version: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const items = await trx
          .insertInto('plan_item')
          .values(
            Array.from({ length: ITEMS_PER_PLAN }, (_, i) => ({
              plan_id: planId,
              position: i + 1,
              recommendation_list: 'la',
              recommendation_position: i + 1,
              recommendation_text: `Benchmark recommendation ${i + 1}: improve the timeliness and quality of practice for children in need of help and protection.`,
              title: `Recommendation ${i + 1}`,
              response_kind: null,
              response_reason: null,
              version: 1,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        const actions = await trx
          .insertInto('plan_action')
          .values(
            Array.from({ length: ACTIONS_PER_PLAN }, (_, a) => ({
              plan_id: planId,
              title: `Benchmark action ${a + 1}: audit, coach and report on practice each month`,
              owner_kind: 'role' as const,
              owner_name: 'Head of Service',
              start_date: '2025-01-01',
              due_date: '2027-12-31',
              status: 'in progress' as const,
              rag_override: null,
              rag_reason: null,
              rag_by: null,
              rag_on: null,
              version: 1,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        await trx
          .insertInto('plan_action_item')
          .values(actions.map((action, a) => ({ action_id: action.id, item_id: items[a % items.length]!.id })))
          .execute();
        await trx
          .insertInto('plan_milestone')
          .values(
            actions.flatMap((action) =>
              [1, 2].map((m) => ({
                action_id: action.id,
                title: `Milestone ${m}`,
                due_date: `202${5 + m}-06-30`,
                met_on: m === 1 ? '2026-06-01' : null,
                version: 1,
                created_at: now,
                updated_at: now,
              })),
            ),
          )
          .execute();
        const measures = await trx
          .insertInto('plan_measure')
          .values(
            actions.flatMap((action) =>
              Array.from({ length: MEASURES_PER_ACTION }, (_, m) => ({
                action_id: action.id,
                what: `Benchmark measure ${m + 1}`,
                unit: '%',
                better_when: 'higher' as const,
                baseline_value: 50,
                baseline_date: '2025-01-01',
                target_value: 90,
                target_date: '2027-12-31',
                frequency: 'monthly',
                source: 'Case records',
                version: 1,
                created_at: now,
                updated_at: now,
              })),
            ),
          )
          .returning('id')
          .execute();
        for (let start = 0; start < measures.length; start += 100) {
          await trx
            .insertInto('plan_measure_value')
            .values(
              measures.slice(start, start + 100).flatMap((measure) =>
                Array.from({ length: VALUES_PER_MEASURE }, (_, v) => ({
                  measure_id: measure.id,
                  date: `2025-0${v + 2}-01`,
                  value: 50 + v * 4,
                  comment: '',
                  version: 1,
                  created_at: now,
                  updated_at: now,
                })),
              ),
            )
            .execute();
        }
      }
    }
  });
  const count = async (table: 'plan' | 'plan_action' | 'plan_measure' | 'plan_measure_value') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    councils: councils.length,
    plans: await count('plan'),
    actions: await count('plan_action'),
    measures: await count('plan_measure'),
    values: await count('plan_measure_value'),
  };
}

async function serve(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csci-bench-plans-'));
  const services = await createServices(
    { databaseUrl: undefined, dataDir },
    { location: { sqlite: join(dataDir, SQLITE_FILE) } },
  );
  const started = performance.now();
  const counts = await seed(services);
  const seedSeconds = (performance.now() - started) / 1000;
  const { user } = await services.accounts.users.addUser(COMMAND_LINE_ACTOR, {
    email: 'bench@example.gov.uk',
    name: 'Bench',
    role: 'admin',
    password: 'violet kettle harbour bench',
  });
  const { secret: token } = await services.accounts.users.createToken(COMMAND_LINE_ACTOR, user.id, 'bench');
  const logger = createLogger({ destination: pino.destination({ dest: '/dev/null', sync: false }) });
  const app = await createApp({
    services,
    logger,
    accounts: { sessionSecret: 'bench-secret-that-is-long-enough-0123456789', publicUrl: 'http://localhost' },
  });
  const staticDir = mkdtempSync(join(tmpdir(), 'csci-bench-static-'));
  await app.register(fastifyStatic, { root: staticDir, prefix: '/bench-static/', decorateReply: false, index: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const base = `http://127.0.0.1:${address.port}`;

  const plan = await services.store.db
    .selectFrom('plan')
    .select('id')
    .orderBy('id')
    .offset(200)
    .limit(1)
    .executeTakeFirstOrThrow();
  const action = await services.store.db
    .selectFrom('plan_action')
    .select('id')
    .where('plan_id', '=', plan.id)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const paths = [
    ['API plan', `/api/v1/plans/${plan.id}`],
    ['API action', `/api/v1/actions/${action.id}`],
  ] as const;
  const targets: Target[] = [];
  for (const [index, [name, path]] of paths.entries()) {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const bytes = Buffer.byteLength(Buffer.from(await response.arrayBuffer()));
    const file = `target-${index}.json`;
    writeFileSync(join(staticDir, file), Buffer.alloc(bytes, 'x'));
    targets.push({ name, path, staticPath: `/bench-static/${file}`, bytes });
  }
  const freshActions = (
    await services.store.db.selectFrom('plan_action').select('id').where('id', '<>', action.id).orderBy('id').execute()
  ).map((row) => row.id);
  const ready: Ready = { port: address.port, token, counts, targets, freshActions, seedSeconds };
  process.send?.(ready);
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => services.close())
      .finally(() => {
        rmSync(staticDir, { recursive: true, force: true });
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

function waitForReady(child: ChildProcess): Promise<Ready> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)));
  });
}

async function load(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const child = fork(new URL(import.meta.url).pathname, ['--serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await waitForReady(child);
    const base = `http://127.0.0.1:${ready.port}`;
    const auth = { authorization: `Bearer ${ready.token}` };
    console.log(
      `bench:plans: store written in ${ready.seedSeconds.toFixed(1)} s: ${Object.entries(ready.counts)
        .map(([what, n]) => `${n} ${what}`)
        .join(
          ', ',
        )}; autocannon ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run; server and client share this machine's ${availableParallelism()} cores.`,
    );
    const rows: string[][] = [];
    let worstP99 = 0;
    for (const target of ready.targets) {
      await autocannon({ url: `${base}${target.path}`, connections: CONNECTIONS, duration: 2, headers: auth }); // warm up
      const dynamic = await load(`${base}${target.path}`, auth);
      const fixed = await load(`${base}${target.staticPath}`);
      worstP99 = Math.max(worstP99, dynamic.p99);
      rows.push([
        target.name,
        `${(target.bytes / 1024).toFixed(1)} KB`,
        dynamic.rps.toFixed(0),
        `${dynamic.p50} / ${dynamic.p99}`,
        fixed.rps.toFixed(0),
        `${fixed.p50} / ${fixed.p99}`,
        `${(dynamic.p99 / Math.max(1, fixed.p99)).toFixed(2)}x`,
        String(dynamic.errors + fixed.errors),
      ]);
    }
    const header = [
      'target',
      'size',
      'req/s',
      'p50/p99 ms',
      'static req/s',
      'static p50/p99 ms',
      'p99 ratio',
      'errors',
    ];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(`worst plan API p99: ${worstP99} ms (goal < 50 ms): ${worstP99 < 50 ? 'met' : 'NOT met'}`);

    // PATCH on distinct actions: each request takes the next action not yet written, at version 1.
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          setupRequest: (request) => {
            const id = ready.freshActions[next++ % ready.freshActions.length];
            return {
              ...request,
              method: 'PATCH',
              path: `/api/v1/actions/${id}`,
              headers: { ...auth, 'content-type': 'application/json', 'if-match': 'W/"1"' },
              body: JSON.stringify({ status: 'awaiting sign-off' }),
            };
          },
        },
      ],
    });
    const accepted = result['2xx'];
    console.log(
      `PATCH /api/v1/actions/:id on distinct actions: ${(accepted / DURATION_SECONDS).toFixed(0)} accepted writes/s (${accepted} in ${DURATION_SECONDS} s, p50/p99 ${result.latency.p50} / ${result.latency.p99} ms, ${result.non2xx} refused${next > ready.freshActions.length ? ', actions reused: refusals expected' : ''}, ${result.errors + result.timeouts} errors)`,
    );
  } finally {
    child.disconnect();
  }
}

if (process.argv[2] === '--serve') await serve();
else await main();
