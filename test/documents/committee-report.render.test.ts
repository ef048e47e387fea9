/**
 * The committee report as pages a person can look at: the Word document converted by LibreOffice
 * and the HTML print view printed by Chromium, each to PDF, with PNGs of the first two pages under
 * artifacts/papers/ (look at them after a change to the writers). Skips, saying why, when a
 * program is missing.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { committeeReportContent, writeCommitteeReportDocx, writePaperHtml } from '../../src/documents/index.ts';
import { printHtmlToPdf } from '../../src/services/pdf-printer.ts';
import { fixtureCommitteeReport } from './committee-report.fixture.ts';
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

describe('the committee report on the page', () => {
  test(
    'LibreOffice converts the Word document to PDF; the first two pages are under artifacts/papers/',
    { skip: libreofficeMissing || pdftoppmMissing },
    async () => {
      const { pdfPath } = await convertWithLibreOffice(
        'committee-report-fixture',
        await writeCommitteeReportDocx(fixtureCommitteeReport),
      );
      const info = await pdfInfo(pdfPath);
      assert.ok(Number(info.Pages) >= 4, `pages: ${info.Pages}`);
      const text = flat(await pdfText(pdfPath));
      assert.match(text, /Wexham 4 June 2018/, 'the header on the page');
      assert.match(text, /Page 1 of \d+/, 'the page numbers');
      assert.match(text, /2\.1 Ofsted judged the overall effectiveness/, 'numbered paragraphs');
      for (const png of await renderFirstPages('committee-report-fixture-docx', pdfPath))
        assert.ok(png.endsWith('.png'));
    },
  );

  test(
    'Chromium prints the HTML view to a tagged PDF with an outline; the first two pages are under artifacts/papers/',
    { skip: chromiumMissing || pdftoppmMissing },
    async () => {
      const content = committeeReportContent(fixtureCommitteeReport);
      const pdf = await printHtmlToPdf(writePaperHtml(content), { header: content.header });
      const pdfPath = join(ARTIFACTS_DIR, 'committee-report-fixture-print.pdf');
      writeFileSync(pdfPath, pdf);
      const info = await pdfInfo(pdfPath);
      assert.equal(info.Tagged, 'yes');
      assert.match(pdf.toString('latin1'), /\/Outlines/, 'the PDF has an outline (bookmarks)');
      const text = flat(await pdfText(pdfPath));
      assert.match(text, /Page 1 of \d+/);
      assert.match(text, /Wexham/);
      assert.match(text, /6\.1 The report makes 4 recommendations/);
      await renderFirstPages('committee-report-fixture-print', pdfPath);
    },
  );
});
