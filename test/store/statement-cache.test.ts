import assert from 'node:assert/strict';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { withStatementCache } from '../../src/store/index.ts';

function openMemory(): SqliteDatabase.Database {
  const database = new SqliteDatabase(':memory:');
  database.exec('create table note (id integer primary key, text text not null)');
  database.exec("insert into note (text) values ('one'), ('two'), ('three')");
  return database;
}

test('the same SQL is given the statement already prepared, other SQL its own', () => {
  const cached = withStatementCache(openMemory());
  const first = cached.prepare('select text from note where id = ?');
  assert.equal(cached.prepare('select text from note where id = ?'), first);
  assert.notEqual(cached.prepare('select id from note where text = ?'), first);
  assert.deepEqual(first.all([2]), [{ text: 'two' }]);
  assert.deepEqual(cached.prepare('select text from note where id = ?').all([3]), [{ text: 'three' }]);
});

test('a statement still being iterated is not handed out again: a fresh one is prepared beside it', () => {
  const cached = withStatementCache(openMemory());
  const source = 'select text from note order by id';
  const iterating = cached.prepare(source).iterate([]);
  assert.deepEqual(iterating.next().value, { text: 'one' });
  const beside = cached.prepare(source);
  assert.deepEqual(beside.all([]), [{ text: 'one' }, { text: 'two' }, { text: 'three' }]);
  assert.deepEqual(
    [...iterating].map((row) => (row as { text: string }).text),
    ['two', 'three'],
  );
});

test('beyond its size the least recently used statement is let go and prepared again when asked for', () => {
  const cached = withStatementCache(openMemory(), 2);
  const a = cached.prepare('select 1 as n');
  const b = cached.prepare('select 2 as n');
  assert.equal(cached.prepare('select 1 as n'), a); // a is now the most recently used
  cached.prepare('select 3 as n'); // b goes
  assert.equal(cached.prepare('select 1 as n'), a);
  assert.notEqual(cached.prepare('select 2 as n'), b);
});

test('Kysely over the cached database reads, writes and sees a schema change', async () => {
  const db = new Kysely<{ note: { id: Generated<number>; text: string } }>({
    dialect: new SqliteDialect({ database: withStatementCache(openMemory()) }),
  });
  const count = () =>
    db
      .selectFrom('note')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  assert.equal((await count()).n, 3);
  await db.insertInto('note').values({ text: 'four' }).execute();
  await db.insertInto('note').values({ text: 'five' }).execute();
  assert.equal((await count()).n, 5);
  const one = () => db.selectFrom('note').selectAll().where('id', '=', 1).execute();
  assert.deepEqual(await one(), [{ id: 1, text: 'one' }]);
  await sql`alter table note add column extra text`.execute(db);
  assert.deepEqual(await one(), [{ id: 1, text: 'one', extra: null }]);
  await db.destroy();
});
