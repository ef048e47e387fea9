/**
 * The papers: the data of a post-inspection committee report, composed from the register, the
 * stored inspections, the analytics (national, regional and neighbour figures at the publication
 * date) and the framework rules (deadlines, what comes next). Public data only. The writers in
 * src/documents turn it into Word; the web's print view into HTML and PDF.
 */
import {
  isCouncilInspectionKind,
  nationalDistribution,
  neighbourPosition,
  regionPosition,
  statisticalNeighboursOf,
  councilExistedOn,
  type GroupPosition,
} from '../analytics/index.ts';
import { formatUkDate, isIsoDate, yearOf } from '../calendar/index.ts';
import { measureTrendChart } from '../charts/index.ts';
import {
  actionPlanContent,
  committeeReportContent,
  progressReportContent,
  writeActionPlanXlsx,
  writePaperDocx,
  writePaperHtml,
  type ActionPlanData,
  type CommitteeReportData,
  type GroupPlace,
  type JudgementLine,
  type MeasureChartImage,
  type NextItem,
  type PaperContent,
  type PlanPaperSubject,
  type PlanVersionRef,
  type ProgressReportData,
} from '../documents/index.ts';
import type { Actor } from '../domain/actor.ts';
import type { PlanContent } from '../plans/index.ts';
import { svgToPng } from './chart-images.ts';
import type { PlanVersionHead } from './plan-lifecycle.service.ts';
import type { PlansService } from './plans.service.ts';
import {
  AREA_WORDING,
  INSPECTION_KIND_LABELS,
  JUDGEMENT_AREA_SHORT,
  JUDGEMENT_AREAS,
  type IsoDate,
  type JudgementArea,
} from '../domain/index.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { councilOutlook, deadlinesAfterPublication, type CouncilOutlook } from '../rules/index.ts';
import type { InspectionService } from './inspection.service.ts';
import type { CouncilService } from './council.service.ts';
import { DEFAULT_CHROMIUM, pdfPrinterAvailable, PdfPrinterUnavailableError, printHtmlToPdf } from './pdf-printer.ts';
import { toCouncilFacts, type InspectionDetailView, type InspectionView } from './views.ts';

export const OFSTED_REPORTS_ADDRESS = 'https://reports.ofsted.gov.uk/';
export const OGL_ADDRESS = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export interface CommitteeReportRequest {
  /** The inspection's id; with `council`, also its publication date (YYYY-MM-DD). */
  readonly inspection: string | number;
  /** A URN, LA code or name: the inspection must be this council's. */
  readonly council?: string;
  /** Ofsted's address for the report, in place of the one `csci sync` stored (reports imported from a folder have none). */
  readonly sourceAddress?: string;
  /** The date of the paper; today by default. */
  readonly preparedOn?: IsoDate;
}

