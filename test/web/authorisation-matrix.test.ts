/**
 * The authorisation matrix: every route the app declares (pages and API, read from the app itself)
 * x every role (none, viewer, editor, admin) x own council / another council, each cell's status
 * asserted. A route without an entry here fails the test; so does a private route declared public.
 * Cross-council reads must all be 404.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import { pdfPrinterAvailable } from '../../src/services/pdf-printer.ts';
import { EVIDENCE_SAMPLES } from '../helpers/plan-fixtures.ts';
import {
  accountsTestApp,
  csrfFrom,
  OTHER_COUNCIL,
  OWN_COUNCIL,
  PEOPLE,
  TEST_PASSWORD,
  Visitor,
  type AccountsTestApp,
} from '../helpers/accounts-app.ts';

type Role = 'none' | 'viewer' | 'editor' | 'admin';
type Council = 'own' | 'other';
const ROLES: readonly Role[] = ['none', 'viewer', 'editor', 'admin'];
const COUNCILS: readonly Council[] = ['own', 'other'];

interface Rule {
  readonly private: boolean;
  readonly status: (role: Role, council: Council) => number;
  /** The form posted (a CSRF token is added). */
  readonly body?: (council: Council, n: number) => Record<string, string>;
  /** Ends the session it runs in: each cell gets a fresh one, after every other route. */
  readonly endsSession?: boolean;
  /** An API write: its JSON body and If-Match, made fresh for each cell (the version it is based on changes). */
  readonly api?: (
    council: Council,
  ) => Promise<{ readonly body?: unknown; readonly ifMatch?: string; readonly contentType?: string }>;
}

const everyone = (status: number): Rule => ({ private: false, status: () => status });
const signedInPage = (status = 200): Rule => ({ private: true, status: (role) => (role === 'none' ? 303 : status) });
const adminPage = (status: number, body?: Rule['body']): Rule => ({
  private: true,
  status: (role) => (role === 'none' ? 303 : role === 'admin' ? status : 403),
  ...(body ? { body } : {}),
});
const councilPage: Rule = {
  private: true,
  status: (role, council) => (role === 'none' ? 303 : role === 'admin' || council === 'own' ? 200 : 404),
};
/** A plan's PDF: as a council page, but 503 (the page says Chromium is missing) for those who may read it where Chromium is not installed. */
const councilPdf: Rule = {
  private: true,
  status: (role, council) => {
    const status = councilPage.status(role, council);
    return status === 200 && !pdfPrinterAvailable() ? 503 : status;
  },
};
const apiSignedIn: Rule = { private: true, status: (role) => (role === 'none' ? 401 : 200) };
const apiAdmin: Rule = { private: true, status: (role) => (role === 'none' ? 401 : role === 'admin' ? 200 : 403) };
const apiCouncil: Rule = {
  private: true,
  status: (role, council) => (role === 'none' ? 401 : role === 'admin' || council === 'own' ? 200 : 404),
};
const urnOf = (council: Council) => (council === 'own' ? OWN_COUNCIL : OTHER_COUNCIL);
/** A page or form that changes a council's plan: sign in first; another council's does not exist; a viewer may not. */
const councilWrite = (status: number, body?: Rule['body']): Rule => ({
  private: true,
  status: (role, council) =>
    role === 'none' ? 303 : role === 'admin' ? status : council === 'other' ? 404 : role === 'viewer' ? 403 : status,
  ...(body ? { body } : {}),
});
/** A form posted empty: refused as bad input (400) once scope allows. */
const emptyForm = () => ({});
/** A plan write: 401 without a token, 404 for a council the user cannot see, 403 for a viewer of their own; else `status`. */
const apiPlanWrite = (status: number, api: NonNullable<Rule['api']>): Rule => ({
  private: true,
  status: (role, council) =>
    role === 'none' ? 401 : role !== 'admin' && council === 'other' ? 404 : role === 'viewer' ? 403 : status,
  api,
});

