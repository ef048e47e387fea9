/**
 * Single sign-on against a real OpenID provider (oidc-provider, started here on a free port with
 * its development login and consent pages): the code flow with PKCE signs in a person an admin
 * added, and refuses an email no admin added.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import Provider from 'oidc-provider';
import { SESSION_COOKIE } from '../../src/web/middleware/set-up-web-session.ts';
import { accountsTestApp, PEOPLE, Visitor, type AccountsTestApp } from '../helpers/accounts-app.ts';

const PUBLIC_URL = 'http://csci.localhost:3000';
const CLIENT = { clientId: 'csci-test', clientSecret: 'a-client-secret-used-only-by-these-tests' };

let server: Server;
let issuer: string;
let testApp: AccountsTestApp;

before(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        redirect_uris: [`${PUBLIC_URL}/sign-in/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    findAccount: (_context, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true, name: id }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['a-cookie-key-used-only-by-these-tests'] },
    pkce: { required: () => true },
  });
  server.on('request', provider.callback());
  testApp = await accountsTestApp({ oidc: { issuer, ...CLIENT }, publicUrl: PUBLIC_URL });
});

after(async () => {
  await testApp?.close();
  await new Promise((resolve) => server.close(resolve));
});

/** Plays the person at the provider: its login page (any login is the email), then consent; returns the callback URL. */
async function throughProvider(authorizationUrl: string, email: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(PUBLIC_URL)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    keep(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    assert.ok(action && prompt, `the provider showed a form (${response.status}): ${html.slice(0, 300)}`);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: email, password: 'any' } : { prompt };
    const submitted = await fetch(new URL(action.replace(/&amp;/g, '&'), url), {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(form).toString(),
      headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    keep(submitted);
    url = new URL(submitted.headers.get('location')!, url).href;
  }
  throw new Error('the provider never sent the person back');
}

async function signInWithProvider(email: string) {
  const visitor = new Visitor(testApp.app);
  const start = await visitor.get('/sign-in/oidc');
  assert.equal(start.statusCode, 303);
  const location = String(start.headers.location);
  assert.ok(location.startsWith(`${issuer}/auth?`), location);
  const query = new URL(location).searchParams;
  assert.equal(query.get('code_challenge_method'), 'S256');
  assert.ok(query.get('state') && query.get('nonce'));
  const callback = await throughProvider(location, email);
  const back = await visitor.get(callback.slice(PUBLIC_URL.length));
  return { visitor, back };
}

test('the sign-in page offers single sign-on when it is configured', async () => {
  const page = await testApp.app.inject('/sign-in');
  assert.match(page.body, /Sign in with your organisation(&#39;|')s account/);
});

test('a person an admin added signs in with their organisation’s account', async () => {
  const { visitor, back } = await signInWithProvider(PEOPLE.editor);
  assert.equal(back.statusCode, 303, back.body);
  assert.equal(back.headers.location, '/account');
  assert.ok(visitor.jar.get(SESSION_COOKIE));
  const account = await visitor.get('/account');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /Ed Editor/);
  const admin = await testApp.loaded.services.accounts.authentication.signInWithPassword(
    PEOPLE.admin,
    'violet kettle harbour',
  );
  assert.ok(admin.ok);
  const events = await testApp.loaded.services.accounts.audit.list(admin.actor, { action: 'sign-in' });
  assert.ok(
    events.some(
      (event) => (event.after as { method?: string }).method === 'oidc' && event.actorEmail === PEOPLE.editor,
    ),
  );
});

test('an email no admin added is refused, with no session', async () => {
  const { visitor, back } = await signInWithProvider('stranger@elsewhere.example.org');
  assert.equal(back.statusCode, 303);
  assert.equal(back.headers.location, '/sign-in?sso=refused');
  assert.equal(visitor.jar.get(SESSION_COOKIE), undefined);
  const page = await visitor.get('/sign-in?sso=refused');
  assert.match(page.body, /There is no account for the email address your organisation gave/);
  assert.equal((await visitor.get('/account')).statusCode, 303);
});

test('a callback without the flow cookie, or with a forged state, is refused', async () => {
  const visitor = new Visitor(testApp.app);
  const bare = await visitor.get('/sign-in/oidc/callback?code=abc&state=xyz');
  assert.equal(bare.statusCode, 400);
  const start = await visitor.get('/sign-in/oidc');
  const callback = await throughProvider(String(start.headers.location), PEOPLE.editor);
  const forged = new URL(callback);
  forged.searchParams.set('state', 'forged-state');
  const response = await visitor.get(forged.href.slice(PUBLIC_URL.length));
  assert.equal(response.statusCode, 400);
  assert.equal(visitor.jar.get(SESSION_COOKIE), undefined);
});
