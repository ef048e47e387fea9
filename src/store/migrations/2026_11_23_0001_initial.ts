/** The first schema: the register, inspections with their facts, and import runs. Dialect-neutral. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../create-db.ts';

export function initialSchema(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('local_authority')
        .addColumn('urn', 'varchar(16)', (col) => col.primaryKey())
        .addColumn('la_code', 'varchar(8)')
        .addColumn('gss_code', 'varchar(16)')
        .addColumn('name', 'varchar(200)', (col) => col.notNull())
        .addColumn('also_known_as', 'varchar(500)', (col) => col.notNull().defaultTo(''))
        .addColumn('region_code', 'varchar(16)')
        .addColumn('region_name', 'varchar(100)')
        .addColumn('la_type', 'varchar(50)')
        .addColumn('established_on', 'varchar(10)')
        .addColumn('abolished_on', 'varchar(10)')
        .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
        .execute();

      await db.schema
        .createTable('statistical_neighbour')
        .addColumn('urn', 'varchar(16)', (col) => col.notNull().references('local_authority.urn').onDelete('cascade'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('neighbour_la_code', 'varchar(8)', (col) => col.notNull())
        .addPrimaryKeyConstraint('statistical_neighbour_pk', ['urn', 'position'])
        .execute();

      await db.schema
        .createTable('import_run')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (col) =>
          dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
        )
        .addColumn('source', 'varchar(1000)', (col) => col.notNull())
        .addColumn('started_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('finished_at', 'varchar(30)')
        .addColumn('status', 'varchar(16)', (col) => col.notNull())
        .addColumn('files', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('imported', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('already_present', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('failures', 'text', (col) => col.notNull().defaultTo('[]'))
        .execute();

      await db.schema
        .createTable('inspection')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (col) =>
          dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
        )
        .addColumn('urn', 'varchar(16)', (col) => col.notNull().references('local_authority.urn'))
        .addColumn('content_hash', 'varchar(64)', (col) => col.notNull().unique())
        .addColumn('facts_hash', 'varchar(64)', (col) => col.notNull())
        .addColumn('file_path', 'varchar(1000)', (col) => col.notNull())
        .addColumn('framework', 'varchar(8)', (col) => col.notNull())
        .addColumn('version', 'varchar(16)', (col) => col.notNull())
        .addColumn('kind', 'varchar(32)', (col) => col.notNull())
        .addColumn('local_authority_as_printed', 'varchar(200)', (col) => col.notNull())
        .addColumn('inspection_start', 'varchar(10)', (col) => col.notNull())
        .addColumn('inspection_end', 'varchar(10)', (col) => col.notNull())
        .addColumn('published', 'varchar(10)', (col) => col.notNull())
        .addColumn('published_source', 'varchar(16)', (col) => col.notNull())
        .addColumn('lead_inspector', 'varchar(200)')
        .addColumn('import_run_id', 'integer', (col) => col.references('import_run.id').onDelete('set null'))
        .addColumn('imported_at', 'varchar(30)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(30)', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('inspection_urn_published_idx')
        .on('inspection')
        .columns(['urn', 'published'])
        .execute();

      await db.schema
        .createTable('judgement')
        .addColumn('inspection_id', 'integer', (col) => col.notNull().references('inspection.id').onDelete('cascade'))
        .addColumn('area', 'varchar(32)', (col) => col.notNull())
        .addColumn('grade', 'varchar(32)', (col) => col.notNull())
        .addPrimaryKeyConstraint('judgement_pk', ['inspection_id', 'area'])
        .execute();

      await db.schema
        .createTable('recommendation')
        .addColumn('inspection_id', 'integer', (col) => col.notNull().references('inspection.id').onDelete('cascade'))
        .addColumn('list', 'varchar(8)', (col) => col.notNull())
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('text', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('recommendation_pk', ['inspection_id', 'list', 'position'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'recommendation',
        'judgement',
        'inspection',
        'import_run',
        'statistical_neighbour',
        'local_authority',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
