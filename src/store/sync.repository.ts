/** SQL for `csci sync` and alerts: runs, publications seen, the provider-page cache, subscriptions, deliveries, the lock. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type {
  AlertChannel,
  AlertDeliveryRow,
  Database,
  SubscriptionRow,
  SubscriptionScope,
  SyncProviderPageRow,
  SyncProviderPageTable,
  SyncPublicationRow,
  SyncPublicationTable,
  SyncRunRow,
} from './database.ts';

export interface SyncRunTotals {
  readonly status: 'finished' | 'failed' | 'interrupted';
  readonly councils: number;
  readonly pagesUnchanged: number;
  readonly requests: number;
  readonly downloads: number;
  readonly imported: number;
  readonly alreadyHeld: number;
  readonly notOurs: number;
  readonly notReadYet: number;
  readonly failed: number;
  readonly alertsSent: number;
  readonly warnings: readonly unknown[];
  readonly failures: readonly unknown[];
  readonly message: string | null;
}

export async function startSyncRun(db: Kysely<Database>, dryRun: boolean, now: string): Promise<number> {
  const { id } = await db
    .insertInto('sync_run')
    .values({ started_at: now, status: 'running', dry_run: dryRun ? 1 : 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Runs left 'running' by a sync that was killed: called by the sync that holds the lock. */
export async function markInterruptedSyncRuns(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db
    .updateTable('sync_run')
    .set({
      status: 'interrupted',
      finished_at: now,
      message: 'The sync stopped before it finished (killed or crashed).',
    })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function finishSyncRun(
  db: Kysely<Database>,
  id: number,
  totals: SyncRunTotals,
  now: string,
): Promise<void> {
  await db
    .updateTable('sync_run')
    .set({
      finished_at: now,
      status: totals.status,
      councils: totals.councils,
      pages_unchanged: totals.pagesUnchanged,
      requests: totals.requests,
      downloads: totals.downloads,
      imported: totals.imported,
      already_held: totals.alreadyHeld,
      not_ours: totals.notOurs,
      not_read_yet: totals.notReadYet,
      failed: totals.failed,
      alerts_sent: totals.alertsSent,
      warnings: JSON.stringify(totals.warnings),
      failures: JSON.stringify(totals.failures),
      message: totals.message,
    })
    .where('id', '=', id)
    .execute();
}

export async function listSyncRunRows(db: Kysely<Database>, limit: number): Promise<SyncRunRow[]> {
  return db.selectFrom('sync_run').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function findProviderPage(db: Kysely<Database>, urn: string): Promise<SyncProviderPageRow | undefined> {
  return db.selectFrom('sync_provider_page').selectAll().where('urn', '=', urn).executeTakeFirst();
}

export async function saveProviderPage(db: Kysely<Database>, row: SyncProviderPageTable): Promise<void> {
  const { urn: _urn, ...changes } = row;
  await db
    .insertInto('sync_provider_page')
    .values(row)
    .onConflict((conflict) => conflict.column('urn').doUpdateSet(changes))
    .execute();
}

export async function findPublications(
  db: Kysely<Database>,
  fileIds: readonly string[],
): Promise<SyncPublicationRow[]> {
  if (fileIds.length === 0) return [];
  return db.selectFrom('sync_publication').selectAll().where('file_id', 'in', fileIds).execute();
}

export async function listPublicationRows(
  db: Kysely<Database>,
  filter: { readonly status?: SyncPublicationRow['status']; readonly urns?: readonly string[] } = {},
): Promise<SyncPublicationRow[]> {
  let query = db.selectFrom('sync_publication').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.urns)
    query = filter.urns.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('urn', 'in', filter.urns);
  return query.orderBy('file_id').execute();
}

export async function savePublication(db: Kysely<Database>, row: Insertable<SyncPublicationTable>): Promise<void> {
  const { file_id: _id, first_seen_at: _first, ...changes } = row;
  await db
    .insertInto('sync_publication')
    .values(row)
    .onConflict((conflict) => conflict.column('file_id').doUpdateSet(changes))
    .execute();
}

export async function setInspectionOfstedUrl(db: Kysely<Database>, inspectionId: number, url: string): Promise<void> {
  await db.updateTable('inspection').set({ ofsted_url: url }).where('id', '=', inspectionId).execute();
}

export async function insertSubscription(
  db: Kysely<Database>,
  subscription: {
    email: string;
    scope: SubscriptionScope;
    target: string;
    webhookUrl: string | null;
    webhookSecret: string | null;
  },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('subscription')
    .values({
      email: subscription.email,
      scope: subscription.scope,
      target: subscription.target,
      webhook_url: subscription.webhookUrl,
      webhook_secret: subscription.webhookSecret,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listSubscriptionRows(db: Kysely<Database>, email?: string): Promise<SubscriptionRow[]> {
  let query = db.selectFrom('subscription').selectAll();
  if (email !== undefined) query = query.where('email', '=', email);
  return query.orderBy('id').execute();
}

export async function deleteSubscription(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('subscription').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findAlertDelivery(
  db: Kysely<Database>,
  subscriptionId: number,
  fileId: string,
  channel: AlertChannel,
): Promise<AlertDeliveryRow | undefined> {
  return db
    .selectFrom('alert_delivery')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('file_id', '=', fileId)
    .where('channel', '=', channel)
    .executeTakeFirst();
}

export async function listFailedAlertDeliveries(
  db: Kysely<Database>,
  maxAttempts: number,
): Promise<AlertDeliveryRow[]> {
  return db
    .selectFrom('alert_delivery')
    .selectAll()
    .where('status', '=', 'failed')
    .where('attempts', '<', maxAttempts)
    .execute();
}

export async function recordAlertDelivery(
  db: Kysely<Database>,
  delivery: {
    subscriptionId: number;
    fileId: string;
    channel: AlertChannel;
    status: 'sent' | 'failed';
    attempts: number;
    error: string | null;
  },
  now: string,
): Promise<void> {
  const values = {
    subscription_id: delivery.subscriptionId,
    file_id: delivery.fileId,
    channel: delivery.channel,
    status: delivery.status,
    attempts: delivery.attempts,
    last_error: delivery.error,
    sent_at: delivery.status === 'sent' ? now : null,
    updated_at: now,
  };
  await db
    .insertInto('alert_delivery')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['subscription_id', 'file_id', 'channel']).doUpdateSet({
        status: values.status,
        attempts: values.attempts,
        last_error: values.last_error,
        sent_at: values.sent_at,
        updated_at: now,
      }),
    )
    .execute();
}

/**
 * Runs the body holding a PostgreSQL session-level advisory lock on one connection; `acquired` is
 * false (and the body not run) when another session holds it.
 */
export async function withPostgresAdvisoryLock<T>(
  db: Kysely<Database>,
  key: number,
  body: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(connection);
    if (!rows[0]?.locked) return { acquired: false as const };
    try {
      return { acquired: true as const, value: await body() };
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
