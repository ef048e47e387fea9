/**
 * The improvement plan's papers as pages a person can look at: the Word documents and the Excel
 * tracker converted by LibreOffice, and the progress report's print view printed by Chromium, each
 * to PDF, with PNGs of the first two pages under artifacts/papers/ (look at them after a change to
 * the writers). Skips, saying why, when a program is missing.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  actionPlanContent,
  progressReportContent,
  writeActionPlanDocx,
  writeActionPlanXlsx,
  writePaperHtml,
  writeProgressReportDocx,
} from '../../src/documents/index.ts';
import { printHtmlToPdf } from '../../src/services/pdf-printer.ts';
import { actionPlanFixture, progressReportFixture } from './plan-papers.fixture.ts';
import {
  ARTIFACTS_DIR,
  chromiumMissing,
  convertWithLibreOffice,
  libreofficeMissing,
  pdfInfo,
  pdfText,
  pdftoppmMissing,
  renderFirstPages,
} from './render-pages.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the improvement plan papers on the page', () => {
  test(
    'LibreOffice converts the action plan (Word) to PDF; the first two pages are under artifacts/papers/',
    { skip: libreofficeMissing || pdftoppmMissing },
    async () => {
      const { pdfPath } = await convertWithLibreOffice(
        'action-plan-fixture',
        await writeActionPlanDocx(actionPlanFixture),
      );
      assert.ok(Number((await pdfInfo(pdfPath)).Pages) >= 3);
      const text = flat(await pdfText(pdfPath));
      assert.match(text, /Wexham 1 June 2026/);
      assert.match(text, /Page 1 of \d+/);
      assert.match(text, /3\.2 Response: Agreed\./);
      await renderFirstPages('action-plan-fixture-docx', pdfPath);
    },
  );

  test(
    'LibreOffice opens the action plan tracker (Excel) and prints it; the first two pages are under artifacts/papers/',
    { skip: libreofficeMissing || pdftoppmMissing },
    async () => {
      const { pdfPath } = await convertWithLibreOffice(
        'action-plan-tracker-fixture',
        await writeActionPlanXlsx(actionPlanFixture),
        'xlsx',
      );
      const text = flat(await pdfText(pdfPath));
      assert.match(text, /Improvement plan: Wexham/);
      assert.match(text, /Commission an independent return home interview service/);
      await renderFirstPages('action-plan-fixture-xlsx', pdfPath);
    },
  );

  test(
    'LibreOffice converts the progress report (Word, with its charts) to PDF; the first two pages are under artifacts/papers/',
    { skip: libreofficeMissing || pdftoppmMissing },
    async () => {
      const { pdfPath } = await convertWithLibreOffice(
        'progress-report-fixture',
        await writeProgressReportDocx(await progressReportFixture()),
      );
      const text = flat(await pdfText(pdfPath));
      assert.match(text, /3\.1 2 actions need the committee's attention\./);
      assert.match(text, /Page 1 of \d+/);
      await renderFirstPages('progress-report-fixture-docx', pdfPath, 4);
    },
  );

  test(
    'Chromium prints the print views to tagged PDFs with an outline; the first two pages are under artifacts/papers/',
    { skip: chromiumMissing || pdftoppmMissing },
    async () => {
      for (const [name, content] of [
        ['progress-report-fixture-print', progressReportContent(await progressReportFixture())],
        ['action-plan-fixture-print', actionPlanContent(actionPlanFixture)],
      ] as const) {
        const pdf = await printHtmlToPdf(writePaperHtml(content), { header: content.header });
        const pdfPath = join(ARTIFACTS_DIR, `${name}.pdf`);
        writeFileSync(pdfPath, pdf);
        assert.equal((await pdfInfo(pdfPath)).Tagged, 'yes');
        assert.match(pdf.toString('latin1'), /\/Outlines/);
        assert.match(flat(await pdfText(pdfPath)), /Page 1 of \d+/);
        await renderFirstPages(name, pdfPath);
      }
    },
  );
});