const MATRIX: Record<string, Rule> = {
  'GET /assets/*': everyone(200),
  'GET /app-assets/*': everyone(200),
  'GET /': everyone(200),
  'GET /about': everyone(200),
  'GET /api-reference': everyone(200),
  'GET /health': everyone(200),
  'GET /national': everyone(200),
  'GET /national/latest-inspections.csv': everyone(200),
  'GET /search': everyone(200),
  'GET /councils/:urn': everyone(200),
  'GET /compare': everyone(200),
  'GET /inspections/:id': everyone(200),
  'GET /inspections/:id/report.pdf': everyone(200),
  'GET /inspections/:id/committee-report': everyone(200),
  'GET /api/v1': everyone(200),
  'GET /api/v1/openapi.json': everyone(200),
  'GET /api/v1/councils': everyone(200),
  'GET /api/v1/councils/:urn': everyone(200),
  'GET /api/v1/councils/:urn/inspections': everyone(200),
  'GET /api/v1/councils/:urn/comparisons': everyone(200),
  'GET /api/v1/councils/:urn/next': everyone(200),
  'GET /api/v1/inspections/:id': everyone(200),
  'GET /api/v1/inspections/:id/committee-report.docx': everyone(200),
  'GET /api/v1/stats/national': everyone(200),
  'GET /api/v1/stats/latest-inspections': everyone(200),

  'GET /sign-in': { private: true, status: (role) => (role === 'none' ? 200 : 303) },
  'POST /sign-in': { private: true, status: () => 400, body: () => ({ email: '', password: '' }) },
  'GET /sign-out': signedInPage(),
  'POST /sign-out': { private: true, status: () => 303, body: () => ({}), endsSession: true },
  'POST /sign-out/everywhere': { private: true, status: () => 303, body: () => ({}), endsSession: true },
  'GET /account': signedInPage(),
  'GET /set-password/:secret': { private: true, status: () => 404 },
  'POST /set-password/:secret': {
    private: true,
    status: () => 404,
    body: () => ({ password: TEST_PASSWORD, confirm: TEST_PASSWORD }),
  },
  'GET /councils/:urn/workspace': councilPage,
  'GET /councils/:urn/timeline': everyone(200),
  'GET /councils/:urn/plans': councilPage,
  'GET /councils/:urn/plans/new': councilWrite(200),
  'POST /councils/:urn/plans/new': councilWrite(400, emptyForm),
  'GET /plans/:id': councilPage,
  'GET /plans/:id/items/:itemId': councilPage,
  'POST /plans/:id/items/:itemId': councilWrite(400, emptyForm),
  'GET /plans/:id/actions/new': councilWrite(200),
  'POST /plans/:id/actions/new': councilWrite(400, emptyForm),
  'GET /plans/:id/actions/:actionId': councilPage,
  'GET /plans/:id/actions/:actionId/edit': councilWrite(200),
  'POST /plans/:id/actions/:actionId/edit': councilWrite(400, emptyForm),
  'POST /plans/:id/actions/:actionId/rag': councilWrite(400, emptyForm),
  'GET /plans/:id/actions/:actionId/milestones/new': councilWrite(200),
  'POST /plans/:id/actions/:actionId/milestones/new': councilWrite(400, emptyForm),
  'GET /plans/:id/actions/:actionId/measures/new': councilWrite(200),
  'POST /plans/:id/actions/:actionId/measures/new': councilWrite(400, emptyForm),
  'GET /plans/:id/measures/:measureId': councilPage,
  'POST /plans/:id/measures/:measureId/values': councilWrite(400, emptyForm),
  'GET /plans/:id/actions/:actionId/updates/new': councilWrite(200),
  'POST /plans/:id/actions/:actionId/updates/new': councilWrite(400, emptyForm),
  'POST /plans/:id/actions/:actionId/evidence': councilWrite(400, emptyForm),
  'POST /plans/:id/actions/:actionId/updates/:updateId/evidence': councilWrite(400, emptyForm),
  'POST /plans/:id/measures/:measureId/evidence': councilWrite(400, emptyForm),
  'GET /plans/:id/evidence/:evidenceId': councilPage,
  'GET /plans/:id/import': councilWrite(200),
  'POST /plans/:id/import': councilWrite(400, emptyForm),
  'GET /plans/:id/import/mapping': councilWrite(404),
  'POST /plans/:id/import/confirm': councilWrite(404, emptyForm),
  'GET /plans/:id/check': councilWrite(200),
  'POST /plans/:id/submit': councilWrite(400, emptyForm),
  'GET /plans/:id/versions': councilPage,
  'GET /plans/:id/versions/compare': councilPage,
  'POST /plans/:id/sign-off': councilWrite(400, emptyForm),
  'GET /plans/:id/action-plan': councilPage,
  'GET /plans/:id/action-plan.docx': councilPage,
  'GET /plans/:id/action-plan.xlsx': councilPage,
  'GET /plans/:id/action-plan.pdf': councilPdf,
  'GET /plans/:id/progress-report': councilPage,
  'GET /plans/:id/progress-report.docx': councilPage,
  'GET /plans/:id/progress-report.pdf': councilPdf,

  'GET /admin/users': adminPage(200),
  'GET /admin/users/new': adminPage(200),
  'POST /admin/users/new': adminPage(200, (council, n) => ({
    email: `matrix-${n}@example.org`,
    name: `Matrix ${n}`,
    role: 'viewer',
    councils: urnOf(council),
  })),
  'GET /admin/users/:id': adminPage(200),
  'POST /admin/users/:id/role': adminPage(303, () => ({ role: 'editor' })),
  'POST /admin/users/:id/councils': adminPage(303, (council) => ({ councils: urnOf(council) })),
  'POST /admin/users/:id/password-link': adminPage(200, () => ({})),
  'GET /admin/users/:id/remove': adminPage(200),
  'POST /admin/users/:id/remove': adminPage(303, () => ({})),
  'POST /admin/users/:id/tokens': adminPage(200, () => ({ label: 'matrix' })),
  'GET /admin/tokens': adminPage(200),
  'POST /admin/tokens/:id/revoke': adminPage(303, () => ({})),
  'GET /admin/audit': adminPage(200),
  'GET /admin/audit.csv': adminPage(200),
  'GET /admin/sync': adminPage(200),

  'GET /api/v1/me': apiSignedIn,
  'GET /api/v1/audit': apiAdmin,
  'GET /api/v1/councils/:urn/members': apiCouncil,
  'GET /api/v1/plans/:id/action-plan.docx': apiCouncil,
  'GET /api/v1/plans/:id/action-plan.xlsx': apiCouncil,
  'GET /api/v1/plans/:id/progress-report.docx': apiCouncil,

  'GET /api/v1/councils/:urn/plans': apiCouncil,
  // Each council has two inspections: the first has a plan (made before), the second gets one from the first writer to ask (own: the editor; other: the admin); the admin's second ask for its own council finds it made.
  'POST /api/v1/councils/:urn/plans': {
    private: true,
    status: (role, council) =>
      role === 'none'
        ? 401
        : role === 'viewer'
          ? council === 'own'
            ? 403
            : 404
          : role === 'editor'
            ? council === 'own'
              ? 201
              : 404
            : council === 'own'
              ? 409
              : 201,
    api: async (council) => ({ body: { inspectionId: secondInspection.get(council) } }),
  },
  'GET /api/v1/plans/:id': apiCouncil,
  'POST /api/v1/plans/:id/actions': apiPlanWrite(201, async (council) => {
    const plan = await plans().getPlan(COMMAND_LINE_ACTOR, planIds.get(council)!);
    return {
      body: {
        itemIds: [plan.items[0]!.id],
        title: 'An action from the matrix',
        owner: 'Head of Service',
        dueDate: '2030-01-31',
      },
      ifMatch: `W/"${plan.version}"`,
    };
  }),
  'GET /api/v1/actions/:id': apiCouncil,
  'PATCH /api/v1/actions/:id': apiPlanWrite(200, async (council) => ({
    body: { status: 'in progress' },
    ifMatch: `W/"${(await plans().getAction(COMMAND_LINE_ACTOR, actionIds.get(council)!)).version}"`,
  })),
  'POST /api/v1/actions/:id/measures': apiPlanWrite(201, async (council) => ({
    body: MATRIX_MEASURE,
    ifMatch: `W/"${(await plans().getAction(COMMAND_LINE_ACTOR, actionIds.get(council)!)).version}"`,
  })),
  'GET /api/v1/measures/:id': apiCouncil,
  'POST /api/v1/measures/:id/values': apiPlanWrite(201, async (council) => ({
    body: { date: '2020-01-01', value: 50 },
    ifMatch: `W/"${(await plans().getMeasure(COMMAND_LINE_ACTOR, measureIds.get(council)!)).version}"`,
  })),
  'POST /api/v1/actions/:id/updates': apiPlanWrite(201, async (council) => ({
    body: { text: 'An update from the matrix', status: 'in progress' },
    ifMatch: `W/"${(await plans().getAction(COMMAND_LINE_ACTOR, actionIds.get(council)!)).version}"`,
  })),
  // Before each cell the plan is made whole again (every item with an action, every action with a measure), so a writer's submission freezes a version.
  'POST /api/v1/plans/:id/submit': apiPlanWrite(200, async (council) => ({
    ifMatch: `W/"${(await completePlan(planIds.get(council)!)).version}"`,
  })),
  'POST /api/v1/actions/:id/evidence': apiPlanWrite(201, async (council) => ({
    body: EVIDENCE_SAMPLES.pdf,
    contentType: 'application/octet-stream',
    ifMatch: `W/"${(await plans().getAction(COMMAND_LINE_ACTOR, actionIds.get(council)!)).version}"`,
  })),
  'GET /api/v1/evidence/:id': apiCouncil,
  'GET /api/v1/plans/:id/versions': apiCouncil,
  'GET /api/v1/plans/:id/versions/:n': apiCouncil,
};

