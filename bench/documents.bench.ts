/**
 * `npx node bench/documents.bench.ts [runs]`: the time to write each paper, the median of `runs`
 * writes (default 7) after one warm-up, beside a reference timed alternately with it in the same run:
 * a one-paragraph Word document from the same library (its fixed cost) for .docx and .html, and
 * Chromium printing a one-line page for .pdf. Two inputs: the test fixture (4 recommendations),
 * and the same with 40 recommendations (the size of a long report); and the improvement plan's papers
 * for a plan of 40 actions (action plan .docx and .xlsx, progress report .docx with its 40 charts
 * drawn and rasterised to PNG, and its print view). Goal: under 1 s per document.
 */
import { Document, Packer, Paragraph } from 'docx';
import {
  committeeReportContent,
  progressReportContent,
  writeActionPlanDocx,
  writeActionPlanXlsx,
  writeCommitteeReportDocx,
  writePaperHtml,
  writeProgressReportDocx,
  type CommitteeReportData,
  type ProgressReportData,
} from '../src/documents/index.ts';
import { comparePlanContents, type PlanContent } from '../src/plans/index.ts';
import { pdfPrinterAvailable, printHtmlToPdf } from '../src/services/pdf-printer.ts';
import { fixtureCommitteeReport } from '../test/documents/committee-report.fixture.ts';
import { chartsFor, largeActionPlan, planSubject } from '../test/documents/plan-papers.fixture.ts';

const runs = Number(process.argv[2] ?? 7);

/** Medians of the work and its reference, timed alternately (so both see the same load on a shared machine). */
async function paired(work: () => Promise<unknown>, reference: () => Promise<unknown>): Promise<[number, number]> {
  await work();
  await reference();
  const times: [number[], number[]] = [[], []];
  for (let index = 0; index < runs; index++) {
    for (const [slot, task] of [work, reference].entries()) {
      const start = performance.now();
      await task();
      times[slot]?.push(performance.now() - start);
    }
  }
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return [middle(times[0]), middle(times[1])];
}

const long: CommitteeReportData = {
  ...fixtureCommitteeReport,
  recommendations: Array.from(
    { length: 40 },
    (_, index) => `${fixtureCommitteeReport.recommendations[index % 4]} (${index + 1})`,
  ),
};

const oneParagraph = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Reference.')] }] }));
const rows: [string, number, number, string][] = [];
for (const [name, data] of [
  ['fixture', fixtureCommitteeReport],
  ['40 recommendations', long],
] as const) {
  rows.push([
    `committee report .docx (${name})`,
    ...(await paired(() => writeCommitteeReportDocx(data), oneParagraph)),
    'one-paragraph .docx',
  ]);
  rows.push([
    `committee report .html (${name})`,
    ...(await paired(async () => writePaperHtml(committeeReportContent(data)), oneParagraph)),
    'one-paragraph .docx',
  ]);
}
const plan40 = largeActionPlan(40);
rows.push([
  'action plan .docx (40 actions)',
  ...(await paired(() => writeActionPlanDocx(plan40), oneParagraph)),
  'one-paragraph .docx',
]);
rows.push([
  'action plan .xlsx (40 actions)',
  ...(await paired(() => writeActionPlanXlsx(plan40), oneParagraph)),
  'one-paragraph .docx',
]);
const earlier40: PlanContent = {
  ...plan40.plan,
  actions: plan40.plan.actions.map((action, index) =>
    index % 4 === 0 ? { ...action, status: 'not started' as const } : action,
  ),
};
const progress = async (): Promise<ProgressReportData> => ({
  subject: planSubject,
  current: plan40.plan,
  currentVersion: { number: 9, date: '2026-05-29', working: false },
  since: {
    plan: earlier40,
    version: { number: 7, date: '2026-03-02', working: false },
    changes: comparePlanContents(earlier40, plan40.plan),
  },
  preparedOn: '2026-06-01',
  charts: await chartsFor(plan40.plan, '2026-06-01'),
});
rows.push([
  'progress report .docx (40 actions, charts drawn)',
  ...(await paired(async () => writeProgressReportDocx(await progress()), oneParagraph)),
  'one-paragraph .docx',
]);
const progressData = await progress();
rows.push([
  'progress report .docx (charts already drawn)',
  ...(await paired(() => writeProgressReportDocx(progressData), oneParagraph)),
  'one-paragraph .docx',
]);
rows.push([
  'progress report .html (40 actions)',
  ...(await paired(async () => writePaperHtml(progressReportContent(progressData)), oneParagraph)),
  'one-paragraph .docx',
]);

if (pdfPrinterAvailable()) {
  const header = { council: 'Reference', date: '1 January 2026' };
  const onePage = () =>
    printHtmlToPdf('<!DOCTYPE html><html lang="en"><title>Reference</title><p>Reference.</p></html>', { header });
  for (const [name, data] of [
    ['fixture', fixtureCommitteeReport],
    ['40 recommendations', long],
  ] as const) {
    const content = committeeReportContent(data);
    rows.push([
      `committee report .pdf (${name})`,
      ...(await paired(() => printHtmlToPdf(writePaperHtml(content), { header: content.header }), onePage)),
      'one-line page through Chromium',
    ]);
  }
} else console.log('(no Chromium at /usr/bin/chromium: the PDF is not timed)');

console.log(`median of ${runs} runs after a warm-up; goal under 1000 ms each`);
for (const [what, ms, reference, referenceName] of rows) {
  console.log(
    `${what.padEnd(50)} ${ms.toFixed(0).padStart(6)} ms   reference (${referenceName}) ${reference.toFixed(0).padStart(5)} ms   ratio ${(ms / reference).toFixed(1)}x   ${ms < 1000 ? 'under 1 s' : 'OVER 1 s'}`,
  );
}
