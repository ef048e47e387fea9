/**
 * `npm run bench:plans [-- --cpu-prof]`: the plan API and the plan pages over a plan store holding
 * 153 councils x 3 plans x 40 actions x 3 measures (bench/plan-store.ts: every plan has 8 items,
 * every action 2 milestones, every measure 6 values). autocannon, 20 connections, 10 s per run
 * (bench/load.ts): GET a plan and GET an action through the API (an admin's bearer token), the plan
 * page and an action page (a council editor signed in once through the sign-in form, the session
 * cookie reused), each beside the same server returning a static file of the same size (p50/p99 and
 * their ratio); then PATCH writes per second on distinct actions (each PATCH names the version it
 * read). The two pages are loaded again from a second app on the same store file with no render memo
 * (memoisedPages: 0) and no plan views kept by version (viewCachePlans: 0), so every request reads
 * and renders afresh, as the first request after any change to the plan does. Goal (issue 11): p99
 * under 50 ms. The machine's load average is printed before and after: the ratio to the static file
 * in the same run is what carries across loads.
 *
 * `--cpu-prof` writes the server child's CPU profile to data/tmp/bench-plans-profile/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { COMMAND_LINE_ACTOR } from '../src/domain/actor.ts';
import { createLogger } from '../src/logger.ts';
import { createServices } from '../src/services/index.ts';
import { SQLITE_FILE } from '../src/store/index.ts';
import {
  closeOnDisconnect,
  CONNECTIONS,
  DURATION_SECONDS,
  forkServer,
  loadBesideStatic,
  resultTable,
  serveStaticTwins,
  worstP99,
  type Target,
} from './load.ts';
import { seedPlanStore } from './plan-store.ts';

const PROFILE_DIR = new URL('../data/tmp/bench-plans-profile', import.meta.url).pathname;
const PASSWORD = 'violet kettle harbour bench';

interface Ready {
  readonly base: string;
  readonly token: string;
  readonly counts: Record<string, number>;
  readonly targets: readonly Target[];
  /** Actions no run has written to yet (version 1), for the PATCH run. */
  readonly freshActions: readonly number[];
  readonly seedSeconds: number;
}

/** The cookies a response sets, as a Cookie header's pairs. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
}

/** Signs in through the real form (its CSRF token first), as a browser would; gives the Cookie header to send. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!form.ok || csrf === undefined) throw new Error(`the sign-in form answered ${form.status} without a CSRF token`);
  const formCookies = cookiesOf(form);
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: formCookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  const sessionCookies = cookiesOf(response);
  if (response.status !== 303 || !sessionCookies.some((cookie) => cookie.startsWith('csci_session=')))
    throw new Error(`signing in as ${email} answered ${response.status} without a session`);
  const byName = new Map([...formCookies, ...sessionCookies].map((cookie) => [cookie.split('=')[0], cookie]));
  return [...byName.values()].join('; ');
}

/** Listens on a free loopback port; gives the base URL. */
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

