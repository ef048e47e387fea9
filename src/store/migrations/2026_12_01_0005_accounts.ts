/**
 * Accounts: users and their councils, store-backed sessions (ids kept hashed), API tokens (hashed,
 * revocable), one-time set-password links (hashed, 24 hours), sign-in throttling, and the
 * append-only audit trail, whose UPDATE and DELETE a trigger refuses on SQLite and on PostgreSQL.
 * Times are ISO-8601 UTC strings, as elsewhere in the store.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../create-db.ts';

const APPEND_ONLY_MESSAGE = 'audit_event is append-only: rows cannot be changed or deleted';

export function accountsSchema(dialect: DialectName): Migration {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's column builder callback type
  const primaryId = (col: any) => (dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('app_user')
        .addColumn('id', serial, primaryId)
        .addColumn('email', 'varchar(254)', (col) => col.notNull().unique())
        .addColumn('name', 'varchar(200)', (col) => col.notNull())
        .addColumn('role', 'varchar(16)', (col) => col.notNull().check(sql`role in ('admin', 'editor', 'viewer')`))
        .addColumn('password_hash', 'varchar(200)')
        .addColumn('created_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(30)', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('user_council')
        .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('urn', 'varchar(16)', (col) => col.notNull().references('local_authority.urn'))
        .addPrimaryKeyConstraint('user_council_pk', ['user_id', 'urn'])
        .execute();
      await db.schema.createIndex('user_council_urn_idx').on('user_council').column('urn').execute();

      await db.schema
        .createTable('user_session')
        .addColumn('id_hash', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('method', 'varchar(16)', (col) => col.notNull())
        .addColumn('created_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('last_seen_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('expires_at', 'varchar(30)', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

      await db.schema
        .createTable('api_token')
        .addColumn('id', serial, primaryId)
        .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('label', 'varchar(100)', (col) => col.notNull())
        .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
        .addColumn('created_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('last_used_at', 'varchar(30)')
        .addColumn('revoked_at', 'varchar(30)')
        .execute();

      await db.schema
        .createTable('password_link')
        .addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('expires_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('used_at', 'varchar(30)')
        .execute();

      await db.schema
        .createTable('login_throttle')
        .addColumn('email_hash', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('failures', 'integer', (col) => col.notNull())
        .addColumn('window_started_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('locked_until', 'varchar(30)')
        .execute();

      await db.schema
        .createTable('audit_event')
        .addColumn('id', serial, primaryId)
        .addColumn('at', 'varchar(30)', (col) => col.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_email', 'varchar(254)')
        .addColumn('action', 'varchar(64)', (col) => col.notNull())
        .addColumn('record_type', 'varchar(32)', (col) => col.notNull())
        .addColumn('record_id', 'varchar(64)')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .execute();
      await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();

      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, ${sql.lit(APPEND_ONLY_MESSAGE)}); END`.execute(
          db,
        );
        await sql`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, ${sql.lit(APPEND_ONLY_MESSAGE)}); END`.execute(
          db,
        );
      } else {
        await sql`CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${sql.lit(APPEND_ONLY_MESSAGE)}; END $$`.execute(
          db,
        );
        await sql`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`.execute(
          db,
        );
        await sql`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`.execute(
          db,
        );
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'audit_event',
        'login_throttle',
        'password_link',
        'api_token',
        'user_session',
        'user_council',
        'app_user',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS audit_event_refuse_change()`.execute(db);
    },
  };
}
