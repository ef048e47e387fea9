/**
 * Subscriptions and alerts: people subscribe by email to a council, its statistical neighbours or a
 * region; each new report or letter imported by `csci sync` is sent to them once per channel, by
 * email (nodemailer over CSCI_SMTP_URL) and, when the subscription has one, a webhook (JSON signed
 * with HMAC-SHA256, retried with backoff). Every delivery is recorded.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { request } from 'undici';
import { GRADE_WORDING, JUDGEMENT_AREA_SHORT, type Grade, type JudgementArea } from '../domain/index.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  deleteSubscription,
  findAlertDelivery,
  insertSubscription,
  listSubscriptionRows,
  recordAlertDelivery,
  SUBSCRIPTION_SCOPES,
  type AlertChannel,
  type Database,
  type SubscriptionRow,
  type SubscriptionScope,
} from '../store/index.ts';
import type { CouncilService } from './council.service.ts';
import type { CouncilView } from './views.ts';

export const WEBHOOK_SIGNATURE_HEADER = 'x-csci-signature';

export interface Subscription {
  readonly id: number;
  readonly email: string;
  readonly scope: SubscriptionScope;
  /** A URN ('council', 'neighbours') or a region's name. */
  readonly target: string;
  readonly webhookUrl: string | null;
  readonly hasWebhookSecret: boolean;
  readonly createdAt: string;
}

/** A new publication as an alert tells it. */
export interface PublishedItem {
  readonly fileId: string;
  readonly urn: string;
  readonly councilName: string;
  readonly kindLabel: string;
  readonly listedOn: string | null;
  readonly ofstedUrl: string;
  readonly inspectionId: number | null;
  /** Area → grade, in the report's order; empty for letters. */
  readonly judgements: Partial<Record<JudgementArea, Grade>>;
}

export interface AlertOutcome {
  readonly subscriptionId: number;
  readonly fileId: string;
  readonly channel: AlertChannel;
  readonly status: 'sent' | 'failed' | 'already-sent' | 'no-smtp';
  readonly error?: string;
}

export interface AlertService {
  subscribe(input: {
    email: string;
    scope: SubscriptionScope;
    target: string;
    webhookUrl?: string;
    webhookSecret?: string;
  }): Promise<Subscription>;
  list(email?: string): Promise<Subscription[]>;
  unsubscribe(id: number): Promise<void>;
  /** The subscriptions a publication about this council concerns. */
  subscriptionsFor(urn: string): Promise<Subscription[]>;
  /** Sends each item to every subscription it concerns, once per channel; records each delivery. */
  notify(items: readonly PublishedItem[]): Promise<AlertOutcome[]>;
}

export interface AlertDependencies {
  readonly db: Kysely<Database>;
  readonly councils: CouncilService;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** This site's public address, for links to the inspection page. */
  readonly publicUrl: string | undefined;
  readonly now?: () => string;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Webhook attempts, the first included. */
  readonly webhookAttempts?: number;
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: Number(row.id),
    email: row.email,
    scope: row.scope,
    target: row.target,
    webhookUrl: row.webhook_url,
    hasWebhookSecret: row.webhook_secret !== null,
    createdAt: row.created_at,
  };
}

/** Whether a subscription concerns a publication about this council. */
export function concerns(
  subscription: Pick<Subscription, 'scope' | 'target'>,
  council: CouncilView,
  register: readonly CouncilView[],
): boolean {
  if (subscription.scope === 'council') return subscription.target === council.urn;
  if (subscription.scope === 'region')
    return council.regionName !== null && council.regionName.toLowerCase() === subscription.target.toLowerCase();
  if (subscription.target === council.urn) return true;
  const subject = register.find((authority) => authority.urn === subscription.target);
  return subject !== undefined && council.laCode !== null && subject.statisticalNeighbours.includes(council.laCode);
}

