/**
 * Reports of the single inspection framework (2013-2018): inspections and re-inspections of services
 * for children in need of help and protection, children looked after and care leavers, usually with
 * the review of the Local Safeguarding Children Board, and standalone LSCB reviews. Pure.
 */
import type { JudgementArea } from '../../domain/index.ts';
import { ExtractionError } from '../extraction-error.ts';
import type { ReportText } from '../report-text.ts';
import type { ReportParser, ParsedReport } from './report-parser.ts';
import {
  findLscbStatement,
  readHeadline,
  readJudgementTable,
  readLscbJudgement,
  type Judgements,
} from './sif/judgements.ts';
import { readList } from './sif/recommendation-list.ts';
import { isReinspection } from './sif/reinspection.ts';
import {
  findLaListHeading,
  findLscbListHeading,
  findLscbSection,
  previousInspectionsText,
  readLeadInspector,
} from './sif/sections.ts';
import { bodyHeight, cleanText } from './sif/sif-lines.ts';
import { findJoinedLscbReviewPage, findTitleStart, readTitlePage } from './sif/title-page.ts';

export const sifParser: ReportParser = {
  name: 'sif',
  recognises: (text) => findTitleStart(text.pages[0] ?? []) >= 0,
  parse: parseSifReport,
};

function parseSifReport(text: ReportText): ParsedReport {
  const firstPage = text.pages[0] ?? [];
  const title = readTitlePage(firstPage);
  if (!title) throw new ExtractionError('unsupported-report', 'The first page has no SIF or LSCB review title.');
  if (!title.dates)
    throw new ExtractionError(
      'unsupported-report',
      'The SIF report has no readable "Inspection date" on its first page.',
    );
  const lines = text.lines;
  const body = bodyHeight(lines);
  const standaloneLscbReview = title.reviewsLscb && !title.inspectsServices;

  const judgements: Judgements = {};
  const printed = new Set<JudgementArea>();
  if (!standaloneLscbReview) {
    const table = readJudgementTable(firstPage);
    Object.assign(judgements, table.judgements);
    for (const area of table.areas) printed.add(area);
    // A table split across pages carries on at the top of the second.
    if (table.areas.size > 0) {
      const rest = readJudgementTable(text.pages[1] ?? []);
      for (const area of rest.areas) {
        const grade = rest.judgements[area];
        if (!table.areas.has(area) && grade) judgements[area] = grade;
        printed.add(area);
      }
    }
    // The headline states the overall judgement; a table row for it is the fallback.
    const overall = readHeadline(firstPage, title.localAuthority);
    if (overall) judgements.overall = overall;
  }

  // A separately paginated review of the LSCB joined after the report starts at its own title page.
  const joinedReviewPage = standaloneLscbReview ? undefined : findJoinedLscbReviewPage(text.pages);
  const reviewsLscb = title.reviewsLscb || joinedReviewPage !== undefined;
  let lscbSection = standaloneLscbReview
    ? 0
    : joinedReviewPage !== undefined
      ? lines.findIndex((line) => line.page >= joinedReviewPage)
      : findLscbSection(lines, body);
  // No recognisable LSCB heading: the part starts where its judgement is stated, after the first page.
  if (title.reviewsLscb && lscbSection < 0) {
    const statement = findLscbStatement(lines.filter((line) => line.page > 1));
    if (statement) lscbSection = lines.findIndex((line) => line.page > 1) + statement.index;
  }
  let lscbRecommendations: string[] = [];
  if (reviewsLscb) {
    const lscb =
      (joinedReviewPage === undefined ? readLscbJudgement(firstPage) : undefined) ??
      readLscbJudgement(lscbSection >= 0 ? lines.slice(lscbSection) : lines);
    if (lscb) judgements.lscb = lscb;
    const from = standaloneLscbReview ? -1 : lscbSection;
    const heading = from >= 0 || standaloneLscbReview ? findLscbListHeading(lines, from) : -1;
    if (heading >= 0) lscbRecommendations = readList(lines, heading, body);
  }

  let recommendations: string[] = [];
  if (!standaloneLscbReview) {
    const heading = findLaListHeading(lines, reviewsLscb ? lscbSection : -1);
    if (heading >= 0)
      recommendations = readList(
        lines,
        heading,
        body,
        reviewsLscb && lscbSection > heading ? lscbSection : lines.length,
      );
  }

  const bodyText = lines.map((line) => cleanText(line)).join(' ');
  const kind = standaloneLscbReview
    ? 'lscb-review'
    : isReinspection(title.reinspectionTitle, bodyText, previousInspectionsText(lines))
      ? 'sif-reinspection'
      : 'sif';

  return {
    framework: 'SIF',
    version: 'SIF',
    kind,
    localAuthority: title.localAuthority,
    inspectionStart: title.dates.start,
    inspectionEnd: title.dates.end,
    published: title.published ?? null,
    leadInspector: readLeadInspector(lines),
    judgements,
    recommendations,
    lscbRecommendations,
    // Rows printed without a grade say "Not judged" (the table reader leaves them out).
    reading: { notJudged: [...printed].filter((area) => judgements[area] === undefined), reviewsLscb },
  };
}
