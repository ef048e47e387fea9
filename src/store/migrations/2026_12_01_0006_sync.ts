/**
 * `csci sync` and alerts: publications seen on Ofsted's site, the provider-page cache, sync runs,
 * the Ofsted address of each stored inspection, subscriptions and alert deliveries. Dialect-neutral.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../create-db.ts';

export function syncSchema(dialect: DialectName): Migration {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('inspection').addColumn('ofsted_url', 'varchar(500)').execute();

      await db.schema
        .createTable('sync_run')
        .addColumn('id', id, (col) => (dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement()))
        .addColumn('started_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('finished_at', 'varchar(30)')
        .addColumn('status', 'varchar(16)', (col) => col.notNull())
        .addColumn('dry_run', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('councils', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('pages_unchanged', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('requests', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('downloads', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('imported', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('already_held', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('not_ours', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('not_read_yet', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('alerts_sent', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('warnings', 'text', (col) => col.notNull().defaultTo('[]'))
        .addColumn('failures', 'text', (col) => col.notNull().defaultTo('[]'))
        .addColumn('message', 'text')
        .execute();

      await db.schema
        .createTable('sync_publication')
        .addColumn('file_id', 'varchar(20)', (col) => col.primaryKey())
        .addColumn('urn', 'varchar(16)', (col) => col.notNull())
        .addColumn('kind_label', 'varchar(300)', (col) => col.notNull())
        .addColumn('listed_on', 'varchar(10)')
        .addColumn('ofsted_url', 'varchar(500)', (col) => col.notNull())
        .addColumn('status', 'varchar(16)', (col) => col.notNull())
        .addColumn('reason', 'text')
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('inspection_id', 'integer', (col) => col.references('inspection.id').onDelete('set null'))
        .addColumn('file_path', 'varchar(1000)')
        .addColumn('reader_fingerprint', 'varchar(64)')
        .addColumn('sync_run_id', 'integer', (col) => col.references('sync_run.id').onDelete('set null'))
        .addColumn('first_seen_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(30)', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sync_publication_urn_idx').on('sync_publication').column('urn').execute();

      await db.schema
        .createTable('sync_provider_page')
        .addColumn('urn', 'varchar(16)', (col) => col.primaryKey())
        .addColumn('url', 'varchar(500)', (col) => col.notNull())
        .addColumn('etag', 'varchar(300)')
        .addColumn('last_modified', 'varchar(100)')
        .addColumn('publications_hash', 'varchar(64)')
        .addColumn('checked_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('changed_at', 'varchar(30)', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('subscription')
        .addColumn('id', id, (col) => (dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement()))
        .addColumn('email', 'varchar(320)', (col) => col.notNull())
        .addColumn('scope', 'varchar(16)', (col) => col.notNull())
        .addColumn('target', 'varchar(200)', (col) => col.notNull())
        .addColumn('webhook_url', 'varchar(1000)')
        .addColumn('webhook_secret', 'varchar(500)')
        .addColumn('created_at', 'varchar(30)', (col) => col.notNull())
        .addUniqueConstraint('subscription_email_scope_target_uq', ['email', 'scope', 'target'])
        .execute();

      await db.schema
        .createTable('alert_delivery')
        .addColumn('subscription_id', 'integer', (col) =>
          col.notNull().references('subscription.id').onDelete('cascade'),
        )
        .addColumn('file_id', 'varchar(20)', (col) =>
          col.notNull().references('sync_publication.file_id').onDelete('cascade'),
        )
        .addColumn('channel', 'varchar(16)', (col) => col.notNull())
        .addColumn('status', 'varchar(16)', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'varchar(30)')
        .addColumn('updated_at', 'varchar(30)', (col) => col.notNull())
        .addPrimaryKeyConstraint('alert_delivery_pk', ['subscription_id', 'file_id', 'channel'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['alert_delivery', 'subscription', 'sync_provider_page', 'sync_publication', 'sync_run'])
        await db.schema.dropTable(table).execute();
      await db.schema.alterTable('inspection').dropColumn('ofsted_url').execute();
    },
  };
}
