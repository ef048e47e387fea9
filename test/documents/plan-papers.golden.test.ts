/** Golden files: the action plan's and the progress report's Word XML, and the action plan's Excel XML, for fixed inputs (unzipped, normalised). */
import { test } from 'node:test';
import { writeActionPlanDocx, writeActionPlanXlsx, writeProgressReportDocx } from '../../src/documents/index.ts';
import { assertGolden, docxParts, normaliseXml } from './docx-parts.ts';
import { actionPlanFixture, progressReportFixture } from './plan-papers.fixture.ts';

const golden = (paper: string, part: string) =>
  new URL(`./golden/${paper}/${part.replace(/[/[\]]/g, '_')}.xml`, import.meta.url).pathname;

async function compare(paper: string, bytes: Buffer, parts: readonly string[]): Promise<void> {
  const unzipped = await docxParts(bytes);
  for (const name of parts) {
    const xml = unzipped.get(name);
    if (xml === undefined) throw new Error(`The ${paper} has no ${name}`);
    assertGolden(normaliseXml(xml), golden(paper, name));
  }
}

const WORD_PARTS = [
  'word/document.xml',
  'word/header1.xml',
  'word/footer1.xml',
  'word/_rels/document.xml.rels',
  'docProps/core.xml',
  '[Content_Types].xml',
];

test('the action plan writes the same Word XML as the golden files', async () => {
  await compare('action-plan-docx', await writeActionPlanDocx(actionPlanFixture), WORD_PARTS);
});

test('the progress report writes the same Word XML as the golden files (its charts are pictures named in the relationships)', async () => {
  await compare('progress-report-docx', await writeProgressReportDocx(await progressReportFixture()), WORD_PARTS);
});

test('the action plan writes the same Excel XML as the golden files, sheet by sheet', async () => {
  await compare('action-plan-xlsx', await writeActionPlanXlsx(actionPlanFixture), [
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet3.xml',
    'xl/worksheets/sheet4.xml',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'docProps/core.xml',
  ]);
});
