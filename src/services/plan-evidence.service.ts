/**
 * Evidence files on an action, an update or a measure: PDF, Word (.docx), Excel (.xlsx), PNG or
 * JPEG, recognised by their content (magic bytes, with `file-type`), never by their name or what
 * the uploader said; no larger than the configured limit (20 MB by default). Each is kept in the
 * data dir under a random name (`evidence/<32 hex>`): the stored name is never derived from
 * anything guessable and never served as a path; files come back only through `getEvidenceFile`,
 * which checks the plan's council scope first and the file's sha256 after reading.
 *
 * Why files and not a database column: a 20 MB value in a row would be loaded with every query that
 * touches the row on SQLite and makes PostgreSQL backups heavy; files are written before the
 * transaction that records them (with its audit row) and removed again when it fails.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../domain/actor.ts';
import { DomainError, NotFoundError, ValidationError } from '../errors.ts';
import {
  findPlanEvidenceRow,
  insertPlanEvidence,
  listMeasureValueRows,
  loadActionRows,
  touchPlanAction,
  updatePlanAction,
  updatePlanMeasure,
  updatePlanUpdate,
  type PlanEvidenceRow,
} from '../store/index.ts';
import { actionFor, evidenceFor, measureFor, requireActor, updateFor } from './plan-access.ts';
import { auditPlanChange, nowIso, staleWrite, today, type PlanContext } from './plan-context.ts';
import { basedOn } from './plan-input.ts';
import { touchPlan } from './plan-records.service.ts';
import { toActionUpdate, toActionView, toEvidenceView, toMeasureView, type EvidenceView } from './plan-views.ts';

/** What evidence may be, by the type its content shows. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

export type EvidenceTarget =
  { readonly actionId: number } | { readonly updateId: number } | { readonly measureId: number };

export interface NewEvidenceInput {
  /** The name it was uploaded under: shown, never used as a path. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The version of the action, update or measure it is attached to. */
  readonly basedOnVersion: number;
}

export interface EvidenceFile {
  readonly evidence: EvidenceView;
  readonly body: Buffer;
}

export interface PlanEvidenceService {
  /** The largest file taken, in bytes. */
  readonly evidenceMaxBytes: number;
  addEvidence(actor: Actor | null, target: EvidenceTarget, input: NewEvidenceInput): Promise<EvidenceView>;
  getEvidenceFile(actor: Actor | null, evidenceId: number): Promise<EvidenceFile>;
}

export interface EvidenceSettings {
  /** Where files are kept: `<data dir>/evidence`. */
  readonly evidenceDir: string;
  readonly evidenceMaxBytes: number;
}

export class EvidenceTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('evidence-too-large', `An evidence file must be ${Math.floor(maxBytes / (1024 * 1024))} MB or smaller.`, 413);
    this.name = 'EvidenceTooLargeError';
  }
}

function cleanFileName(name: unknown): string {
  const clean =
    typeof name === 'string'
      ? basename(name.replace(/\\/g, '/'))
          // eslint-disable-next-line no-control-regex -- control characters are what is removed
          .replace(/[\u0000-\u001f\u007f"]/g, '')
          .trim()
      : '';
  if (clean === '' || clean === '.' || clean === '..')
    throw new ValidationError('Give the evidence file a name.', 'invalid-evidence');
  return clean.slice(0, 255);
}

/** The file's type from its content, or a ValidationError naming what is accepted. */
export async function evidenceType(bytes: Uint8Array): Promise<string> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && EVIDENCE_TYPES[found.mime]) return found.mime;
  throw new ValidationError(
    `This file is ${found ? `a ${found.ext} file` : 'of a kind not recognised'}: evidence must be ${Object.values(EVIDENCE_TYPES).join(', ')}. Save older .doc or .xls files as .docx or .xlsx.`,
    'invalid-evidence',
  );
}

