/**
 * Evidence files as the plan pages show them: a table (name as a download link, type, size, who
 * added it, when) and the upload form of an action, an update or a measure, with its error and,
 * after a stale upload, the notice that nothing was saved.
 */
import { EVIDENCE_TYPES, type EvidenceView } from '../../../services/index.ts';
import { ukDate } from '../../format.ts';
import type { FormErrors } from '../account/private-pages.ts';
import { escapeHtml } from './plan-forms.ts';
import { planPaths } from './plan-paths.ts';

/** Which upload form an error belongs to: its file input's id. */
export type EvidenceField = 'evidence-action' | 'evidence-measure' | `evidence-update-${number}`;

/** An upload that failed: the error on its form, and whether it was stale (the page then shows what is saved now). */
export interface EvidenceFormState {
  readonly field: EvidenceField;
  readonly errors: FormErrors;
  readonly stale: boolean;
}

export interface EvidenceUploadForm {
  readonly id: EvidenceField;
  readonly action: string;
  readonly version: number;
  readonly label: string;
  readonly button: string;
  readonly stale: boolean;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function evidenceRows(
  planId: number,
  files: readonly EvidenceView[],
): { text?: string; html?: string; format?: string }[][] {
  return files.map((file) => [
    {
      html: `<a class="govuk-link" href="${planPaths.evidence(planId, file.id)}" download>${escapeHtml(file.fileName)}</a>`,
    },
    { text: EVIDENCE_TYPES[file.contentType] ?? file.contentType },
    { text: fileSize(file.size), format: 'numeric' },
    { text: file.createdBy },
    { text: ukDate(file.createdAt) },
  ]);
}

export function evidenceUploadForm(
  form: Omit<EvidenceUploadForm, 'stale'>,
  failed: EvidenceFormState | undefined,
): EvidenceUploadForm {
  return { ...form, stale: failed?.field === form.id && failed.stale };
}