const MATRIX_MEASURE = {
  what: 'Plans reviewed on time',
  unit: '%',
  betterWhen: 'higher',
  baseline: { value: 50, date: '2019-01-01' },
  target: { value: 90, date: '2020-12-31' },
  frequency: 'monthly',
  source: 'Case records',
} as const;
const plans = () => testApp.loaded.services.plans;
const planIds = new Map<Council, number>();
const actionIds = new Map<Council, number>();
const measureIds = new Map<Council, number>();
const evidenceIds = new Map<Council, number>();
const updateIds = new Map<Council, number>();
const secondInspection = new Map<Council, number>();

/** Gives every item an action and every action a measure (as the command line), then makes an edit so the plan is a draft again. */
async function completePlan(planId: number) {
  let plan = await plans().getPlan(COMMAND_LINE_ACTOR, planId);
  const uncovered = plan.items.filter((item) => item.actionIds.length === 0).map((item) => item.id);
  if (uncovered.length > 0)
    await plans().addAction(COMMAND_LINE_ACTOR, planId, {
      itemIds: uncovered,
      title: 'Covering action',
      owner: { kind: 'team', name: 'Quality assurance' },
      dueDate: '2030-01-31',
      basedOnVersion: plan.version,
    });
  for (const action of (await plans().getPlanContent(COMMAND_LINE_ACTOR, planId)).actions) {
    const view = await plans().getAction(COMMAND_LINE_ACTOR, action.id);
    if (view.measures.length === 0)
      await plans().addMeasure(COMMAND_LINE_ACTOR, action.id, { ...MATRIX_MEASURE, basedOnVersion: view.version });
  }
  plan = await plans().getPlan(COMMAND_LINE_ACTOR, planId);
  const item = plan.items[0]!;
  await plans().respondToItem(COMMAND_LINE_ACTOR, item.id, {
    response: { kind: 'agreed', reason: `Agreed (${plan.version})` },
    basedOnVersion: item.version,
  });
  return plans().getPlan(COMMAND_LINE_ACTOR, planId);
}

