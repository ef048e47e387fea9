/**
 * Accounts on every test dialect: users and roles, sign-in with lock-out that never tells whether an
 * email exists, sessions that end at sign-out and on timeouts, tokens that stop at revocation,
 * one-time links, scope checks in the services, and the append-only audit trail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { COMMAND_LINE_ACTOR, type Actor } from '../../src/domain/actor.ts';
import { ForbiddenError, NotAuthenticatedError, NotFoundError } from '../../src/errors.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';

const BARKING = '80486';
const BARNET = '80487';
const PASSWORD = 'violet kettle harbour';

for (const dialect of TEST_DIALECTS) {
  describe(`accounts on ${dialect}`, () => {
    let clock = new Date('2026-12-01T09:00:00.000Z');
    const advance = (minutes: number) => {
      clock = new Date(clock.getTime() + minutes * 60_000);
    };
    let services: Awaited<ReturnType<typeof createTestServices>>;
    let admin: Actor;

    before(async () => {
      services = await createTestServices(dialect, { accounts: { now: () => clock } });
      const added = await services.accounts.users.addUser(COMMAND_LINE_ACTOR, {
        email: 'Admin@Example.gov.uk',
        role: 'admin',
        name: 'Ada Admin',
        password: PASSWORD,
      });
      const signedIn = await services.accounts.authentication.signInWithPassword('admin@example.gov.uk', PASSWORD);
      assert.ok(signedIn.ok);
      admin = signedIn.actor;
      assert.equal(added.user.email, 'admin@example.gov.uk');
      assert.equal(added.passwordLink, undefined);
    });
    after(async () => services?.done());

    const audit = (action: string) => services.accounts.audit.list(admin, { action });

    test('a user added without a password gets a one-time set-password link, valid 24 hours', async () => {
      const { user, passwordLink } = await services.accounts.users.addUser(admin, {
        email: 'vera@barking.gov.uk',
        role: 'viewer',
        councils: [BARKING],
        name: 'Vera Viewer',
      });
      assert.deepEqual(user.councils, [BARKING]);
      assert.equal(user.hasPassword, false);
      assert.ok(passwordLink);
      const secret = passwordLink.path.split('/').pop()!;
      assert.equal(passwordLink.expiresAt, new Date(clock.getTime() + 24 * 3600_000).toISOString());
      assert.equal(await services.accounts.authentication.passwordLinkUsable(secret), true);
      await assert.rejects(
        services.accounts.authentication.setPasswordWithLink(secret, 'password1234'),
        /too commonly used/,
      );
      await assert.rejects(
        services.accounts.authentication.setPasswordWithLink(secret, 'short'),
        /12 characters or more/,
      );
      await services.accounts.authentication.setPasswordWithLink(secret, PASSWORD);
      await assert.rejects(
        services.accounts.authentication.setPasswordWithLink(secret, PASSWORD),
        NotFoundError,
        'a link works once',
      );
      assert.ok((await services.accounts.authentication.signInWithPassword('vera@barking.gov.uk', PASSWORD)).ok);

      const late = await services.accounts.users.createPasswordLink(admin, user.id);
      advance(24 * 60 + 1);
      assert.equal(
        await services.accounts.authentication.passwordLinkUsable(late.path.split('/').pop()!),
        false,
        'a link expires after 24 hours',
      );
      assert.equal((await audit('password-link.create')).length, 2);
      assert.equal((await audit('user.set-password')).length, 1);
    });

    test('20 wrong passwords lock the email for a while, answering exactly as for an email no one has', async () => {
      await services.accounts.users.addUser(admin, {
        email: 'lock@barking.gov.uk',
        role: 'editor',
        councils: [BARKING],
        password: PASSWORD,
      });
      const known: string[] = [];
      const unknown: string[] = [];
      for (let attempt = 1; attempt <= 20; attempt++) {
        const a = await services.accounts.authentication.signInWithPassword(
          'lock@barking.gov.uk',
          `wrong guess ${attempt}!`,
        );
        const b = await services.accounts.authentication.signInWithPassword(
          'nobody@barking.gov.uk',
          `wrong guess ${attempt}!`,
        );
        known.push(a.ok ? 'ok' : a.reason);
        unknown.push(b.ok ? 'ok' : b.reason);
      }
      assert.deepEqual(known, [...Array(19).fill('invalid'), 'locked']);
      assert.deepEqual(unknown, known, 'an unknown email gets the same answers');
      const right = await services.accounts.authentication.signInWithPassword('lock@barking.gov.uk', PASSWORD);
      assert.deepEqual(right, { ok: false, reason: 'locked' }, 'even the right password waits out the lock');
      assert.equal((await audit('sign-in.locked')).length, 2);
      assert.ok((await audit('sign-in.failed')).length >= 40);
      advance(16);
      assert.equal(
        (await services.accounts.authentication.signInWithPassword('lock@barking.gov.uk', PASSWORD)).ok,
        true,
        'the lock ends',
      );
    });

    test('a stolen session id is useless after sign-out; sessions end when idle and at their absolute end', async () => {
      const auth = services.accounts.authentication;
      const first = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD);
      assert.ok(first.ok);
      assert.equal((await auth.sessionActor(first.sessionId))?.actor.email, 'vera@barking.gov.uk');
      await auth.signOut(first.sessionId);
      assert.equal(await auth.sessionActor(first.sessionId), null);

      const idle = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD);
      assert.ok(idle.ok);
      advance(29);
      assert.ok(await auth.sessionActor(idle.sessionId), 'still there after 29 idle minutes');
      advance(31);
      assert.equal(await auth.sessionActor(idle.sessionId), null, 'gone after 31 more idle minutes');

      const busy = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD);
      assert.ok(busy.ok);
      for (let hour = 0; hour < 12 * 4 - 1; hour++) {
        advance(15);
        assert.ok(await auth.sessionActor(busy.sessionId));
      }
      advance(15);
      assert.equal(await auth.sessionActor(busy.sessionId), null, 'gone 12 hours after sign-in, however busy');

      const a = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD);
      const b = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD);
      assert.ok(a.ok && b.ok);
      assert.notEqual(a.sessionId, b.sessionId);
      assert.equal(await auth.signOutEverywhere(a.actor), 2);
      assert.equal(await auth.sessionActor(b.sessionId), null);
      const rotated = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD);
      assert.ok(rotated.ok);
      const again = await auth.signInWithPassword('vera@barking.gov.uk', PASSWORD, { replacing: rotated.sessionId });
      assert.ok(again.ok);
      assert.equal(await auth.sessionActor(rotated.sessionId), null, 'signing in again replaces the old session');
    });

    test('a revoked token stops working at once', async () => {
      const vera = await services.accounts.users.getUserByEmail(admin, 'VERA@barking.gov.uk');
      const { token, secret } = await services.accounts.users.createToken(admin, vera.id, 'scrutiny sync');
      assert.match(secret, /^csci_[A-Za-z0-9_-]{43}$/);
      assert.equal((await services.accounts.authentication.tokenActor(secret))?.email, 'vera@barking.gov.uk');
      const listed = await services.accounts.users.listTokens(admin, vera.id);
      assert.ok(listed.find((row) => row.id === token.id)?.lastUsedAt, 'last use is kept');
      await services.accounts.users.revokeToken(admin, token.id);
      assert.equal(await services.accounts.authentication.tokenActor(secret), null);
      assert.equal(await services.accounts.authentication.tokenActor(`${secret}x`), null);
      const events = await audit('token.revoke');
      assert.equal(events.length, 1);
      assert.equal(JSON.stringify(events).includes(secret), false, 'the audit trail never holds the token');
    });

    test('only admins manage accounts, and the services say so (401 without an actor, 403 for other roles)', async () => {
      const editor = (await services.accounts.authentication.signInWithPassword('lock@barking.gov.uk', PASSWORD)) as {
        ok: true;
        actor: Actor;
      };
      await assert.rejects(services.accounts.users.listUsers(null), NotAuthenticatedError);
      await assert.rejects(services.accounts.users.listUsers(editor.actor), ForbiddenError);
      await assert.rejects(
        services.accounts.users.addUser(editor.actor, { email: 'x@example.org', role: 'admin' }),
        ForbiddenError,
      );
      await assert.rejects(services.accounts.audit.list(editor.actor), ForbiddenError);
      await assert.rejects(
        services.accounts.users.addUser(admin, { email: 'bad', role: 'viewer' }),
        /email address in the correct format/,
      );
      await assert.rejects(
        services.accounts.users.addUser(admin, { email: 'y@example.org', role: 'owner' }),
        /Choose a role/,
      );
      await assert.rejects(
        services.accounts.users.addUser(admin, { email: 'y@example.org', role: 'viewer', councils: ['99999999'] }),
        /No council in the register/,
      );
      await assert.rejects(
        services.accounts.users.addUser(admin, { email: 'VERA@barking.gov.uk', role: 'viewer' }),
        /already a user/,
      );
      await assert.rejects(services.accounts.users.removeUser(admin, admin.userId), /last administrator/);
    });

    test('a council workspace: its people to its own users and admins; 404 to everyone else', async () => {
      const vera = (
        (await services.accounts.authentication.signInWithPassword('vera@barking.gov.uk', PASSWORD)) as {
          ok: true;
          actor: Actor;
        }
      ).actor;
      const own = await services.accounts.workspaces.get(vera, BARKING);
      assert.deepEqual(own.members.map((member) => member.email).sort(), [
        'lock@barking.gov.uk',
        'vera@barking.gov.uk',
      ]);
      assert.equal(own.canWrite, false, 'a viewer reads, never writes');
      await assert.rejects(services.accounts.workspaces.get(vera, BARNET), NotFoundError);
      await assert.rejects(services.accounts.workspaces.get(vera, '99999999'), NotFoundError);
      await assert.rejects(services.accounts.workspaces.get(null, BARKING), NotAuthenticatedError);
      assert.equal((await services.accounts.workspaces.get(admin, BARNET)).members.length, 0);
      await assert.rejects(services.accounts.workspaces.get(admin, '99999999'), NotFoundError);
    });

    test('every change to users, roles, assignments and tokens is audited with before and after', async () => {
      const { user } = await services.accounts.users.addUser(admin, {
        email: 'ed@barnet.gov.uk',
        role: 'viewer',
        councils: [BARNET],
        password: PASSWORD,
      });
      await services.accounts.users.setRole(admin, user.id, 'editor');
      await services.accounts.users.setCouncils(admin, user.id, [BARNET, BARKING]);
      await services.accounts.users.removeUser(admin, user.id);
      const trail = (
        await services.accounts.audit.list(admin, { recordType: 'user', recordId: String(user.id) })
      ).reverse();
      assert.deepEqual(
        trail.map((event) => event.action),
        ['user.add', 'user.set-role', 'user.set-councils', 'user.remove'],
      );
      const setRole = trail.find((event) => event.action === 'user.set-role')!;
      assert.deepEqual(setRole.before, { email: 'ed@barnet.gov.uk', name: 'ed', role: 'viewer', councils: [BARNET] });
      assert.deepEqual(setRole.after, { email: 'ed@barnet.gov.uk', name: 'ed', role: 'editor', councils: [BARNET] });
      assert.deepEqual(
        (trail.find((event) => event.action === 'user.set-councils')!.after as { councils: string[] }).councils,
        [BARKING, BARNET],
      );
      assert.equal(trail[0]!.actorEmail, 'admin@example.gov.uk');
      assert.equal(JSON.stringify(trail).includes('argon2'), false, 'no password hash in the trail');
      const cli = (await audit('user.add')).find(
        (event) => event.after !== null && (event.after as { email: string }).email === 'admin@example.gov.uk',
      );
      assert.equal(cli?.actorEmail, 'command-line');
      assert.equal(cli?.actorUserId, null);
    });

    test('the audit trail refuses UPDATE and DELETE in the database itself', async () => {
      const db = services.store.db;
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('audit_event')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      assert.ok(before > 0);
      await assert.rejects(db.updateTable('audit_event').set({ action: 'tampered' }).execute(), /append-only/);
      await assert.rejects(db.deleteFrom('audit_event').execute(), /append-only/);
      await assert.rejects(sql`UPDATE audit_event SET after_json = NULL`.execute(db), /append-only/);
      if (dialect === 'postgres') await assert.rejects(sql`TRUNCATE audit_event`.execute(db), /append-only/);
      assert.equal(await count(), before);
      assert.equal(
        (await db.selectFrom('audit_event').select('action').where('action', '=', 'tampered').execute()).length,
        0,
      );
    });
  });
}
