/**
 * The plan page's "Papers" section: links to the action plan and the progress report in each format
 * (the format in the link text), the submitted versions the progress report may compare with (a
 * GET form on the plan page), and whether PDFs can be made here (they need Chromium).
 */
import type { PlanVersionHead, Services } from '../../../services/index.ts';
import { ukDate } from '../../format.ts';
import { planPaths } from './plan-paths.ts';

export interface PapersLink {
  readonly text: string;
  readonly href: string;
  /** A file (downloaded), not a page. */
  readonly file: boolean;
}

/** The plan page's "Papers" section: the links, the versions the progress report may compare with, and whether PDFs can be made. */
export interface PapersSection {
  readonly actionPlan: readonly PapersLink[];
  readonly progressReport: readonly PapersLink[];
  readonly versions: readonly { value: string; text: string; selected: boolean }[];
  /** The frozen version the progress report compares with (null: none yet). */
  readonly since: number | null;
  /** Set when `since` named no frozen version. */
  readonly sinceError: string | null;
  readonly pdf: { readonly available: boolean; readonly executablePath: string };
}

function versionLabel(head: PlanVersionHead): string {
  return `Version ${head.number}, submitted ${ukDate(head.frozenAt.slice(0, 10))}${head.published ? ' (published)' : ''}`;
}

/**
 * What the plan page shows under "Papers", from the plan's frozen versions (oldest first, as the
 * plan page read them); `sinceAsked` is the plan page's `since` query, if any.
 */
export function papersSection(
  services: Services,
  heads: readonly PlanVersionHead[],
  planId: number,
  sinceAsked: unknown,
): PapersSection {
  const pdf = services.papers.pdfPrinting();
  const latest = heads.at(-1)?.number ?? null;
  const asked = typeof sinceAsked === 'string' && sinceAsked !== '' ? Number(sinceAsked) : null;
  const known = asked !== null && heads.some((head) => head.number === asked);
  const since = known ? asked : latest;
  const sinceError =
    asked !== null && !known ? 'Select a submitted version of the plan from the list to compare with' : null;
  // A version chosen with the form stays in the links; by default they name none (the latest, when the report is made).
  const sinceQuery = known ? asked : undefined;
  const pdfLink = (text: string, href: string): PapersLink[] => (pdf.available ? [{ text, href, file: true }] : []);
  return {
    actionPlan: [
      { text: 'Action plan (Word, .docx)', href: planPaths.actionPlan(planId, 'docx'), file: true },
      { text: 'Action plan (Excel, .xlsx)', href: planPaths.actionPlan(planId, 'xlsx'), file: true },
      { text: 'Action plan (print view, web page)', href: planPaths.actionPlan(planId), file: false },
      ...pdfLink('Action plan (PDF, .pdf)', planPaths.actionPlan(planId, 'pdf')),
    ],
    progressReport: [
      {
        text: 'Progress report (Word, .docx)',
        href: planPaths.progressReport(planId, 'docx', sinceQuery),
        file: true,
      },
      {
        text: 'Progress report (print view, web page)',
        href: planPaths.progressReport(planId, undefined, sinceQuery),
        file: false,
      },
      ...pdfLink('Progress report (PDF, .pdf)', planPaths.progressReport(planId, 'pdf', sinceQuery)),
    ],
    versions: [...heads].reverse().map((head) => ({
      value: String(head.number),
      text: versionLabel(head),
      selected: head.number === since,
    })),
    since,
    sinceError,
    pdf,
  };
}
