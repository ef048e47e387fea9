/** Accounts over HTTP: sign-in, CSRF, lock-out without telling who exists, sessions after sign-out, tokens, no-store, admin pages. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../src/web/middleware/set-up-web-session.ts';
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

let testApp: AccountsTestApp;
const logged: string[] = [];
before(async () => {
  testApp = await accountsTestApp({ logTo: (line) => logged.push(line) });
});
after(async () => testApp.close());

describe('signing in and out', () => {
  test('sign in through the form: a new HttpOnly, SameSite=Lax session cookie, then the account page, never cached', async () => {
    const visitor = new Visitor(testApp.app);
    const form = await visitor.get('/sign-in');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Sign in<\/h1>/);
    const response = await visitor.post('/sign-in', {
      email: PEOPLE.viewer.toUpperCase(),
      password: TEST_PASSWORD,
      _csrf: csrfFrom(form.body),
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account');
    const setCookie = String(response.headers['set-cookie']);
    assert.match(setCookie, new RegExp(`${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax`));
    const account = await visitor.get('/account');
    assert.equal(account.statusCode, 200);
    assert.equal(account.headers['cache-control'], 'no-store');
    assert.match(account.body, /Vi Viewer/);
    assert.match(account.body, new RegExp(`/councils/${OWN_COUNCIL}/workspace`));
    assert.match(account.body, />Your account</, 'the header links to the account');
  });

  test('the session cookie is Secure behind an HTTPS proxy', async () => {
    const secure = await accountsTestApp({ trustProxy: true });
    try {
      const form = await secure.app.inject({ url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
      const response = await secure.app.inject({
        method: 'POST',
        url: '/sign-in',
        payload: new URLSearchParams({
          email: PEOPLE.viewer,
          password: TEST_PASSWORD,
          _csrf: csrfFrom(form.body),
        }).toString(),
        headers: {
          'x-forwarded-proto': 'https',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: form.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
        },
      });
      assert.equal(response.statusCode, 303);
      assert.match(
        String(response.headers['set-cookie']),
        new RegExp(`${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; Secure; SameSite=Lax`),
      );
      const plain = await testApp.app.inject({ url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
      assert.doesNotMatch(
        String(plain.headers['set-cookie']),
        /Secure/,
        'without CSCI_TRUST_PROXY the header is not believed',
      );
    } finally {
      await secure.close();
    }
  });

  test('a form posted without a CSRF token, or with another session’s, is refused (403)', async () => {
    const visitor = new Visitor(testApp.app);
    await visitor.get('/sign-in');
    const bare = await visitor.post('/sign-in', { email: PEOPLE.viewer, password: TEST_PASSWORD });
    assert.equal(bare.statusCode, 403);
    assert.equal(visitor.jar.get(SESSION_COOKIE), undefined, 'no session was made');
    assert.equal((await visitor.signIn(PEOPLE.admin)).statusCode, 303);
    const other = new Visitor(testApp.app);
    await other.signIn(PEOPLE.viewer);
    const othersToken = csrfFrom((await other.get('/sign-out')).body);
    const forged = await visitor.post('/admin/users/new', {
      email: 'mallory@example.org',
      role: 'admin',
      _csrf: othersToken,
    });
    assert.equal(forged.statusCode, 403);
    const page = await visitor.get('/admin/users');
    assert.doesNotMatch(page.body, /mallory/);
  });

  test('20 wrong passwords lock the account for a while; an unknown email gets the very same answers', async () => {
    const answers = async (email: string) => {
      const visitor = new Visitor(testApp.app);
      const out: string[] = [];
      for (let attempt = 1; attempt <= 21; attempt++) {
        const response = await visitor.submit('/sign-in', '/sign-in', {
          email,
          password: `not the password ${attempt}`,
        });
        const message = /<a href="#email">([^<]+)<\/a>/.exec(response.body)?.[1] ?? '';
        out.push(`${response.statusCode} ${message}`);
      }
      const right = await visitor.submit('/sign-in', '/sign-in', { email, password: TEST_PASSWORD });
      out.push(`${right.statusCode} ${/<a href="#email">([^<]+)<\/a>/.exec(right.body)?.[1] ?? ''}`);
      return out;
    };
    const known = await answers(PEOPLE.editor);
    const unknown = await answers('no-one@derby.example.gov.uk');
    assert.deepEqual(known.slice(0, 19), Array(19).fill('400 Enter a correct email address and password'));
    assert.match(known[19]!, /^429 There have been too many attempts/);
    assert.equal(known[21], known[19], 'the right password is refused while locked');
    assert.deepEqual(unknown, known);
  });

  test('a stolen session id is useless after sign-out', async () => {
    const visitor = new Visitor(testApp.app);
    await visitor.signIn(PEOPLE.viewer);
    const stolen = visitor.jar.get(SESSION_COOKIE)!;
    const out = await visitor.submit('/sign-out', '/sign-out', {});
    assert.equal(out.statusCode, 303);
    const thief = await testApp.app.inject({ url: '/account', headers: { cookie: `${SESSION_COOKIE}=${stolen}` } });
    assert.equal(thief.statusCode, 303);
    assert.match(String(thief.headers.location), /^\/sign-in\?returnTo=%2Faccount/);
  });

  test('signing in again rotates the session id and ends the old session', async () => {
    const visitor = new Visitor(testApp.app);
    await visitor.signIn(PEOPLE.viewer);
    const first = visitor.jar.get(SESSION_COOKIE)!;
    assert.equal((await visitor.get('/sign-in')).statusCode, 303, 'signed in already: the sign-in page sends on');
    const token = csrfFrom((await visitor.get('/sign-out')).body);
    const again = await visitor.post('/sign-in', { email: PEOPLE.viewer, password: TEST_PASSWORD, _csrf: token });
    assert.equal(again.statusCode, 303);
    const rotated = visitor.jar.get(SESSION_COOKIE);
    assert.ok(rotated && rotated !== first);
    const old = await testApp.app.inject({ url: '/account', headers: { cookie: `${SESSION_COOKIE}=${first}` } });
    assert.equal(old.statusCode, 303, 'the old session ended at the new sign-in');
    assert.equal((await visitor.get('/account')).statusCode, 200);
  });

  test('a return path after sign-in stays on this site', async () => {
    const visitor = new Visitor(testApp.app);
    const page = await visitor.get('/sign-in?returnTo=//evil.example/');
    assert.doesNotMatch(page.body, /evil\.example/);
    const response = await visitor.post('/sign-in', {
      email: PEOPLE.viewer,
      password: TEST_PASSWORD,
      returnTo: 'https://evil.example/',
      _csrf: csrfFrom(page.body),
    });
    assert.equal(response.headers.location, '/account');
  });
});

describe('set-password links and the admin pages', () => {
  test('an admin adds a person, the one-time link sets a password, and the person signs in', async () => {
    const admin = new Visitor(testApp.app);
    await admin.signIn(PEOPLE.admin);
    const invalid = await admin.submit('/admin/users/new', '/admin/users/new', {
      email: 'not-an-email',
      role: '',
      councils: '',
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /govuk-error-summary/);
    assert.match(invalid.body, /Choose a role/);
    const added = await admin.submit('/admin/users/new', '/admin/users/new', {
      email: 'new@derby.example.gov.uk',
      name: 'Nia New',
      role: 'viewer',
      councils: `${OWN_COUNCIL}`,
    });
    assert.equal(added.statusCode, 200);
    assert.equal(added.headers['cache-control'], 'no-store');
    const link = /<code id="password-link">http:\/\/localhost:3000(\/set-password\/[A-Za-z0-9_-]+)<\/code>/.exec(
      added.body,
    )?.[1];
    assert.ok(link, added.body);
    const person = new Visitor(testApp.app);
    const weak = await person.submit(link, link, { password: 'password1234', confirm: 'password1234' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /too commonly used/);
    const set = await person.submit(link, link, { password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    assert.equal(set.statusCode, 303);
    assert.equal((await person.get(link)).statusCode, 404, 'the link works once');
    assert.equal(
      logged.some((line) => line.includes(link.split('/').pop()!)),
      false,
      'the link secret never reaches the logs',
    );
    assert.ok(logged.some((line) => line.includes('/set-password/:secret')));
    assert.equal((await person.signIn('new@derby.example.gov.uk')).statusCode, 303);
    const audit = await admin.get('/admin/audit?action=user.set-password');
    assert.match(audit.body, /user\.set-password/);
    const csv = await admin.get('/admin/audit.csv?action=user.add');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /^id,at,actor_user_id,actor_email,action,record_type,record_id,before,after\r\n/);
    assert.match(csv.body, /new@derby\.example\.gov\.uk/);
  });

  test('an admin creates a token on a person’s page, it works on the API, and once revoked it stops at once', async () => {
    const admin = new Visitor(testApp.app);
    await admin.signIn(PEOPLE.admin);
    const users = await admin.get('/admin/users');
    const id = new RegExp(`href="/admin/users/(\\d+)">Ed Editor`).exec(users.body)?.[1];
    assert.ok(id);
    const created = await admin.submit(`/admin/users/${id}`, `/admin/users/${id}/tokens`, { label: 'reporting tool' });
    const token = /<code id="api-token">(csci_[^<]+)<\/code>/.exec(created.body)?.[1];
    assert.ok(token);
    const me = await testApp.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), { email: PEOPLE.editor, name: 'Ed Editor', role: 'editor', councils: [OWN_COUNCIL] });
    assert.equal(me.headers['cache-control'], 'no-store');
    const members = await testApp.app.inject({
      url: `/api/v1/councils/${OWN_COUNCIL}/members`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(members.statusCode, 200);
    assert.equal(
      (
        await testApp.app.inject({
          url: `/api/v1/councils/${OTHER_COUNCIL}/members`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
      404,
    );
    const tokens = await admin.get('/admin/tokens');
    const tokenId = /action="\/admin\/tokens\/(\d+)\/revoke"/.exec(tokens.body)?.[1];
    assert.ok(tokenId);
    const revoked = await admin.post(`/admin/tokens/${tokenId}/revoke`, { _csrf: csrfFrom(tokens.body) });
    assert.equal(revoked.statusCode, 303);
    const after = await testApp.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(after.statusCode, 401);
    assert.match(String(after.headers['www-authenticate']), /^Bearer/);
    assert.equal(after.json().error.code, 'not-authenticated');
  });

  test('the OpenAPI document describes the private routes and their bearer token', async () => {
    const document = (await testApp.app.inject('/api/v1/openapi.json')).json();
    for (const path of ['/me', '/audit', '/councils/{urn}/members'])
      assert.deepEqual(document.paths[path].get.security, [{ bearerToken: [] }], path);
    assert.equal(document.components.securitySchemes.bearerToken.scheme, 'bearer');
  });

  test('the API never takes the session cookie, and public API routes stay public', async () => {
    const visitor = new Visitor(testApp.app);
    await visitor.signIn(PEOPLE.admin);
    assert.equal((await visitor.get('/api/v1/me')).statusCode, 401);
    assert.equal((await testApp.app.inject('/api/v1/councils')).statusCode, 200);
    const audit = await testApp.app.inject('/api/v1/audit');
    assert.equal(audit.statusCode, 401);
  });
});