export const PAPER_FORMATS = ['docx', 'html', 'pdf'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

export const PAPER_CONTENT_TYPES: Readonly<Record<PaperFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface RenderedPaper {
  readonly format: PaperFormat;
  readonly contentType: string;
  readonly body: Buffer;
  /** A file name for downloads: "Derby-committee-report-2017-06-13.docx". */
  readonly fileName: string;
  readonly data: CommitteeReportData;
}

export interface PrintViewOptions {
  readonly styleNonce?: string;
  readonly iconHref?: string;
  readonly downloads?: readonly { readonly text: string; readonly href: string }[];
}

export const PLAN_PAPER_FORMATS = ['docx', 'xlsx', 'html', 'pdf'] as const;
export type PlanPaperFormat = (typeof PLAN_PAPER_FORMATS)[number];
export const PROGRESS_REPORT_FORMATS = ['docx', 'html', 'pdf'] as const;
export type ProgressReportFormat = (typeof PROGRESS_REPORT_FORMATS)[number];

export const PLAN_PAPER_CONTENT_TYPES: Readonly<Record<PlanPaperFormat, string>> = {
  ...PAPER_CONTENT_TYPES,
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ActionPlanRequest {
  readonly planId: number;
  /** A frozen version to write; the working copy by default. */
  readonly version?: number;
  /** The date of the paper and of its RAG ratings; today by default. */
  readonly preparedOn?: IsoDate;
}

export interface ProgressReportRequest {
  readonly planId: number;
  /** The frozen version of the last report, to say what changed since; by default the latest frozen version, or none. */
  readonly since?: number;
  readonly preparedOn?: IsoDate;
}

/** A plan paper as a file. */
export interface RenderedPlanPaper {
  readonly format: PlanPaperFormat;
  readonly contentType: string;
  readonly body: Buffer;
  /** "Wexham-action-plan-2026-06-01.xlsx". */
  readonly fileName: string;
  readonly subject: PlanPaperSubject;
}

export interface PapersService {
  /** The action plan's data: the plan (working copy or a frozen version) with its council and inspection. Private: the actor must be able to read the plan's council (404 otherwise, 401 without one). */
  actionPlan(actor: Actor | null, request: ActionPlanRequest): Promise<ActionPlanData>;
  /** The action plan as Word, Excel, the print view or a PDF. */
  actionPlanFile(actor: Actor | null, request: ActionPlanRequest, format: PlanPaperFormat): Promise<RenderedPlanPaper>;
  /** The progress report's data: the working copy against a frozen version, with a chart of each measure. Private, as plans are. */
  progressReport(actor: Actor | null, request: ProgressReportRequest): Promise<ProgressReportData>;
  /** The progress report as Word, the print view or a PDF. */
  progressReportFile(
    actor: Actor | null,
    request: ProgressReportRequest,
    format: ProgressReportFormat,
  ): Promise<RenderedPlanPaper>;
  /** The action plan's print view for the web app (its style sheet inlined under the page's nonce). */
  actionPlanPrintView(actor: Actor | null, request: ActionPlanRequest, options: PrintViewOptions): Promise<string>;
  /** The progress report's print view for the web app, its charts inline. */
  progressReportPrintView(
    actor: Actor | null,
    request: ProgressReportRequest,
    options: PrintViewOptions,
  ): Promise<string>;
  /** The committee report's data; NotFoundError for an unknown inspection or one of another council. */
  committeeReport(request: CommitteeReportRequest): Promise<CommitteeReportData>;
  /** The committee report as a file: Word, the standalone HTML view, or a PDF printed by Chromium (PdfPrinterUnavailableError without it). */
  committeeReportFile(request: CommitteeReportRequest, format: PaperFormat): Promise<RenderedPaper>;
  /** The committee report's print view for the web app (its style sheet inlined under the page's nonce). */
  committeeReportPrintView(request: CommitteeReportRequest, options: PrintViewOptions): Promise<string>;
  /** Whether a PDF can be printed here; callers say so before any work when it cannot. */
  pdfPrinting(): { readonly available: boolean; readonly executablePath: string };
}

export function paperFileName(data: CommitteeReportData, format: PaperFormat): string {
  return `${data.council.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-committee-report-${data.inspection.published}.${format}`;
}

export interface PapersDependencies {
  readonly inspections: InspectionService;
  readonly councils: CouncilService;
  /** Every read of a plan goes through it: its scope check (401, 404 for another council's plan) applies. */
  readonly plans: PlansService;
  /** The Chromium that prints PDFs; Debian's by default. */
  readonly chromiumPath?: string;
  readonly today?: () => IsoDate;
}

function reportTitle(inspection: InspectionDetailView): string {
  if (inspection.kind === 'lscb-review')
    return `Review of the Local Safeguarding Children Board: ${inspection.councilAsPrinted}`;
  if (inspection.framework === 'SIF') {
    const withLscb =
      inspection.judgements.lscb !== undefined ? ' and review of the Local Safeguarding Children Board' : '';
    return `${inspection.kind === 'sif-reinspection' ? 'Re-inspection' : 'Inspection'} of services for children in need of help and protection, children looked after and care leavers${withLscb}: ${inspection.councilAsPrinted}`;
  }
  return `Inspection of ${inspection.councilAsPrinted} local authority children's services`;
}

function place(position: GroupPosition, members: number): GroupPlace | null {
  if (position.grade === null || position.sameOrBetter === null || position.rank === null) return null;
  return {
    area: position.area,
    grade: position.grade,
    included: position.included,
    members,
    counts: position.counts,
    sameOrBetter: position.sameOrBetter,
    rank: position.rank,
  };
}

const date = (iso: IsoDate) => formatUkDate(iso);

/** What comes next, in words, each part with its nature (rule or estimate) and source. */
export function nextItems(outlook: CouncilOutlook): NextItem[] {
  const { next, visits } = outlook;
  const items: NextItem[] = [
    {
      heading: `The next graded inspection: ${INSPECTION_KIND_LABELS[next.kind]}`,
      nature: next.evidence.nature,
      lines: [
        next.reason,
        `Under the framework's three-year cycle it falls between ${date(next.nominalWindow.from)} and ${date(next.nominalWindow.to)}, around the third anniversary of the start of this inspection (${date(next.nominalWindow.anniversary)}).`,
      ],
      source: next.evidence.source,
    },
  ];
  const empirical = outlook.empiricalWindowGivenWait ?? next.empiricalWindow;
  if (empirical) {
    items.push({
      heading: 'When it is likely, from the gaps between inspections so far',
      nature: 'estimate',
      lines: [
        `${Math.round(empirical.percentiles.upper - empirical.percentiles.lower)}% of the gaps observed by ${date(outlook.asAt)} would put it between ${date(empirical.from)} and ${empirical.to ? date(empirical.to) : 'a date the data cannot yet bound'}${empirical.median ? `, most likely around ${date(empirical.median)}` : ''}.`,
        `From ${empirical.completedGaps} completed gaps${empirical.stillWaiting ? ` and ${empirical.stillWaiting} councils still waiting` : ''}${empirical.group === 'all' ? ', every pathway pooled' : ''}.`,
      ],
      source: empirical.evidence.source,
    });
  }
  items.push({
    heading: `The framework expected then: ${outlook.nextFramework.version}`,
    nature: outlook.nextFramework.evidence.nature,
    lines: [
      `It would grade ${outlook.nextFramework.areas.map((area) => JUDGEMENT_AREA_SHORT[area].toLowerCase()).join(', ')}.`,
    ],
    source: outlook.nextFramework.evidence.source,
  });
  items.push({
    heading: 'Visits to expect before it',
    nature: visits.evidence.nature,
    lines: [
      visits.summary,
      ...(visits.monitoringVisits ? [visits.monitoringVisits] : []),
      ...(visits.firstMonitoringVisitBy
        ? [`The first monitoring visit is expected by about ${date(visits.firstMonitoringVisitBy)}.`]
        : []),
    ],
    source: visits.evidence.source,
  });
  return items;
}

const fileStem = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A plan paper as a file: "Wexham-action-plan-2026-06-01.xlsx". */
function planPaperFile(
  subject: PlanPaperSubject,
  preparedOn: IsoDate,
  paper: 'action-plan' | 'progress-report',
  format: PlanPaperFormat,
  body: Buffer,
): RenderedPlanPaper {
  return {
    format,
    contentType: PLAN_PAPER_CONTENT_TYPES[format],
    body,
    fileName: `${fileStem(subject.council.name)}-${paper}-${preparedOn}.${format}`,
    subject,
  };
}

/** The charts of a plan's measures (the shared chart code, rasterised), for those with a value by the date. */
export async function measureCharts(content: PlanContent, asAt: IsoDate): Promise<MeasureChartImage[]> {
  const charts: MeasureChartImage[] = [];
  for (const measure of content.measures) {
    const svg = measureTrendChart(measure, content.values, asAt);
    if (svg !== null) charts.push({ measureId: measure.id, ...(await svgToPng(svg)) });
  }
  return charts;
}

export function createPapersService({
  inspections,
  councils,
  plans,
  chromiumPath = DEFAULT_CHROMIUM,
  today = () => new Date().toISOString().slice(0, 10),
}: PapersDependencies): PapersService {
  /** Said before any work: a PDF needs Chromium. */
  const requirePrinter = (format: PlanPaperFormat | PaperFormat) => {
    if (format === 'pdf' && !pdfPrinterAvailable(chromiumPath)) throw new PdfPrinterUnavailableError(chromiumPath);
  };
  const printPdf = (content: PaperContent) =>
    printHtmlToPdf(writePaperHtml(content), { header: content.header, executablePath: chromiumPath });

  const paperDate = (date: IsoDate | undefined): IsoDate => {
    const chosen = date ?? today();
    if (!isIsoDate(chosen))
      throw new ValidationError(`The date of the paper must be YYYY-MM-DD, not "${chosen}".`, 'invalid-date');
    return chosen;
  };

  const subjectOf = async (content: PlanContent): Promise<PlanPaperSubject> => {
    const inspection = await inspections.get(content.plan.inspectionId);
    return {
      council: { urn: inspection.urn, name: inspection.councilName },
      inspection: { id: inspection.id, published: inspection.published, title: reportTitle(inspection) },
    };
  };

  /** A frozen version's content and reference, read through the plans service (its scope check first); `heads` are the plan's versions, already read for the actor. */
  const frozenVersion = async (
    actor: Actor | null,
    planId: number,
    number: number,
    heads: readonly PlanVersionHead[],
  ): Promise<{ content: PlanContent; version: PlanVersionRef }> => {
    if (!Number.isSafeInteger(number) || number < 1)
      throw new ValidationError(`A plan version is a whole number from 1, not "${number}".`, 'invalid-input');
    if (!heads.some((head) => head.number === number))
      throw new NotFoundError(
        heads.length === 0
          ? `Plan ${planId} has no frozen version yet (one is kept each time it is submitted).`
          : `Plan ${planId} has no version ${number}; its versions are ${heads.map((head) => head.number).join(', ')}.`,
        'not-found',
      );
    const frozen = await plans.getVersion(actor, planId, number);
    return {
      content: frozen.content,
      version: { number: frozen.number, date: frozen.frozenAt.slice(0, 10), working: false },
    };
  };

  /** The working copy, with the number of the last frozen version before it. */
  const workingCopy = async (
    actor: Actor | null,
    planId: number,
    preparedOn: IsoDate,
    heads: readonly PlanVersionHead[],
  ): Promise<{ content: PlanContent; version: PlanVersionRef }> => {
    const content = await plans.getPlanContent(actor, planId);
    return { content, version: { number: heads.at(-1)?.number ?? 0, date: preparedOn, working: true } };
  };

  const render = async (content: PaperContent, format: Exclude<PlanPaperFormat, 'xlsx'>): Promise<Buffer> => {
    if (format === 'docx') return writePaperDocx(content);
    if (format === 'html') return Buffer.from(writePaperHtml(content), 'utf8');
    return printPdf(content);
  };

  const actionPlanData = async (
    actor: Actor | null,
    request: ActionPlanRequest,
    heads: readonly PlanVersionHead[],
  ): Promise<ActionPlanData> => {
    const preparedOn = paperDate(request.preparedOn);
    const { content, version } =
      request.version === undefined
        ? await workingCopy(actor, request.planId, preparedOn, heads)
        : await frozenVersion(actor, request.planId, request.version, heads);
    return { subject: await subjectOf(content), plan: content, version, preparedOn };
  };

  const progressReportData = async (
    actor: Actor | null,
    request: ProgressReportRequest,
    heads: readonly PlanVersionHead[],
  ): Promise<ProgressReportData> => {
    const preparedOn = paperDate(request.preparedOn);
    const current = await workingCopy(actor, request.planId, preparedOn, heads);
    const latest = current.version.number;
    const sinceNumber = request.since ?? (latest > 0 ? latest : null);
    const since = sinceNumber === null ? null : await frozenVersion(actor, request.planId, sinceNumber, heads);
    const changes =
      sinceNumber === null ? null : await plans.compareVersions(actor, request.planId, sinceNumber, 'working');
    return {
      subject: await subjectOf(current.content),
      current: current.content,
      currentVersion: current.version,
      since: since === null || changes === null ? null : { plan: since.content, version: since.version, changes },
      preparedOn,
      charts: await measureCharts(current.content, preparedOn),
    };
  };

  /** The inspection the request names, checked against the council when one is given. */
  const findInspection = async (request: CommitteeReportRequest): Promise<InspectionDetailView> => {
    const reference = String(request.inspection).trim();
    if (request.council === undefined) {
      if (!/^\d+$/.test(reference))
        throw new ValidationError(
          `"${reference}" is not an inspection id (a whole number); give --council too to name an inspection by its publication date.`,
          'invalid-inspection',
        );
      return inspections.get(Number(reference));
    }
    const council = await councils.resolve(request.council);
    if (/^\d+$/.test(reference)) {
      const found = await inspections.get(Number(reference));
      if (found.urn !== council.urn)
        throw new NotFoundError(
          `Inspection ${reference} is not one of ${council.name}'s (it is ${found.councilName}'s).`,
          'unknown-inspection',
        );
      return found;
    }
    if (!isIsoDate(reference))
      throw new ValidationError(
        `"${reference}" is neither an inspection id nor a publication date (YYYY-MM-DD).`,
        'invalid-inspection',
      );
    const history = await inspections.historyOf(council.urn);
    const matches = history.entries
      .map((entry) => entry.inspection)
      .filter((inspection) => inspection.published === reference);
    const chosen = matches.find((inspection) => isCouncilInspectionKind(inspection.kind)) ?? matches[0];
    if (!chosen)
      throw new NotFoundError(`${council.name} has no inspection published on ${reference}.`, 'unknown-inspection');
    return inspections.get(chosen.id);
  };

  const service: PapersService = {
    async committeeReport(request) {
      const preparedOn = request.preparedOn ?? today();
      if (!isIsoDate(preparedOn))
        throw new ValidationError(`The date of the paper must be YYYY-MM-DD, not "${preparedOn}".`);
      const inspection = await findInspection(request);
      const [authorities, all, history] = await Promise.all([
        councils.list({ includeInactive: true }),
        inspections.listAll(),
        inspections.historyOf(inspection.urn),
      ]);
      const authority =
        authorities.find((candidate) => candidate.urn === inspection.urn) ?? (await councils.resolve(inspection.urn));
      const councilFacts = authorities.map(toCouncilFacts);
      const council = toCouncilFacts(authority);
      const asAt = inspection.published;
      const framework = inspection.framework;

      const entry = history.entries.find((candidate) => candidate.inspection.id === inspection.id);
      const byId = new Map(history.entries.map((candidate) => [candidate.inspection.id, candidate.inspection]));
      const judgedAreas = JUDGEMENT_AREAS.filter((area) => inspection.judgements[area] !== undefined);
      const judgements: JudgementLine[] = judgedAreas.map((area) => {
        const change = entry?.changes[area];
        const before = change ? byId.get(change.sinceInspectionId) : undefined;
        return {
          area,
          wording: AREA_WORDING[inspection.version][area] ?? JUDGEMENT_AREA_SHORT[area],
          grade: inspection.judgements[area] as NonNullable<(typeof inspection.judgements)[JudgementArea]>,
          previous:
            change && before
              ? { grade: change.from, year: yearOf(before.inspectionStart), published: before.published }
              : null,
        };
      });

      const query = (area: JudgementArea) => ({ asAt, area, framework });
      const existing = councilFacts.filter((candidate) => councilExistedOn(candidate, asAt));
      const regionMembers =
        council.regionName === null ? [] : existing.filter((candidate) => candidate.regionName === council.regionName);
      const neighbours = statisticalNeighboursOf(council, councilFacts).filter((candidate) =>
        councilExistedOn(candidate, asAt),
      );
      const regionPlaces = judgedAreas.flatMap(
        (area) =>
          place(regionPosition(council, councilFacts, all, query(area)), Math.max(regionMembers.length, 1)) ?? [],
      );
      const neighbourPlaces = judgedAreas.flatMap(
        (area) => place(neighbourPosition(council, councilFacts, all, query(area)), neighbours.length + 1) ?? [],
      );

      const isCycle = isCouncilInspectionKind(inspection.kind);
      let next: NextItem[] = [];
      if (isCycle) {
        try {
          next = nextItems(
            councilOutlook(
              inspection.urn,
              asAt,
              Map.groupBy(all, (candidate: InspectionView) => candidate.urn),
            ),
          );
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
        }
      }

      return {
        council: { urn: authority.urn, name: authority.name, regionName: authority.regionName },
        preparedOn,
        inspection: {
          id: inspection.id,
          framework,
          version: inspection.version,
          kind: inspection.kind,
          inspectionStart: inspection.inspectionStart,
          inspectionEnd: inspection.inspectionEnd,
          published: inspection.published,
          leadInspector: inspection.leadInspector,
        },
        judgements,
        recommendations: inspection.recommendations,
        lscbRecommendations: inspection.lscbRecommendations,
        deadlines: isCycle
          ? deadlinesAfterPublication(inspection.published).map((deadline) => ({
              name: deadline.name,
              due: deadline.due,
              workingDays: deadline.workingDays,
              from: deadline.from,
              anchor: deadline.anchor,
              citation: deadline.legalBasis.citation,
              instrument: deadline.legalBasis.instrument,
              requirement: deadline.legalBasis.requirement,
              url: deadline.legalBasis.url,
              note: deadline.note,
            }))
          : [],
        comparison: {
          asAt,
          framework,
          councilsExisting: existing.length,
          national: judgedAreas.map((area) => {
            const distribution = nationalDistribution(councilFacts, all, query(area));
            return {
              area,
              included: distribution.included,
              counts: distribution.counts,
              percentages: distribution.percentages,
            };
          }),
          region: council.regionName === null ? null : { name: council.regionName, places: regionPlaces },
          neighbours:
            neighbours.length === 0
              ? null
              : { names: neighbours.map((neighbour) => neighbour.name), places: neighbourPlaces },
        },
        next,
        source: {
          title: reportTitle(inspection),
          address: request.sourceAddress ?? inspection.ofstedUrl ?? null,
          listingAddress: OFSTED_REPORTS_ADDRESS,
        },
        attribution: {
          text: `The judgements, recommendations and dates of the inspection are taken from Ofsted's report, published on ${date(inspection.published)}. Ofsted reports are Crown copyright.`,
          licence: 'Open Government Licence v3.0',
          licenceUrl: OGL_ADDRESS,
        },
      };
    },
    async committeeReportFile(request, format) {
      requirePrinter(format);
      const data = await service.committeeReport(request);
      const content = committeeReportContent(data);
      let body: Buffer;
      if (format === 'docx') body = await writePaperDocx(content);
      else if (format === 'html') body = Buffer.from(writePaperHtml(content), 'utf8');
      else body = await printPdf(content);
      return { format, contentType: PAPER_CONTENT_TYPES[format], body, fileName: paperFileName(data, format), data };
    },
    async committeeReportPrintView(request, options) {
      return writePaperHtml(committeeReportContent(await service.committeeReport(request)), options);
    },
    async actionPlan(actor, request) {
      return actionPlanData(actor, request, await plans.listVersions(actor, request.planId));
    },
    async actionPlanFile(actor, request, format) {
      const heads = await plans.listVersions(actor, request.planId);
      requirePrinter(format);
      const data = await actionPlanData(actor, request, heads);
      const body = format === 'xlsx' ? await writeActionPlanXlsx(data) : await render(actionPlanContent(data), format);
      return planPaperFile(data.subject, data.preparedOn, 'action-plan', format, body);
    },
    async actionPlanPrintView(actor, request, options) {
      const data = await service.actionPlan(actor, request);
      return writePaperHtml(actionPlanContent(data), options);
    },
    async progressReport(actor, request) {
      return progressReportData(actor, request, await plans.listVersions(actor, request.planId));
    },
    async progressReportFile(actor, request, format) {
      const heads = await plans.listVersions(actor, request.planId);
      requirePrinter(format);
      const data = await progressReportData(actor, request, heads);
      return planPaperFile(
        data.subject,
        data.preparedOn,
        'progress-report',
        format,
        await render(progressReportContent(data), format),
      );
    },
    async progressReportPrintView(actor, request, options) {
      const data = await service.progressReport(actor, request);
      return writePaperHtml(progressReportContent(data), options);
    },
    pdfPrinting() {
      return { available: pdfPrinterAvailable(chromiumPath), executablePath: chromiumPath };
    },
  };
  return service;
}
