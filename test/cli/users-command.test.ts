/** `csci users` and `csci tokens` as an operator runs them, on a SQLite store in a temporary --data-dir. */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { createServices } from '../../src/services/index.ts';
import { SQLITE_FILE } from '../../src/store/index.ts';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/label-fixtures.ts';

async function csci(argv: string[], stdinText?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (chunk: string) => ((stderr += chunk), true) } as unknown as NodeJS.WritableStream,
    ...(stdinText !== undefined ? { stdin: Readable.from([stdinText]) } : {}),
  });
  return { code, stdout, stderr };
}

test('users add, list, set-role, remove; tokens create and revoke; every step audited as the command line', async () => {
  const dataDir = makeTempDir('csci-cli-users-');
  const dir = ['--data-dir', dataDir];
  const empty = await csci(['users', 'list', ...dir]);
  assert.match(empty.stdout, /No users yet/);

  const first = await csci(['users', 'add', 'Admin@Council.gov.uk', '--role', 'admin', '--name', 'Ada', ...dir]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /Added admin@council\.gov\.uk \(Ada\) as admin\./);
  assert.match(
    first.stdout,
    /One-time link to set a password \(valid until \S+, shown once\):\nhttp:\/\/localhost:\d+\/set-password\/[A-Za-z0-9_-]{43}\n/,
  );

  const weak = await csci(
    ['users', 'add', 'e@council.gov.uk', '--role', 'editor', '--password-stdin', ...dir],
    'password123\n',
  );
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /12 characters or more/);
  const editor = await csci(
    [
      'users',
      'add',
      'e@council.gov.uk',
      '--role',
      'editor',
      '--council',
      '80486',
      '--council',
      '80487',
      '--password-stdin',
      ...dir,
    ],
    'violet kettle harbour\n',
  );
  assert.equal(editor.code, 0, editor.stderr);
  assert.doesNotMatch(editor.stdout, /set-password/);

  const listed = JSON.parse((await csci(['users', 'list', '--json', ...dir])).stdout);
  assert.deepEqual(listed, [
    { email: 'admin@council.gov.uk', name: 'Ada', role: 'admin', councils: [], hasPassword: false },
    { email: 'e@council.gov.uk', name: 'e', role: 'editor', councils: ['80486', '80487'], hasPassword: true },
  ]);
  assert.match((await csci(['users', 'set-role', 'e@council.gov.uk', 'viewer', ...dir])).stdout, /is now viewer/);
  assert.equal((await csci(['users', 'set-role', 'e@council.gov.uk', 'owner', ...dir])).code, 1);
  assert.equal((await csci(['users', 'add', 'x@council.gov.uk', ...dir])).code, 2, 'no --role is a usage error');

  const created = await csci(['tokens', 'create', 'e@council.gov.uk', '--label', 'sync', ...dir]);
  assert.equal(created.code, 0, created.stderr);
  const [, id, secret] = /^Token (\d+) .*\n(csci_\S+)\n$/.exec(created.stdout) ?? [];
  assert.ok(id && secret, created.stdout);
  assert.match((await csci(['tokens', 'revoke', id, ...dir])).stdout, /revoked; it stops working at once/);
  assert.equal((await csci(['tokens', 'revoke', '999', ...dir])).code, 1);
  assert.equal((await csci(['users', 'remove', 'admin@council.gov.uk', ...dir])).code, 1, 'the last admin stays');
  assert.match((await csci(['users', 'remove', 'e@council.gov.uk', ...dir])).stdout, /Removed e@council\.gov\.uk/);

  const services = await createServices(
    { databaseUrl: undefined, dataDir },
    { location: { sqlite: join(dataDir, SQLITE_FILE) } },
  );
  try {
    const admin = { userId: 1, email: 'admin@council.gov.uk', name: 'Ada', role: 'admin' as const, councils: [] };
    const trail = await services.accounts.audit.list(admin);
    assert.deepEqual(trail.map((event) => event.action).reverse(), [
      'user.add',
      'password-link.create',
      'user.add',
      'user.set-role',
      'token.create',
      'token.revoke',
      'user.remove',
    ]);
    assert.ok(trail.every((event) => event.actorEmail === 'command-line' && event.actorUserId === null));
    assert.equal(await services.accounts.authentication.tokenActor(secret), null);
  } finally {
    await services.close();
  }
});
