/**
 * The invariants of each report kind, checked on the facts a parser read: a SIF report has dates, a
 * lead inspector, its judgements (or the areas it prints as "Not judged") and recommendations; a list
 * item does not start or end mid-sentence; an LSCB item is a recommendation to the board. Each broken
 * invariant is a warning ("check this against the report"), never a silent guess. Pure.
 */
import {
  areasGradedBy,
  AREA_WORDING,
  type InspectionReport,
  type JudgementArea,
  type ReaderWarning,
} from '../domain/index.ts';

export type ReportFacts = Omit<InspectionReport, 'file' | 'warnings'>;

/** What the parser saw that the facts alone do not say. */
export interface ReadingContext {
  /** Areas the report prints as "Not judged": their absence is no fault. */
  readonly notJudged?: readonly JudgementArea[];
  /** The report includes the review of the LSCB (SIF titles say so). */
  readonly reviewsLscb?: boolean;
}

const DAY_MS = 86_400_000;

/** The longest on-site span (first day to last, split periods included) each kind may have. */
const LONGEST_ON_SITE_DAYS: Readonly<Record<string, number>> = {
  sif: 120,
  'sif-reinspection': 120,
  'lscb-review': 60,
  'ilacs-standard': 120,
  'ilacs-short': 45,
};
/** Reports are published within a year of the last day on site. */
const LONGEST_PUBLICATION_DELAY_DAYS = 365;

/** Numbered paragraphs that say there is nothing to list stand in lists as printed. */
const NOTHING_TO_LIST = /^(?:the inspection did not find any|there (?:are|were) no\b)/i;
/** Words no sentence ends with. */
const DANGLING_WORD = /\b(?:the|a|an|of|to|and|or|for|with|in|on|by|that|which|including|such as)$/i;
/** An item that states a finding: a subject first and no call to act. */
const STATEMENT_START = /^(?:The|This|These|There|It|Its|A|An|Board|Partners|[A-Z]{2,6})\b/;
const CALL_TO_ACT =
  /\b(?:should|must|needs? to|ought to|is to|are to|ensure|improve|develop|review|strengthen|make sure)\b/i;

function warning(code: ReaderWarning['code'], message: string): ReaderWarning {
  return { code, message };
}

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** The judgement areas the kind and version of report must grade. */
export function expectedAreas(facts: ReportFacts, context: ReadingContext): JudgementArea[] {
  if (facts.kind === 'lscb-review') return ['lscb'];
  const areas = areasGradedBy(facts.version);
  if (facts.framework === 'SIF') return areas.filter((area) => area !== 'lscb' || context.reviewsLscb === true);
  return areas;
}

export function checkInvariants(facts: ReportFacts, context: ReadingContext = {}): ReaderWarning[] {
  return [...checkPeople(facts), ...checkDates(facts), ...checkJudgements(facts, context), ...checkLists(facts)];
}

function checkPeople(facts: ReportFacts): ReaderWarning[] {
  if (facts.leadInspector !== null && facts.leadInspector.trim() !== '') return [];
  return [warning('missing-lead-inspector', 'No lead inspector could be read from the report.')];
}

function checkDates(facts: ReportFacts): ReaderWarning[] {
  const found: ReaderWarning[] = [];
  const span = days(facts.inspectionStart, facts.inspectionEnd);
  const longest = LONGEST_ON_SITE_DAYS[facts.kind];
  if (longest !== undefined && span > longest) {
    found.push(
      warning(
        'implausible-dates',
        `The on-site period read (${facts.inspectionStart} to ${facts.inspectionEnd}) is longer than a ${facts.kind} inspection lasts.`,
      ),
    );
  }
  if (facts.published !== null) {
    const delay = days(facts.inspectionEnd, facts.published);
    if (delay < 0)
      found.push(
        warning(
          'implausible-dates',
          `The publication date read (${facts.published}) is before the last day on site (${facts.inspectionEnd}).`,
        ),
      );
    else if (delay > LONGEST_PUBLICATION_DELAY_DAYS)
      found.push(
        warning(
          'implausible-dates',
          `The publication date read (${facts.published}) is more than a year after the last day on site (${facts.inspectionEnd}).`,
        ),
      );
  }
  return found;
}

function checkJudgements(facts: ReportFacts, context: ReadingContext): ReaderWarning[] {
  const notJudged = new Set(context.notJudged ?? []);
  return expectedAreas(facts, context)
    .filter((area) => facts.judgements[area] === undefined && !notJudged.has(area))
    .map((area) =>
      warning(
        'missing-judgement',
        `No grade could be read for "${AREA_WORDING[facts.version][area] ?? area}", which a ${facts.version} report of this kind judges.`,
      ),
    );
}

function allOutstanding(facts: ReportFacts, areas: readonly JudgementArea[]): boolean {
  return areas.length > 0 && areas.every((area) => facts.judgements[area] === 'outstanding');
}

function checkLists(facts: ReportFacts): ReaderWarning[] {
  const found: ReaderWarning[] = [];
  if (facts.kind !== 'lscb-review' && facts.recommendations.length === 0) {
    const graded = areasGradedBy(facts.version).filter(
      (area) => area !== 'lscb' && facts.judgements[area] !== undefined,
    );
    if (!allOutstanding(facts, graded))
      found.push(
        warning(
          'missing-recommendations',
          'No recommendations for the local authority could be read, and not every judgement is outstanding.',
        ),
      );
  }
  if (
    facts.judgements.lscb !== undefined &&
    facts.lscbRecommendations.length === 0 &&
    facts.judgements.lscb !== 'outstanding'
  ) {
    found.push(
      warning(
        'missing-lscb-recommendations',
        'No recommendations for the Local Safeguarding Children Board could be read, and the board is not judged outstanding.',
      ),
    );
  }
  found.push(...checkItems(facts.recommendations, 'local authority'), ...checkItems(facts.lscbRecommendations, 'LSCB'));
  for (const [index, item] of facts.lscbRecommendations.entries()) {
    if (NOTHING_TO_LIST.test(item)) continue;
    if (STATEMENT_START.test(item) && !CALL_TO_ACT.test(item)) {
      found.push(
        warning(
          'lscb-item-not-about-board',
          `LSCB recommendation ${index + 1} reads as a finding, not a recommendation to the board: "${excerpt(item)}".`,
        ),
      );
    }
  }
  return found;
}

/** Items of one list that start or end mid-sentence. A list of lower-case noun phrases is as printed. */
function checkItems(items: readonly string[], list: string): ReaderWarning[] {
  const found: ReaderWarning[] = [];
  const capitalised = items.filter((item) => /^\p{Lu}/u.test(item)).length;
  for (const [index, item] of items.entries()) {
    const others = items.length - 1;
    const startsLower = /^\p{Ll}/u.test(item) && capitalised >= Math.max(2, others * 0.8);
    if (/^[,;:.)\]]/.test(item) || startsLower) {
      found.push(
        warning(
          'item-starts-mid-sentence',
          `The ${list}'s recommendation ${index + 1} starts mid-sentence: "${excerpt(item)}".`,
        ),
      );
    }
    // Some reports print items without a full stop, so only a dangling word or mark tells a cut item.
    if (/[,;:-]$/.test(item) || DANGLING_WORD.test(item)) {
      found.push(
        warning(
          'item-ends-mid-sentence',
          `The ${list}'s recommendation ${index + 1} ends mid-sentence: "${excerpt(item, true)}".`,
        ),
      );
    }
  }
  return found;
}

function excerpt(text: string, end = false): string {
  if (text.length <= 60) return text;
  return end ? `...${text.slice(-57)}` : `${text.slice(0, 57)}...`;
}