let testApp: AccountsTestApp;
const visitors = new Map<Role, Visitor>();
const tokens = new Map<Role, string>();
const inspectionIds = new Map<Council, number>();

before(async () => {
  testApp = await accountsTestApp();
  const { services } = testApp.loaded;
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    const user = await services.accounts.users.getUserByEmail(COMMAND_LINE_ACTOR, PEOPLE[role]);
    tokens.set(role, (await services.accounts.users.createToken(COMMAND_LINE_ACTOR, user.id, 'matrix')).secret);
  }
  const inspections = await services.inspections.listAll();
  inspectionIds.set('own', inspections.find((inspection) => inspection.urn === OWN_COUNCIL)!.id);
  inspectionIds.set('other', inspections.find((inspection) => inspection.urn === OTHER_COUNCIL)!.id);
  for (const council of COUNCILS) {
    const own = inspections.filter((inspection) => inspection.urn === urnOf(council));
    secondInspection.set(council, own[1]!.id);
    const plan = await plans().createPlan(COMMAND_LINE_ACTOR, urnOf(council), { inspectionId: own[0]!.id });
    planIds.set(council, plan.id);
    const action = await plans().addAction(COMMAND_LINE_ACTOR, plan.id, {
      itemIds: plan.items.map((item) => item.id),
      title: 'Matrix action',
      owner: { kind: 'role', name: 'Head of Service' },
      dueDate: '2030-01-31',
      basedOnVersion: plan.version,
    });
    actionIds.set(council, action.id);
    const measure = await plans().addMeasure(COMMAND_LINE_ACTOR, action.id, {
      ...MATRIX_MEASURE,
      basedOnVersion: action.version,
    });
    measureIds.set(council, measure.id);
    const evidence = await plans().addEvidence(
      COMMAND_LINE_ACTOR,
      { actionId: action.id },
      {
        fileName: 'matrix.pdf',
        bytes: EVIDENCE_SAMPLES.pdf,
        basedOnVersion: (await plans().getAction(COMMAND_LINE_ACTOR, action.id)).version,
      },
    );
    evidenceIds.set(council, evidence.id);
    const update = await plans().addUpdate(COMMAND_LINE_ACTOR, action.id, {
      text: 'An update for the matrix',
      status: 'in progress',
      basedOnVersion: (await plans().getAction(COMMAND_LINE_ACTOR, action.id)).version,
    });
    updateIds.set(council, update.id);
    await plans().submit(COMMAND_LINE_ACTOR, plan.id, {
      basedOnVersion: (await plans().getPlan(COMMAND_LINE_ACTOR, plan.id)).version,
    });
  }
});
after(async () => testApp?.close());

