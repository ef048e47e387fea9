/**
 * Evidence files from the plan pages (issue 11), without JavaScript: a multipart upload form on an
 * action, on each of its progress updates and on a measure, each naming the version of the record
 * it is based on; and the download of a file. The plans service does the work (scope, the type by
 * content, the size limit, the version, the audit row); these routes shape the GOV.UK answers.
 *
 * CSRF: multipart bodies are not parsed by formbody, so this scope parses them itself
 * (`attachFieldsToBody: 'keyValues'`, in preValidation) and the app's CSRF check, which runs in
 * preHandler, reads `_csrf` from the parsed fields before any handler acts. The file is held in
 * memory, at most one byte over the limit (a larger one is cut there and refused by the service).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/actor.ts';
import { EvidenceTooLargeError, type EvidenceTarget, type Services } from '../../../services/index.ts';
import { DomainError, NotFoundError, StaleWriteError } from '../../../errors.ts';
import { formErrors, registerPrivatePages, requireActor, type FormErrors } from '../account/private-pages.ts';
import { actionOfPlan, actionPage } from './action-page.ts';
import type { EvidenceField, EvidenceFormState } from './evidence-view.ts';
import { measureOfPlan, measurePage } from './measure-page.ts';
import { planPaths } from './plan-paths.ts';
import { domainFormErrors, requireWrite, submitPlanForm, type FormBody } from './plan-forms.ts';
import { parseId } from './plans.controller.ts';

interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

type UploadBody = Record<string, unknown>;

const WRONG_TYPE = 'The selected file must be a PDF, Word, Excel, PNG or JPEG';

/** The file part of the form, or undefined when none was chosen (a browser then sends an empty part with no file name). */
function chosenFile(body: UploadBody): UploadedFile | undefined {
  const file = body.file as UploadedFile | undefined;
  if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.bytes)) return undefined;
  if (typeof file.name !== 'string' || file.name.trim() === '') return undefined;
  return file;
}

/** The service's refusals in the words GOV.UK uses for a file upload. */
function uploadRefusal(maxBytes: number, file: () => UploadedFile | undefined) {
  return (error: unknown, field: string): FormErrors => {
    if (error instanceof EvidenceTooLargeError)
      return formErrors([[field, `The selected file must be smaller than ${Math.floor(maxBytes / (1024 * 1024))} MB`]]);
    if (error instanceof DomainError && error.code === 'invalid-evidence')
      return formErrors([[field, (file()?.bytes.length ?? 0) === 0 ? 'The selected file is empty' : WRONG_TYPE]]);
    if (error instanceof StaleWriteError)
      return formErrors([
        [
          field,
          'Someone else saved a change to this while you were choosing the file. Check what is saved now, then upload the file again.',
        ],
      ]);
    return domainFormErrors(error, field);
  };
}

/** "Minutes of the board.pdf" as a Content-Disposition: an ASCII name for old clients and the UTF-8 one. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9 ._()-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function registerEvidencePages(app: FastifyInstance, services: Services): Promise<void> {
  const { plans } = services;
  const maxBytes = plans.evidenceMaxBytes;

  /** Upload one file to the target; on a refusal show `page` again with the error on `field`. */
  function upload(
    reply: FastifyReply,
    actor: Actor,
    body: UploadBody,
    target: EvidenceTarget,
    field: EvidenceField,
    next: string,
    page: (state: { status?: number; evidence: EvidenceFormState }) => Promise<unknown>,
  ) {
    const file = chosenFile(body);
    return submitPlanForm(reply, body as FormBody, {
      read: () => ({
        values: {},
        errors: file ? [] : [[field, 'Select a file to upload']],
        input: file as UploadedFile,
      }),
      save: async (input, basedOnVersion) => {
        await plans.addEvidence(actor, target, { fileName: input.name, bytes: input.bytes, basedOnVersion });
        return `${next}#evidence`;
      },
      show: (state) =>
        page({
          status: state.status,
          evidence: { field, errors: state.errors ?? formErrors([]), stale: state.status === 409 },
        }),
      errorField: field,
      whenStale: async () => ({}),
      refusal: uploadRefusal(maxBytes, () => file),
    });
  }

  await registerPrivatePages(app, async (scope) => {
    // Multipart only here: one file and a few short fields.
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 1_000, parts: 6, headerPairs: 100 },
      throwFileSizeLimit: false,
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: UploadedFile }).value = { name: part.filename, bytes };
      },
    });

    scope.post<{ Params: { id: string; actionId: string }; Body: UploadBody }>(
      '/plans/:id/actions/:actionId/evidence',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        requireWrite(actor, plan.council);
        return upload(
          reply,
          actor,
          request.body ?? {},
          { actionId: action.id },
          'evidence-action',
          planPaths.action(plan.id, action.id),
          (state) => actionPage(services, reply, actor, plan.id, action.id, state),
        );
      },
    );

    scope.post<{ Params: { id: string; actionId: string; updateId: string }; Body: UploadBody }>(
      '/plans/:id/actions/:actionId/updates/:updateId/evidence',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        const updateId = parseId(request.params.updateId, 'update');
        if (!action.updates.some((update) => update.id === updateId))
          throw new NotFoundError('There is no such update of this action.');
        requireWrite(actor, plan.council);
        return upload(
          reply,
          actor,
          request.body ?? {},
          { updateId },
          `evidence-update-${updateId}`,
          planPaths.action(plan.id, action.id),
          (state) => actionPage(services, reply, actor, plan.id, action.id, state),
        );
      },
    );

    scope.post<{ Params: { id: string; measureId: string }; Body: UploadBody }>(
      '/plans/:id/measures/:measureId/evidence',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, measure } = await measureOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.measureId, 'measure'),
        );
        requireWrite(actor, plan.council);
        return upload(
          reply,
          actor,
          request.body ?? {},
          { measureId: measure.id },
          'evidence-measure',
          planPaths.measure(plan.id, measure.id),
          (state) => measurePage(services, reply, actor, plan.id, measure.id, state),
        );
      },
    );

    scope.get<{ Params: { id: string; evidenceId: string } }>(
      '/plans/:id/evidence/:evidenceId',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const { evidence, body } = await plans.getEvidenceFile(
          actor,
          parseId(request.params.evidenceId, 'evidence file'),
        );
        if (evidence.planId !== planId) throw new NotFoundError('There is no such evidence file in this plan.');
        return reply
          .type(evidence.contentType)
          .header('content-disposition', attachmentDisposition(evidence.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(body);
      },
    );
  });
}
