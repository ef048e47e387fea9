/**
 * Importing an existing action plan from Excel (issue 11), without JavaScript: upload the workbook
 * (multipart, one file, size-limited), map its columns to fields when the headings differ, see every
 * row that could not be read and why, and import only on confirmation (in one transaction). The
 * mapping step is a GET form (it changes nothing); the upload and the confirmation are POSTs with
 * the CSRF token and the plan's version.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/actor.ts';
import { StaleWriteError } from '../../../errors.ts';
import type { Services } from '../../../services/index.ts';
import {
  IMPORT_FIELD_HEADINGS,
  IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  type PlanImportPreview,
} from '../../../services/plan-import.service.ts';
import type { ImportField } from '../../../services/plan-vocabulary.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import {
  formErrors,
  NO_ERRORS,
  registerPrivatePages,
  requireActor,
  type FormErrors,
} from '../account/private-pages.ts';
import { planPaths } from './plan-paths.ts';
import { domainFormErrors, requireWrite, text, versionOf, type FormBody } from './plan-forms.ts';
import { parseId, planHeader } from './plans.controller.ts';

interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

type Choices = Record<string, ImportField | ''>;

/** `colN=field` from the mapping form, as heading → field for the service. */
function choicesFrom(query: FormBody, preview: PlanImportPreview): Choices {
  const choices: Choices = {};
  for (const heading of preview.headings) {
    const chosen = text(query, `col${heading.column}`);
    if (chosen === '' && query[`col${heading.column}`] === undefined) continue;
    if (chosen === '' || (IMPORT_FIELDS as readonly string[]).includes(chosen))
      choices[heading.heading] = chosen as ImportField | '';
  }
  return choices;
}

export async function registerImportPages(app: FastifyInstance, services: Services): Promise<void> {
  const { plans, planImports } = services;

  async function uploadPage(
    reply: FastifyReply,
    actor: Actor,
    planId: number,
    errors: FormErrors = NO_ERRORS,
    status = 200,
  ) {
    const plan = await plans.getPlan(actor, planId);
    requireWrite(actor, plan.council);
    const header = await planHeader(services, plan);
    return reply.code(status).view('pages/plans/import-upload.njk', {
      actor,
      plan: header,
      errors,
      maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024,
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  async function mappingPage(
    reply: FastifyReply,
    actor: Actor,
    planId: number,
    token: string,
    query: FormBody,
    errors: FormErrors = NO_ERRORS,
    status = 200,
  ) {
    const plan = await plans.getPlan(actor, planId);
    const header = await planHeader(services, plan);
    const sheet = text(query, 'sheet') || undefined;
    const first = await planImports.preview(actor, planId, token, {}, sheet);
    const choices = choicesFrom(query, first);
    const preview =
      Object.keys(choices).length > 0 ? await planImports.preview(actor, planId, token, choices, sheet) : first;
    const fieldItems = (chosen: ImportField | '') => [
      { value: '', text: 'Leave this column out', selected: chosen === '' },
      ...IMPORT_FIELDS.map((field) => ({
        value: field,
        text: IMPORT_FIELD_HEADINGS[field].label + (IMPORT_FIELD_HEADINGS[field].required ? ' (needed)' : ''),
        selected: chosen === field,
      })),
    ];
    const missingErrors = preview.missing.map((field): [string, string] => [
      'mapping',
      `Choose the column that holds the ${IMPORT_FIELD_HEADINGS[field].label.toLowerCase()}`,
    ]);
    return reply.code(status).view('pages/plans/import-mapping.njk', {
      actor,
      plan: header,
      token,
      preview,
      sheetItems: preview.sheets.map((name) => ({ value: name, text: name, selected: name === preview.sheet })),
      columns: preview.headings.map((heading) => ({
        id: `col${heading.column}`,
        heading: heading.heading,
        items: fieldItems(heading.field),
      })),
      problems: preview.rows?.problems ?? [],
      actions: (preview.rows?.actions ?? []).map((action) => ({
        rows: action.rows.join(', '),
        title: action.title,
        owner: `${action.owner.name} (${action.owner.kind})`,
        dueDate: action.dueDate,
        status: action.status,
        measures: action.measures.map((measure) => measure.what),
      })),
      errors: errors.summary.length > 0 ? errors : missingErrors.length > 0 ? formErrors(missingErrors) : NO_ERRORS,
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  await registerPrivatePages(app, async (scope) => {
    // Multipart only here: one workbook, nothing else large.
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20, fieldSize: 10_000, parts: 22, headerPairs: 100 },
      throwFileSizeLimit: true,
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: UploadedFile }).value = { name: part.filename, bytes };
      },
    });

    scope.get<{ Params: { id: string } }>('/plans/:id/import', async (request, reply) =>
      uploadPage(reply, requireActor(request), parseId(request.params.id, 'plan')),
    );

    scope.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/plans/:id/import',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const file = request.body?.workbook as UploadedFile | undefined;
        if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.bytes) || file.bytes.length === 0)
          return uploadPage(
            reply,
            actor,
            planId,
            formErrors([['workbook', 'Choose the Excel workbook (.xlsx) of the plan']]),
            400,
          );
        try {
          const token = await planImports.stage(actor, planId, file);
          return reply.redirect(`${planPaths.importMapping(planId)}?upload=${token}`, 303);
        } catch (error) {
          return uploadPage(reply, actor, planId, domainFormErrors(error, 'workbook'), 400);
        }
      },
    );

    scope.get<{ Params: { id: string }; Querystring: FormBody }>(
      '/plans/:id/import/mapping',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        return mappingPage(reply, actor, planId, text(request.query, 'upload'), request.query);
      },
    );

    scope.post<{ Params: { id: string }; Body: FormBody }>('/plans/:id/import/confirm', async (request, reply) => {
      const actor = requireActor(request);
      const planId = parseId(request.params.id, 'plan');
      const body = request.body ?? {};
      const token = text(body, 'upload');
      const sheet = text(body, 'sheet') || undefined;
      const first = await planImports.preview(actor, planId, token, {}, sheet);
      try {
        const outcome = await planImports.confirm(
          actor,
          planId,
          token,
          choicesFrom(body, first),
          versionOf(body),
          sheet,
        );
        return reply.redirect(`${planPaths.plan(planId)}?imported=${outcome.actions}`, 303);
      } catch (error) {
        const status = error instanceof StaleWriteError ? 409 : 400;
        return mappingPage(reply, actor, planId, token, body, domainFormErrors(error, 'mapping'), status);
      }
    });
  });
}