async function visitorFor(role: Role, fresh = false): Promise<Visitor> {
  const known = visitors.get(role);
  if (known && !fresh) return known;
  const visitor = new Visitor(testApp.app);
  if (role === 'none') await visitor.get('/sign-in');
  else assert.equal((await visitor.signIn(PEOPLE[role])).statusCode, 303, `${role} signs in`);
  if (!fresh) visitors.set(role, visitor);
  return visitor;
}

/** A token from a page this visitor can open, bound to their session. */
async function tokenFor(role: Role, visitor: Visitor): Promise<string> {
  return csrfFrom((await visitor.get(role === 'none' ? '/sign-in' : '/sign-out')).body);
}

let made = 0;
/** A person (and a token of theirs) for admin routes to act on, assigned to the council of the cell. */
async function target(council: Council): Promise<{ userId: number; tokenId: number }> {
  const users = testApp.loaded.services.accounts.users;
  const { user } = await users.addUser(COMMAND_LINE_ACTOR, {
    email: `target-${++made}@example.org`,
    role: 'viewer',
    councils: [urnOf(council)],
  });
  const { token } = await users.createToken(COMMAND_LINE_ACTOR, user.id, 'target');
  return { userId: user.id, tokenId: token.id };
}

/** The plan pages work on the plan made in before() for each council: its first item, its action, measure, update and evidence file. */
async function pagePlan(
  council: Council,
): Promise<Record<'planId' | 'itemId' | 'actionId' | 'measureId' | 'updateId' | 'evidenceId', number>> {
  const planId = planIds.get(council)!;
  const plan = await plans().getPlan(COMMAND_LINE_ACTOR, planId);
  return {
    planId,
    itemId: plan.items[0]!.id,
    actionId: actionIds.get(council)!,
    measureId: measureIds.get(council)!,
    updateId: updateIds.get(council)!,
    evidenceId: evidenceIds.get(council)!,
  };
}