/** The alert's words: what was published, its grades and links. Pure. */
export function alertMessage(
  item: PublishedItem,
  publicUrl: string | undefined,
): { subject: string; text: string; json: Record<string, unknown> } {
  const date = item.listedOn ?? 'a recent date';
  const grades = (Object.entries(item.judgements) as [JudgementArea, Grade][]).map(([area, grade]) => ({
    area,
    label: JUDGEMENT_AREA_SHORT[area],
    grade,
    gradeLabel: GRADE_WORDING[grade],
  }));
  const inspectionUrl =
    item.inspectionId !== null && publicUrl ? `${publicUrl}/inspections/${item.inspectionId}` : null;
  const councilUrl = publicUrl ? `${publicUrl}/councils/${item.urn}` : null;
  const lines = [
    `Ofsted published: ${item.kindLabel}, for ${item.councilName} on ${date}.`,
    '',
    ...(grades.length > 0
      ? ['Grades:', ...grades.map((grade) => `  ${grade.label}: ${grade.gradeLabel}`), '']
      : ['It is a letter: no grades are given.', '']),
    `The report on Ofsted's site: ${item.ofstedUrl}`,
    ...(inspectionUrl ? [`This inspection: ${inspectionUrl}`] : []),
    ...(councilUrl ? [`The council's history and comparisons: ${councilUrl}`] : []),
    '',
    'You get this because you subscribed to alerts from csc-inspections.',
  ];
  return {
    subject: `${item.councilName}: ${item.kindLabel} published ${date}`,
    text: lines.join('\n') + '\n',
    json: {
      event: 'publication',
      fileId: item.fileId,
      urn: item.urn,
      council: item.councilName,
      kind: item.kindLabel,
      published: item.listedOn,
      ofstedUrl: item.ofstedUrl,
      inspectionUrl,
      councilUrl,
      grades,
    },
  };
}

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createAlertService(dependencies: AlertDependencies): AlertService {
  const { db, councils } = dependencies;
  const now = dependencies.now ?? (() => new Date().toISOString());
  const sleep = dependencies.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const webhookAttempts = dependencies.webhookAttempts ?? 4;
  const transport = dependencies.smtpUrl ? nodemailer.createTransport(dependencies.smtpUrl) : undefined;

  const postWebhook = async (
    url: string,
    secret: string | null,
    body: string,
  ): Promise<{ ok: true; attempts: number } | { ok: false; attempts: number; error: string }> => {
    let error = '';
    for (let attempt = 1; attempt <= webhookAttempts; attempt += 1) {
      if (attempt > 1) await sleep(1000 * 2 ** (attempt - 1));
      try {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'user-agent': 'csc-inspections alerts',
        };
        if (secret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhookBody(body, secret);
        const response = await request(url, {
          method: 'POST',
          headers,
          body,
          headersTimeout: 15_000,
          bodyTimeout: 15_000,
        });
        await response.body.dump();
        if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, attempts: attempt };
        error = `HTTP ${response.statusCode}`;
        if (response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 429)
          return { ok: false, attempts: attempt, error };
      } catch (failure) {
        error = (failure as Error).message;
      }
    }
    return { ok: false, attempts: webhookAttempts, error };
  };

  const deliver = async (
    subscription: SubscriptionRow,
    item: PublishedItem,
    channel: AlertChannel,
  ): Promise<AlertOutcome> => {
    const base = { subscriptionId: Number(subscription.id), fileId: item.fileId, channel };
    const previous = await findAlertDelivery(db, base.subscriptionId, item.fileId, channel);
    if (previous?.status === 'sent') return { ...base, status: 'already-sent' };
    const message = alertMessage(item, dependencies.publicUrl);
    const attemptsBefore = previous?.attempts ?? 0;
    let result: { ok: true; attempts: number } | { ok: false; attempts: number; error: string };
    if (channel === 'email') {
      if (!transport)
        return { ...base, status: 'no-smtp', error: 'CSCI_SMTP_URL is not set, so no email can be sent.' };
      try {
        await transport.sendMail({
          from: dependencies.mailFrom,
          to: subscription.email,
          subject: message.subject,
          text: message.text,
        });
        result = { ok: true, attempts: 1 };
      } catch (error) {
        result = { ok: false, attempts: 1, error: (error as Error).message };
      }
    } else {
      result = await postWebhook(subscription.webhook_url!, subscription.webhook_secret, JSON.stringify(message.json));
    }
    await recordAlertDelivery(
      db,
      {
        ...base,
        status: result.ok ? 'sent' : 'failed',
        attempts: attemptsBefore + result.attempts,
        error: result.ok ? null : result.error,
      },
      now(),
    );
    return result.ok ? { ...base, status: 'sent' } : { ...base, status: 'failed', error: result.error };
  };

  return {
    async subscribe(input) {
      const email = input.email.trim().toLowerCase();
      if (!EMAIL.test(email)) throw new ValidationError(`"${input.email}" is not an email address.`, 'bad-email');
      if (!SUBSCRIPTION_SCOPES.includes(input.scope))
        throw new ValidationError(`A subscription is to a council, its neighbours or a region, not "${input.scope}".`);
      let target = input.target.trim();
      if (input.scope === 'region') {
        const regions = [
          ...new Set(
            (await councils.list())
              .map((authority) => authority.regionName)
              .filter((name): name is string => name !== null),
          ),
        ];
        const region = regions.find((name) => name.toLowerCase() === target.toLowerCase());
        if (!region)
          throw new ValidationError(
            `No region is called "${target}". Regions: ${regions.sort().join(', ')}.`,
            'unknown-region',
          );
        target = region;
      } else {
        target = (await councils.resolve(target)).urn;
      }
      if (input.webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(input.webhookUrl))
        throw new ValidationError('A webhook must be an http:// or https:// URL.', 'bad-webhook');
      if (input.webhookSecret !== undefined && input.webhookUrl === undefined)
        throw new ValidationError('A webhook secret needs a webhook URL.', 'bad-webhook');
      const existing = (await listSubscriptionRows(db, email)).find(
        (row) => row.scope === input.scope && row.target === target,
      );
      if (existing)
        throw new ValidationError(
          `${email} is already subscribed to that (subscription ${existing.id}).`,
          'already-subscribed',
        );
      const id = await insertSubscription(
        db,
        {
          email,
          scope: input.scope,
          target,
          webhookUrl: input.webhookUrl ?? null,
          webhookSecret: input.webhookSecret ?? null,
        },
        now(),
      );
      return toSubscription((await listSubscriptionRows(db, email)).find((row) => Number(row.id) === id)!);
    },
    async list(email) {
      return (await listSubscriptionRows(db, email?.trim().toLowerCase())).map(toSubscription);
    },
    async unsubscribe(id) {
      if (!(await deleteSubscription(db, id)))
        throw new NotFoundError(`There is no subscription ${id}.`, 'unknown-subscription');
    },
    async subscriptionsFor(urn) {
      const register = await councils.list({ includeInactive: true });
      const council = register.find((authority) => authority.urn === urn);
      if (!council) return [];
      return (await listSubscriptionRows(db))
        .map(toSubscription)
        .filter((subscription) => concerns(subscription, council, register));
    },
    async notify(items) {
      if (items.length === 0) return [];
      const register = await councils.list({ includeInactive: true });
      const subscriptions = await listSubscriptionRows(db);
      const outcomes: AlertOutcome[] = [];
      for (const item of items) {
        const council = register.find((authority) => authority.urn === item.urn);
        if (!council) continue;
        for (const subscription of subscriptions.filter((row) => concerns(toSubscription(row), council, register))) {
          outcomes.push(await deliver(subscription, item, 'email'));
          if (subscription.webhook_url) outcomes.push(await deliver(subscription, item, 'webhook'));
        }
      }
      return outcomes;
    },
  };
}
