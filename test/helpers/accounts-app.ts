/**
 * For tests: the real app with accounts over real services and a SQLite store holding a few
 * written reports, people of each role for two councils, and helpers that sign in through the
 * real form (fetching its CSRF token first) and carry the cookies.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/app.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from './report-fixtures.ts';
import { servicesWithReports, type LoadedServices, type TestServicesOptions } from './services-with-reports.ts';

export const OWN_COUNCIL = DERBY_URN;
export const OTHER_COUNCIL = NOTTINGHAM_URN;
export const TEST_PASSWORD = 'violet kettle harbour';
export const PEOPLE = {
  admin: 'admin@example.gov.uk',
  editor: 'editor@derby.example.gov.uk',
  viewer: 'viewer@derby.example.gov.uk',
} as const;

export interface AccountsTestApp {
  readonly app: FastifyInstance;
  readonly loaded: LoadedServices;
  close(): Promise<void>;
}

export async function accountsTestApp(
  options: {
    trustProxy?: boolean;
    logTo?: (line: string) => void;
    oidc?: { issuer: string; clientId: string; clientSecret: string };
    publicUrl?: string;
    /** The largest evidence file taken (a small one lets a test send one too large). */
    evidenceMaxBytes?: number;
    /** Options for the services (the read model's snapshot is always taken fresh). */
    services?: Omit<TestServicesOptions, 'readModel'>;
  } = {},
): Promise<AccountsTestApp> {
  const loaded = await servicesWithReports(REPORT_FIXTURES, {
    ...options.services,
    readModel: { snapshotSeconds: 0 },
    ...(options.evidenceMaxBytes ? { plans: { evidenceMaxBytes: options.evidenceMaxBytes } } : {}),
  });
  const users = loaded.services.accounts.users;
  await users.addUser(COMMAND_LINE_ACTOR, {
    email: PEOPLE.admin,
    role: 'admin',
    name: 'Ada Admin',
    password: TEST_PASSWORD,
  });
  await users.addUser(COMMAND_LINE_ACTOR, {
    email: PEOPLE.editor,
    role: 'editor',
    name: 'Ed Editor',
    councils: [OWN_COUNCIL],
    password: TEST_PASSWORD,
  });
  await users.addUser(COMMAND_LINE_ACTOR, {
    email: PEOPLE.viewer,
    role: 'viewer',
    name: 'Vi Viewer',
    councils: [OWN_COUNCIL],
    password: TEST_PASSWORD,
  });
  const app = await createApp({
    services: loaded.services,
    logger: options.logTo
      ? createLogger({ destination: { write: (line: string) => options.logTo!(line) } })
      : createLogger({ level: 'silent' }),
    trustProxy: options.trustProxy ?? false,
    accounts: {
      sessionSecret: 'test-secret-that-is-long-enough-0123456789',
      publicUrl: options.publicUrl ?? 'http://localhost:3000',
      oidc: options.oidc,
    },
  });
  return {
    app,
    loaded,
    async close() {
      await app.close();
      await loaded.close();
    },
  };
}

/** A browser's cookie jar, as far as these tests need one. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) ||
        cookie.value === '';
      if (expired) this.#cookies.delete(cookie.name);
      else this.#cookies.set(cookie.name, cookie.value);
    }
  }
  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }
  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token in the page');
  return token;
}

/** A visitor with a cookie jar: GET a page, POST a form with the token from a page. */
export class Visitor {
  readonly jar = new CookieJar();
  readonly #app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.#app = app;
  }
  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.#app.inject({ method: 'GET', url, headers: { cookie: this.jar.header() } });
    this.jar.take(response);
    return response;
  }
  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    const response = await this.#app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(form).toString(),
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.jar.take(response);
    return response;
  }
  /** Fetches `formPage` for its token, then posts the form to `action`. */
  async submit(formPage: string, action: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await this.get(formPage);
    return this.post(action, { ...form, _csrf: csrfFrom(page.body) });
  }
  async signIn(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    return this.submit('/sign-in', '/sign-in', { email, password });
  }
}
