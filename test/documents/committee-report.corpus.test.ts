/**
 * On the real corpus: Derby's 2017 SIF inspection, its report read by the real reader, and every
 * other council's reports from their hand-checked labels (so the national and regional figures
 * have the whole corpus behind them). The committee report must give the action plan's deadline,
 * the 11 recommendations word for word, Derby's judgements and the national SIF distribution at
 * 13 June 2017 with the number of councils included; its pages go to artifacts/papers/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mammoth from 'mammoth';
import { writeCommitteeReportDocx, type CommitteeReportData } from '../../src/documents/index.ts';
import {
  AREA_WORDING,
  GRADE_WORDING,
  JUDGEMENT_AREA_COLUMNS,
  JUDGEMENT_AREAS,
  isGrade,
} from '../../src/domain/index.ts';
import {
  CORPUS_REPORTS_DIR,
  corpusMissing,
  normaliseForComparison,
  readLabels,
  readRecommendationLabels,
  type LabelRow,
} from '../helpers/corpus.ts';
import { createTestServices } from '../helpers/dialects.ts';
import { existed, labelGrade, register, tally } from '../helpers/label-figures.ts';
import { buildFixtureFolder, fixtureExtractor, isGradedLabelRow } from '../helpers/label-fixtures.ts';
import { convertWithLibreOffice, libreofficeMissing, pdftoppmMissing, renderFirstPages } from './render-pages.ts';

const DERBY_2017 = '80459-derby/2017-06-13.pdf';

describe("the committee report on Derby's 2017 inspection", { skip: corpusMissing }, () => {
  const labels = corpusMissing ? [] : readLabels();
  const recommendationLabels = corpusMissing ? new Map() : readRecommendationLabels();
  const derby = labels.find((row) => row.file === DERBY_2017) as LabelRow;
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let data: CommitteeReportData;
  let docx: Buffer;
  let paragraphs: string[];

  before(async () => {
    const others = buildFixtureFolder(
      labels.filter((row) => isGradedLabelRow(row) && row.file !== DERBY_2017),
      recommendationLabels,
    );
    services = await createTestServices('sqlite', { importer: { extract: fixtureExtractor(others.reports) } });
    const summary = await services.imports.importReports([others.dir, join(CORPUS_REPORTS_DIR, DERBY_2017)]);
    assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
    data = await services.papers.committeeReport({
      inspection: '2017-06-13',
      council: '80459',
      preparedOn: '2017-08-25',
    });
    docx = await writeCommitteeReportDocx(data);
    paragraphs = (await mammoth.extractRawText({ buffer: docx })).value
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
  });
  after(async () => {
    await services?.done();
  });

  test('says the action plan is due on Wednesday 20 September 2017', () => {
    assert.ok(
      paragraphs.some((line) =>
        line.startsWith(
          'Written statement of action (the action plan): due Wednesday 20 September 2017, 70 working days after publication on Tuesday 13 June 2017.',
        ),
      ),
      paragraphs.join('\n'),
    );
    assert.ok(paragraphs.some((line) => line.includes('by Wednesday 20 September 2017')));
  });

  test('lists its 11 recommendations word for word, in order', () => {
    const expected = recommendationLabels.get(DERBY_2017)?.recommendations ?? [];
    assert.equal(expected.length, 11);
    const quoted = paragraphs.filter((line) => line.startsWith('\u201c')).map((line) => line.slice(1, -1));
    assert.equal(quoted.length, 11);
    quoted.forEach((text, index) =>
      assert.equal(
        normaliseForComparison(text),
        normaliseForComparison(expected[index]),
        `recommendation ${index + 1}`,
      ),
    );
    assert.ok(
      paragraphs.includes(
        'The report makes 11 recommendations to the council, quoted here in full in the report\u2019s order:',
      ),
    );
  });

  test("gives Derby's judgements in the report's wording", () => {
    const judged = JUDGEMENT_AREAS.filter(
      (area) => (derby as unknown as Record<string, string>)[JUDGEMENT_AREA_COLUMNS[area]],
    );
    assert.equal(judged.length, 7);
    for (const area of judged) {
      const grade = (derby as unknown as Record<string, string>)[JUDGEMENT_AREA_COLUMNS[area]];
      assert.ok(isGrade(grade));
      const line = `${AREA_WORDING.SIF[area]}: ${GRADE_WORDING[grade]}`;
      assert.ok(paragraphs.includes(line), `${line}\n${paragraphs.join('\n')}`);
    }
    assert.ok(
      paragraphs.includes("Ofsted judged the overall effectiveness of Derby's children's services to be Good."),
    );
  });

  test('states the national SIF distribution at 13 June 2017 with the number of councils included', () => {
    const asAt = '2017-06-13';
    const existing = register.filter((row) => existed(row, asAt));
    const grades = existing.flatMap(
      (row) => labelGrade(labels.filter(isGradedLabelRow), row.urn, asAt, 'overall', 'SIF') ?? [],
    );
    const counts = tally(grades);
    const pct = (n: number) => Math.round((n * 100) / grades.length);
    const sentence = `At 13 June 2017, the publication date, ${grades.length} of the ${existing.length} councils in England had a grade for overall effectiveness under the single inspection framework (SIF) in the reports held: ${counts.outstanding} (${pct(counts.outstanding)}%) outstanding, ${counts.good} (${pct(counts.good)}%) good, ${counts.requires_improvement} (${pct(counts.requires_improvement)}%) requires improvement to be good and ${counts.inadequate} (${pct(counts.inadequate)}%) inadequate.`;
    assert.ok(
      paragraphs.some((line) => line.startsWith(sentence)),
      `${sentence}\n---\n${paragraphs.join('\n')}`,
    );
    assert.ok(grades.length > 80, `councils included: ${grades.length}`);
  });

  test('places Derby in the East Midlands and among its statistical neighbours from the same figures', () => {
    assert.equal(data.comparison.region?.name, 'East Midlands');
    const overall = data.comparison.region?.places.find((place) => place.area === 'overall');
    const members = register.filter((row) => row.region_name === 'East Midlands' && existed(row, '2017-06-13'));
    const grades = members.flatMap(
      (row) => labelGrade(labels.filter(isGradedLabelRow), row.urn, '2017-06-13', 'overall', 'SIF') ?? [],
    );
    assert.deepEqual(overall?.counts, tally(grades));
    assert.equal(data.comparison.neighbours?.names.length, 10);
  });

  test(
    'LibreOffice converts it; the first two pages are under artifacts/papers/',
    { skip: libreofficeMissing || pdftoppmMissing },
    async () => {
      const { pdfPath } = await convertWithLibreOffice('committee-report-derby-2017', docx);
      await renderFirstPages('committee-report-derby-2017', pdfPath);
    },
  );
});
