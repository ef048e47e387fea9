/**
 * A plan's life: coverage (the gaps first), submission (refused with the gaps while any remain;
 * else the whole content is frozen as an immutable numbered version, with who and when), the
 * versions and their comparison, sign-off of a frozen version (who signed what, when), publication
 * and closing.
 *
 * Public read: publishing a plan makes its latest frozen version readable by anyone
 * (`getPublishedVersion`, no sign-in). The working copy stays private: later edits reopen it as a
 * draft, and the public keep seeing the version that was published until another is.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { ConflictError, CoverageGapsError, NotFoundError, ValidationError } from '../errors.ts';
import {
  comparePlanContents,
  describeGaps,
  movePlan,
  planCoverage,
  type CoverageReport,
  type PlanChanges,
  type PlanContent,
} from '../plans/index.ts';
import {
  bumpPlan,
  findPlanRow,
  findPlanVersionRow,
  insertPlanSignOff,
  insertPlanVersion,
  listPlanSignOffRows,
  listPlanVersionHeads,
  loadPlanHeadRows,
  loadPlanRows,
  nextPlanVersionNumber,
  type Database,
  type PlanRow,
  type PlanSignOffRow,
} from '../store/index.ts';
import { planFor, requireActor } from './plan-access.ts';
import { auditPlanChange, nowIso, staleWrite, type PlanContext } from './plan-context.ts';
import { basedOn, MAX_SHORT, optionalText, requiredText } from './plan-input.ts';
import { toPlanContent, toPlanView, toVersionHead, type PlanVersionHead, type PlanView } from './plan-views.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanCoverageView extends CoverageReport {
  /** The gaps in words, one line each, as the plan page lists them first. */
  readonly lines: readonly string[];
}

export interface SignOffView {
  readonly id: number;
  readonly planId: number;
  readonly versionNumber: number;
  readonly signedBy: { readonly email: string; readonly name: string };
  readonly capacity: string;
  readonly note: string;
  readonly signedAt: string;
}

export type { PlanVersionHead };

export interface PlanVersionView extends PlanVersionHead {
  readonly content: PlanContent;
  readonly signOffs: readonly SignOffView[];
}

export interface PlanTransitionInput {
  /** The plan's version this step is based on. */
  readonly basedOnVersion: number;
}

export interface SignOffInput {
  /** The frozen version signed: what was signed is named by its number. */
  readonly versionNumber: number;
  /** In what capacity, e.g. "Director of Children's Services", "Lead Member for Children". */
  readonly capacity: string;
  readonly note?: string;
}

export interface PlanLifecycleService {
  coverage(actor: Actor | null, planId: number): Promise<PlanCoverageView>;
  /** Freezes the plan as a new version (200 in the API), or CoverageGapsError (409) with the gaps. */
  submit(actor: Actor | null, planId: number, input: PlanTransitionInput): Promise<PlanVersionView>;
  listVersions(actor: Actor | null, planId: number): Promise<PlanVersionHead[]>;
  getVersion(actor: Actor | null, planId: number, number: number): Promise<PlanVersionView>;
  /** What changed from one version to another; `'working'` is the working copy. */
  compareVersions(
    actor: Actor | null,
    planId: number,
    from: number | 'working',
    to: number | 'working',
  ): Promise<PlanChanges>;
  signOff(actor: Actor | null, planId: number, input: SignOffInput): Promise<SignOffView>;
  listSignOffs(actor: Actor | null, planId: number): Promise<SignOffView[]>;
  /** Publishes the latest frozen version (the plan must be submitted): from then on anyone may read it. */
  publish(actor: Actor | null, planId: number, input: PlanTransitionInput): Promise<PlanView>;
  close(actor: Actor | null, planId: number, input: PlanTransitionInput): Promise<PlanView>;
  /** The published version of a plan, for anyone (no actor needed); 404 while it is not published. */
  getPublishedVersion(actor: Actor | null, planId: number): Promise<PlanVersionView>;
}

function toSignOffView(row: PlanSignOffRow): SignOffView {
  return {
    id: row.id,
    planId: row.plan_id,
    versionNumber: row.version_number,
    signedBy: { email: row.signed_by_email, name: row.signed_by_name },
    capacity: row.capacity,
    note: row.note,
    signedAt: row.signed_at,
  };
}

function coverageOf(content: PlanContent): PlanCoverageView {
  const report = planCoverage(content.items, content.actions, content.measures);
  return { ...report, lines: describeGaps(report.gaps) };
}