export function createPlanEvidenceService(context: PlanContext, settings: EvidenceSettings): PlanEvidenceService {
  const { db } = context;
  const pathOf = (row: Pick<PlanEvidenceRow, 'storage_key'>): string => join(settings.evidenceDir, row.storage_key);

  return {
    evidenceMaxBytes: settings.evidenceMaxBytes,

    async addEvidence(actor, target, input) {
      const who = requireActor(actor);
      // Scope first (401, 404, 403), before anything is said about the file.
      if ('actionId' in target) await actionFor(db, actor, target.actionId, 'write');
      else if ('updateId' in target) await updateFor(db, actor, target.updateId, 'write');
      else await measureFor(db, actor, target.measureId, 'write');
      const fileName = cleanFileName(input.fileName);
      const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
      if (bytes.byteLength > settings.evidenceMaxBytes) throw new EvidenceTooLargeError(settings.evidenceMaxBytes);
      if (bytes.byteLength === 0) throw new ValidationError('The evidence file is empty.', 'invalid-evidence');
      const contentType = await evidenceType(bytes);
      const version = basedOn(input.basedOnVersion);
      const storageKey = randomBytes(16).toString('hex');
      await mkdir(settings.evidenceDir, { recursive: true, mode: 0o700 });
      const path = join(settings.evidenceDir, storageKey);
      await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
      const at = nowIso(context);
      try {
        return await db.transaction().execute(async (trx) => {
          let ids: { action_id: number | null; update_id: number | null; measure_id: number | null };
          let planId: number;
          if ('actionId' in target) {
            const { row, plan } = await actionFor(trx, actor, target.actionId, 'write');
            if (!(await updatePlanAction(trx, row.id, version, {}, at)))
              throw staleWrite('action', version, toActionView(await loadActionRows(trx, row), today(context)));
            await touchPlan(trx, plan, at);
            ids = { action_id: row.id, update_id: null, measure_id: null };
            planId = plan.id;
          } else if ('updateId' in target) {
            const { row, action, plan } = await updateFor(trx, actor, target.updateId, 'write');
            if (!(await updatePlanUpdate(trx, row.id, version, at)))
              throw staleWrite('update', version, { ...toActionUpdate(row, []), version: row.version });
            await touchPlanAction(trx, action.id, at);
            await touchPlan(trx, plan, at);
            ids = { action_id: null, update_id: row.id, measure_id: null };
            planId = plan.id;
          } else {
            const { row, action, plan } = await measureFor(trx, actor, target.measureId, 'write');
            if (!(await updatePlanMeasure(trx, row.id, version, {}, at)))
              throw staleWrite(
                'measure',
                version,
                toMeasureView(row, await listMeasureValueRows(trx, [row.id]), [], today(context)),
              );
            await touchPlanAction(trx, action.id, at);
            await touchPlan(trx, plan, at);
            ids = { action_id: null, update_id: null, measure_id: row.id };
            planId = plan.id;
          }
          const id = await insertPlanEvidence(trx, {
            plan_id: planId,
            ...ids,
            file_name: fileName,
            content_type: contentType,
            size: bytes.byteLength,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            storage_key: storageKey,
            created_by: who.email,
            created_at: at,
          });
          const view = toEvidenceView((await findPlanEvidenceRow(trx, id)) as PlanEvidenceRow);
          await auditPlanChange(trx, who, at, {
            action: 'evidence.add',
            recordType: 'evidence',
            recordId: id,
            before: null,
            after: view,
          });
          return view;
        });
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
    },

    async getEvidenceFile(actor, evidenceId) {
      const { row } = await evidenceFor(db, actor, evidenceId, 'read');
      const body = await readFile(pathOf(row)).catch(() => undefined);
      if (body === undefined || createHash('sha256').update(body).digest('hex') !== row.sha256) {
        throw new NotFoundError(
          `The file of evidence ${evidenceId} is missing or damaged in the data dir: restore it from a backup.`,
          'unknown-evidence',
        );
      }
      return { evidence: toEvidenceView(row), body };
    },
  };
}