async function concreteUrl(url: string, council: Council): Promise<string> {
  if (url.startsWith('/plans/')) {
    const plan = await pagePlan(council);
    return url
      .replace(':id', String(plan.planId))
      .replace(':itemId', String(plan.itemId))
      .replace(':actionId', String(plan.actionId))
      .replace(':measureId', String(plan.measureId))
      .replace(':updateId', String(plan.updateId))
      .replace(':evidenceId', String(plan.evidenceId));
  }
  if (url === '/assets/*') return '/assets/govuk-frontend.min.css';
  if (url === '/app-assets/*') return '/app-assets/app.css';
  let concrete = url.replace(':urn', urnOf(council)).replace(':secret', 'A'.repeat(43)).replace(':n', '1');
  if (concrete.includes(':id')) {
    if (concrete.includes('/inspections/')) concrete = concrete.replace(':id', String(inspectionIds.get(council)));
    else if (concrete.startsWith('/api/v1/plans/')) concrete = concrete.replace(':id', String(planIds.get(council)));
    else if (concrete.startsWith('/api/v1/actions/'))
      concrete = concrete.replace(':id', String(actionIds.get(council)));
    else if (concrete.startsWith('/api/v1/measures/'))
      concrete = concrete.replace(':id', String(measureIds.get(council)));
    else if (concrete.startsWith('/api/v1/evidence/'))
      concrete = concrete.replace(':id', String(evidenceIds.get(council)));
    else if (concrete.includes('/plans/')) concrete = concrete.replace(':id', String(planIds.get(council)));
    else {
      const { userId, tokenId } = await target(council);
      concrete = concrete.replace(':id', String(concrete.startsWith('/admin/tokens/') ? tokenId : userId));
    }
  }
  if (concrete.endsWith('/evidence') && concrete.startsWith('/api/v1/actions/')) concrete += '?fileName=matrix.pdf';
  return concrete;
}

test('every declared route has a rule, and its privacy matches', async () => {
  await testApp.app.ready();
  const declared = testApp.app.declaredRoutes();
  assert.ok(declared.length >= 40, `routes found: ${declared.length}`);
  const missing = declared.map((route) => `${route.method} ${route.url}`).filter((key) => MATRIX[key] === undefined);
  assert.deepEqual(missing, [], 'routes with no entry in the authorisation matrix');
  for (const route of declared)
    assert.equal(
      route.private,
      MATRIX[`${route.method} ${route.url}`]!.private,
      `${route.method} ${route.url}: private`,
    );
  const stale = Object.keys(MATRIX).filter((key) => !declared.some((route) => `${route.method} ${route.url}` === key));
  assert.deepEqual(stale, [], 'matrix entries for routes that no longer exist');
});

test('each cell: route x role x own or other council', async () => {
  const declared = [...testApp.app.declaredRoutes()].sort(
    (a, b) =>
      Number(MATRIX[`${a.method} ${a.url}`]?.endsSession ?? false) -
      Number(MATRIX[`${b.method} ${b.url}`]?.endsSession ?? false),
  );
  const wrong: string[] = [];
  let cells = 0;
  let crossCouncilReads = 0;
  for (const route of declared) {
    const key = `${route.method} ${route.url}`;
    const rule = MATRIX[key]!;
    for (const role of ROLES) {
      for (const council of COUNCILS) {
        const url = await concreteUrl(route.url, council);
        const expected = rule.status(role, council);
        let status: number;
        let cacheControl: string | undefined;
        if (url.startsWith('/api/')) {
          const token = tokens.get(role);
          const write = await rule.api?.(council);
          const headers: Record<string, string> = {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(write?.ifMatch ? { 'if-match': write.ifMatch } : {}),
            ...(write?.contentType ? { 'content-type': write.contentType } : {}),
          };
          const response = await testApp.app.inject({
            method: route.method as 'GET',
            url,
            headers,
            ...(write?.body === undefined ? {} : { payload: write.body as Buffer }),
          });
          status = response.statusCode;
          cacheControl = response.headers['cache-control'] as string | undefined;
        } else {
          const visitor = await visitorFor(role, rule.endsSession);
          const response =
            route.method === 'GET'
              ? await visitor.get(url)
              : await visitor.post(url, { ...rule.body?.(council, ++made), _csrf: await tokenFor(role, visitor) });
          status = response.statusCode;
          cacheControl = response.headers['cache-control'] as string | undefined;
        }
        cells++;
        if (status !== expected) wrong.push(`${key} as ${role}, ${council} council: ${status}, expected ${expected}`);
        if (rule.private && cacheControl !== 'no-store')
          wrong.push(`${key} as ${role}, ${council} council: Cache-Control ${cacheControl}, expected no-store`);
        if (
          rule.private &&
          council === 'other' &&
          role !== 'admin' &&
          role !== 'none' &&
          status === 200 &&
          url.includes(OTHER_COUNCIL)
        )
          crossCouncilReads++;
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(crossCouncilReads, 0, 'no cross-council reads');
  assert.ok(cells >= 8 * 40, `cells checked: ${cells}`);
});