async function serve(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csci-bench-plans-'));
  const services = await createServices(
    { databaseUrl: undefined, dataDir },
    { location: { sqlite: join(dataDir, SQLITE_FILE) } },
  );
  const started = performance.now();
  const counts = await seedPlanStore(services);
  const seedSeconds = (performance.now() - started) / 1000;
  const db = services.store.db;
  const plan = await db
    .selectFrom('plan')
    .select(['id', 'urn'])
    .orderBy('id')
    .offset(200)
    .limit(1)
    .executeTakeFirstOrThrow();
  const action = await db
    .selectFrom('plan_action')
    .select('id')
    .where('plan_id', '=', plan.id)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const users = services.accounts.users;
  const { user: admin } = await users.addUser(COMMAND_LINE_ACTOR, {
    email: 'bench@example.gov.uk',
    name: 'Bench',
    role: 'admin',
    password: PASSWORD,
  });
  const { secret: token } = await users.createToken(COMMAND_LINE_ACTOR, admin.id, 'bench');
  const editor = { email: 'editor@bench.example.gov.uk', password: PASSWORD };
  await users.addUser(COMMAND_LINE_ACTOR, {
    ...editor,
    name: 'Bench Editor',
    role: 'editor',
    councils: [plan.urn],
  });
  const logger = createLogger({ destination: pino.destination({ dest: '/dev/null', sync: false }) });
  const appOptions = {
    services,
    logger,
    accounts: { sessionSecret: 'bench-secret-that-is-long-enough-0123456789', publicUrl: 'http://localhost' },
  };
  const app = await createApp(appOptions);
  const twins = await serveStaticTwins(app);
  // The same pages from a second app on the same store file (as a second process would open it) with
  // no render memo and no plan views kept by version: each page read and rendered afresh.
  const afreshServices = await createServices(
    { databaseUrl: undefined, dataDir },
    { location: { sqlite: join(dataDir, SQLITE_FILE) }, plans: { viewCachePlans: 0 } },
  );
  const afresh = await createApp({ ...appOptions, services: afreshServices, memoisedPages: 0 });
  const base = await listen(app);
  const afreshBase = await listen(afresh);

  const bearer = { authorization: `Bearer ${token}` };
  const session = { cookie: await signIn(base, editor.email, editor.password) };
  const targets = [
    await twins.add(base, 'API plan', `/api/v1/plans/${plan.id}`, bearer),
    await twins.add(base, 'API action', `/api/v1/actions/${action.id}`, bearer),
    await twins.add(base, 'plan page', `/plans/${plan.id}`, session),
    await twins.add(base, 'action page', `/plans/${plan.id}/actions/${action.id}`, session),
    await twins.add(afreshBase, 'plan page, afresh', `/plans/${plan.id}`, session),
    await twins.add(afreshBase, 'action page, afresh', `/plans/${plan.id}/actions/${action.id}`, session),
  ];
  const freshActions = (
    await db.selectFrom('plan_action').select('id').where('id', '<>', action.id).orderBy('id').execute()
  ).map((row) => row.id);
  const ready: Ready = { base, token, counts, targets, freshActions, seedSeconds };
  process.send?.(ready);
  closeOnDisconnect(
    () =>
      Promise.all([app.close(), afresh.close()]).then(() => Promise.all([services.close(), afreshServices.close()])),
    () => {
      twins.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
}

const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** PATCH on distinct actions: each request takes the next action not yet written, at version 1. */
async function patchRun(base: string, ready: Ready): Promise<string> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          method: 'PATCH',
          path: `/api/v1/actions/${ready.freshActions[next++ % ready.freshActions.length]}`,
          headers: {
            authorization: `Bearer ${ready.token}`,
            'content-type': 'application/json',
            'if-match': 'W/"1"',
          },
          body: JSON.stringify({ status: 'awaiting sign-off' }),
        }),
      },
    ],
  });
  const accepted = result['2xx'];
  return `PATCH /api/v1/actions/:id on distinct actions: ${(accepted / DURATION_SECONDS).toFixed(0)} accepted writes/s (${accepted} in ${DURATION_SECONDS} s, p50/p99 ${result.latency.p50} / ${result.latency.p99} ms, ${result.non2xx} refused${next > ready.freshActions.length ? ', actions reused: refusals expected' : ''}, ${result.errors + result.timeouts} errors)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'cpu-prof': { type: 'boolean', default: false } } });
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const { child, ready: readyMessage } = forkServer<Ready>(import.meta.url, ['--serve'], profile);
  try {
    const ready = await readyMessage;
    const base = ready.base;
    console.log(
      `bench:plans: store written in ${ready.seedSeconds.toFixed(1)} s: ${Object.entries(ready.counts)
        .map(([what, n]) => `${n} ${what}`)
        .join(
          ', ',
        )}; autocannon ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run; server and client share this machine's ${availableParallelism()} cores; load average ${loadAverage()}.`,
    );
    const results = await loadBesideStatic(base, ready.targets);
    console.log(resultTable(results));
    const served = results.filter((result) => result.target.origin === base);
    const p99 = worstP99(served);
    console.log(`worst plan API and page p99 as served: ${p99} ms (goal < 50 ms): ${p99 < 50 ? 'met' : 'NOT met'}`);
    console.log(
      `with no render memo nor kept plan views (every page read and rendered afresh, as after any change to the plan): worst page p99 ${worstP99(results.filter((result) => result.target.origin !== base))} ms`,
    );
    console.log(await patchRun(base, ready));
    console.log(`load average after the runs: ${loadAverage()}`);
    if (profile.length > 0) console.log(`the server's CPU profile goes to ${PROFILE_DIR} as it exits`);
  } finally {
    child.disconnect();
  }
}

if (process.argv[2] === '--serve') await serve();
else await main();