export function createPlanLifecycleService(context: PlanContext): PlanLifecycleService {
  const { db } = context;
  const contentOf = async (trx: Db, plan: PlanRow): Promise<PlanContent> =>
    toPlanContent(await loadPlanRows(trx, plan));
  const versionView = async (trx: Db, plan: PlanRow, number: number): Promise<PlanVersionView> => {
    const row = Number.isSafeInteger(number) ? await findPlanVersionRow(trx, plan.id, number) : undefined;
    if (!row) throw new NotFoundError(`Plan ${plan.id} has no version ${number}.`, 'unknown-plan-version');
    const signOffs = (await listPlanSignOffRows(trx, plan.id))
      .filter((signOff) => signOff.version_number === number)
      .map(toSignOffView);
    return { ...toVersionHead(row, plan), content: JSON.parse(row.content_json) as PlanContent, signOffs };
  };
  /** A step in the plan's status, on the plan's version, with its audit row. */
  const transition = async (
    actor: Actor | null,
    planId: number,
    to: 'published' | 'closed',
    input: PlanTransitionInput,
  ): Promise<PlanView> => {
    const who = requireActor(actor);
    await planFor(db, actor, planId, 'write');
    const version = basedOn(input.basedOnVersion);
    const at = nowIso(context);
    return db.transaction().execute(async (trx) => {
      const plan = await planFor(trx, actor, planId, 'write');
      const status = movePlan(plan.status, to);
      const published = to === 'published' ? (await nextPlanVersionNumber(trx, plan.id)) - 1 : plan.published_version;
      if (to === 'published' && (published ?? 0) < 1)
        throw new ValidationError('Submit the plan before publishing it.', 'not-submitted');
      if (!(await bumpPlan(trx, plan.id, version, { status, published_version: published }, at)))
        throw staleWrite('plan', version, toPlanView(await loadPlanHeadRows(trx, plan)));
      const after = (await findPlanRow(trx, plan.id)) as PlanRow;
      await auditPlanChange(trx, who, at, {
        action: to === 'published' ? 'plan.publish' : 'plan.close',
        recordType: 'plan',
        recordId: plan.id,
        before: { status: plan.status, publishedVersion: plan.published_version, version: plan.version },
        after: { status: after.status, publishedVersion: after.published_version, version: after.version },
      });
      return toPlanView(await loadPlanHeadRows(trx, after));
    });
  };

  return {
    async coverage(actor, planId) {
      return coverageOf(await contentOf(db, await planFor(db, actor, planId, 'read')));
    },

    async submit(actor, planId, input) {
      const who = requireActor(actor);
      await planFor(db, actor, planId, 'write');
      const version = basedOn(input.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const plan = await planFor(trx, actor, planId, 'write');
        const status = movePlan(plan.status, 'submitted');
        if (plan.version !== version) throw staleWrite('plan', version, toPlanView(await loadPlanHeadRows(trx, plan)));
        const coverage = coverageOf(await contentOf(trx, plan));
        if (!coverage.complete) {
          throw new CoverageGapsError(
            `The plan cannot be submitted while it has gaps (${coverage.lines.length}): ${coverage.lines.join(' ')}`,
            coverage.gaps,
            coverage.lines,
          );
        }
        if (!(await bumpPlan(trx, plan.id, version, { status }, at)))
          throw staleWrite('plan', version, toPlanView(await loadPlanHeadRows(trx, plan)));
        const submitted = (await findPlanRow(trx, plan.id)) as PlanRow;
        const content = await contentOf(trx, submitted);
        const number = await nextPlanVersionNumber(trx, plan.id);
        await insertPlanVersion(trx, {
          plan_id: plan.id,
          number,
          content_json: JSON.stringify(content),
          frozen_by_user_id: who.userId === 0 ? null : who.userId,
          frozen_by_email: who.email,
          frozen_at: at,
        });
        await auditPlanChange(trx, who, at, {
          action: 'plan.submit',
          recordType: 'plan-version',
          recordId: `${plan.id}/${number}`,
          before: { status: plan.status, version: plan.version },
          after: {
            status: submitted.status,
            version: submitted.version,
            frozenVersion: number,
            coverage: coverage.coverage,
          },
        });
        return versionView(trx, submitted, number);
      });
    },

    async listVersions(actor, planId) {
      const plan = await planFor(db, actor, planId, 'read');
      return (await listPlanVersionHeads(db, plan.id)).map((row) => toVersionHead(row, plan));
    },

    async getVersion(actor, planId, number) {
      return versionView(db, await planFor(db, actor, planId, 'read'), number);
    },

    async compareVersions(actor, planId, from, to) {
      const plan = await planFor(db, actor, planId, 'read');
      const contentAt = async (which: number | 'working'): Promise<PlanContent> =>
        which === 'working' ? contentOf(db, plan) : (await versionView(db, plan, which)).content;
      return comparePlanContents(await contentAt(from), await contentAt(to));
    },

    async signOff(actor, planId, input) {
      const who = requireActor(actor);
      await planFor(db, actor, planId, 'write');
      const capacity = requiredText(input.capacity, 'the capacity you sign in', MAX_SHORT);
      const note = optionalText(input.note, 'the note');
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const plan = await planFor(trx, actor, planId, 'write');
        await versionView(trx, plan, input.versionNumber);
        // What is signed is what the signer saw: a version submitted since then must be read first.
        const latest = (await nextPlanVersionNumber(trx, plan.id)) - 1;
        if (input.versionNumber !== latest)
          throw new ConflictError(
            `Version ${input.versionNumber} is no longer the plan's latest: version ${latest} was submitted since. Read version ${latest}, then sign it off.`,
            'not-latest-version',
          );
        const id = await insertPlanSignOff(trx, {
          plan_id: plan.id,
          version_number: input.versionNumber,
          signed_by_user_id: who.userId === 0 ? null : who.userId,
          signed_by_email: who.email,
          signed_by_name: who.name,
          capacity,
          note,
          signed_at: at,
        });
        const row = (await listPlanSignOffRows(trx, plan.id)).find((signOff) => signOff.id === id) as PlanSignOffRow;
        await auditPlanChange(trx, who, at, {
          action: 'plan.sign-off',
          recordType: 'sign-off',
          recordId: id,
          before: null,
          after: toSignOffView(row),
        });
        return toSignOffView(row);
      });
    },

    async listSignOffs(actor, planId) {
      const plan = await planFor(db, actor, planId, 'read');
      return (await listPlanSignOffRows(db, plan.id)).map(toSignOffView);
    },

    publish: (actor, planId, input) => transition(actor, planId, 'published', input),
    close: (actor, planId, input) => transition(actor, planId, 'closed', input),

    async getPublishedVersion(_actor, planId) {
      const plan = Number.isSafeInteger(planId) ? await findPlanRow(db, planId) : undefined;
      if (!plan || plan.published_version === null)
        throw new NotFoundError(`There is no published plan ${planId}.`, 'unknown-plan');
      return versionView(db, plan, plan.published_version);
    },
  };
}
