/**
 * Browser tests for issue 9 point 1, tables whole: at 1280 px every column of the national table and
 * of a council's history shows without scrolling and no word is cut; at 375 px no heading runs off the
 * screen and the page itself does not scroll sideways; printed on A4 (print media, then a real PDF)
 * every column is kept, the navigation and forms are gone, and the as-at date and source are on the
 * sheet. Screenshots of each page at 1280, 375 and print go to artifacts/screenshots, PDFs beside them.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readPdfText } from '../src/extract/pdf-text.reader.ts';
import { screenshotPath } from './support/browser.ts';
import { assertNoAxeViolations } from './support/page-checks.ts';
import { publicPages, publicPagesMissing as skip } from './support/public-pages.ts';

const DERBY = '80459';
/** A4's printable width at 96 px per inch with the print style sheet's 10 mm side margins, upright and on its side. */
const A4_PRINTABLE_PX = Math.floor(((210 - 20) / 25.4) * 96);
const A4_LANDSCAPE_PRINTABLE_PX = Math.floor(((297 - 20) / 25.4) * 96);

interface TableBoxes {
  readonly columns: number;
  readonly tableWidth: number;
  readonly regionWidth: number;
  readonly lastHeaderRight: number;
  /** Each column's header and width, to say which column is too wide. */
  readonly widths: string;
  /** Cells (and grade tags in them) whose content is wider than their box: a cut word. */
  readonly clipped: readonly string[];
}

/** The table's and its scroll region's boxes, and every cell whose content does not fit it. */
async function tableBoxes(page: Page, selector: string): Promise<TableBoxes> {
  return page.locator(selector).evaluate((table) => {
    const region = (table.closest('.app-table-wrapper') ?? table.parentElement) as HTMLElement;
    const headers = Array.from(table.querySelectorAll('thead th'));
    const clipped: string[] = [];
    for (const element of Array.from(table.querySelectorAll<HTMLElement>('th, td, .govuk-tag'))) {
      if (element.scrollWidth > element.clientWidth + 1)
        clipped.push(
          `${element.tagName.toLowerCase()} "${element.innerText.trim()}" ${element.scrollWidth}>${element.clientWidth}`,
        );
    }
    return {
      columns: headers.length,
      tableWidth: table.getBoundingClientRect().width,
      regionWidth: region.clientWidth,
      lastHeaderRight: headers.at(-1)?.getBoundingClientRect().right ?? 0,
      widths: headers
        .map(
          (header) => `${(header as HTMLElement).innerText.trim()} ${Math.round(header.getBoundingClientRect().width)}`,
        )
        .join(', '),
      clipped,
    };
  });
}

function assertWhole(boxes: TableBoxes, label: string, viewportWidth: number): void {
  assert.ok(
    boxes.tableWidth <= boxes.regionWidth + 1,
    `${label}: the table (${boxes.tableWidth} px) fits its region (${boxes.regionWidth} px) without scrolling; columns: ${boxes.widths}`,
  );
  assert.ok(
    boxes.lastHeaderRight <= viewportWidth,
    `${label}: the last column ends at ${boxes.lastHeaderRight} px, inside ${viewportWidth} px`,
  );
  assert.deepEqual(boxes.clipped, [], `${label}: no cut words`);
}

/** Headings wider than their box, and how wide the page is against the screen. */
async function phoneOverflow(page: Page): Promise<{ headings: string[]; pageWidth: number; screenWidth: number }> {
  return page.evaluate(() => ({
    headings: Array.from(document.querySelectorAll<HTMLElement>('h1, h2, h3, .govuk-caption-l, .govuk-caption-m'))
      .filter((heading) => !heading.closest('.govuk-visually-hidden'))
      .filter(
        (heading) =>
          heading.scrollWidth > heading.clientWidth + 1 ||
          heading.getBoundingClientRect().right > window.innerWidth + 1,
      )
      .map((heading) => heading.innerText.trim()),
    pageWidth: document.documentElement.scrollWidth,
    screenWidth: window.innerWidth,
  }));
}

describe('tables whole, on screen, on a phone and on paper', { skip }, () => {
  const pages = publicPages();
  const open = (path: string, width: number, name: string): Promise<Page> => pages.open(path, name, width);
  let inspectionPath = '';

  before(async () => {
    const derby2017 = (await pages.server.loaded.services.inspections.listAll()).find(
      (inspection) => inspection.urn === DERBY && inspection.published === '2017-06-13',
    );
    assert.ok(derby2017, "Derby's 2017 report is labelled");
    inspectionPath = `/inspections/${derby2017.id}`;
  });

  /**
   * Print media at A4's printable width: every table whole, no navigation, the foot of the sheet said;
   * then a real A4 PDF. A table of every judgement area (`wide`) prints on landscape sheets, which the PDF must hold.
   */
  async function checkPrint(
    page: Page,
    name: string,
    tables: readonly string[],
    asAtText: RegExp,
    wide: readonly string[] = [],
  ): Promise<void> {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1100 });
    for (const selector of tables)
      assertWhole(await tableBoxes(page, selector), `${name} ${selector}`, A4_PRINTABLE_PX);
    if (wide.length > 0) {
      await page.setViewportSize({ width: A4_LANDSCAPE_PRINTABLE_PX, height: 800 });
      for (const selector of wide) {
        assertWhole(await tableBoxes(page, selector), `${name} ${selector} (landscape)`, A4_LANDSCAPE_PRINTABLE_PX);
        assert.equal(
          await page.locator(selector).evaluate((table) => getComputedStyle(table.closest('.app-table-wrapper')!).page),
          'app-wide',
          `${name}: ${selector} prints on landscape sheets`,
        );
      }
      await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1100 });
    }
    for (const hidden of ['.govuk-service-navigation', '.govuk-footer', '.app-filters', '.govuk-phase-banner']) {
      assert.equal(
        await page
          .locator(hidden)
          .first()
          .isVisible()
          .catch(() => false),
        false,
        `${name}: ${hidden} is not printed`,
      );
    }
    const foot = page.locator('.app-print-footer');
    assert.ok(await foot.isVisible(), `${name}: the foot of the sheet is printed`);
    const footText = await foot.innerText();
    assert.match(footText, asAtText, `${name}: the foot gives the date`);
    assert.match(footText, /Source: Ofsted/, `${name}: the foot gives the source`);
    assert.equal(
      await foot.evaluate((element) => getComputedStyle(element).position),
      'fixed',
      `${name}: the foot repeats on every sheet`,
    );
    await page.screenshot({ path: screenshotPath(`${name}-print`), fullPage: true });
    const pdf = await page.pdf({
      format: 'A4',
      path: screenshotPath(`${name}-print`).replace(/\.png$/, '.pdf'),
      preferCSSPageSize: true,
    });
    // Every sheet is A4 (595 x 842 points, or 842 x 595 on its side) and carries the date and the source at its foot.
    const sheets = await readPdfText(new Uint8Array(pdf));
    assert.ok(sheets.length >= 1, `${name}: the PDF has pages`);
    const sizes = sheets.map((sheet) => `${Math.round(sheet.width)}x${Math.round(sheet.height)}`);
    assert.ok(
      sizes.every((size) => size === '595x842' || size === '842x595'),
      `${name}: every sheet is A4 (${[...new Set(sizes)].join(', ')})`,
    );
    if (wide.length > 0)
      assert.ok(
        sizes.includes('842x595'),
        `${name}: the wide table's sheets are landscape (${[...new Set(sizes)].join(', ')})`,
      );
    for (const sheet of sheets) {
      const words = sheet.runs.map((run) => run.text).join(' ');
      assert.match(
        words,
        /Source: Ofsted/,
        `${name}: sheet ${sheet.number} (${Math.round(sheet.width)} wide) names the source`,
      );
      assert.match(words, asAtText, `${name}: sheet ${sheet.number} gives the date`);
    }
  }

  test('/national filtered to a region: every grade column at 1280 px, readable at 375 px, whole on A4', async () => {
    // In 2018 the latest inspections were SIF ones, which graded every area: the widest table.
    const path = `/national?asAt=2018-03-31&region=${encodeURIComponent('North West')}`;
    const page = await open(path, 1280, 'whole-national-region-1280');
    const latest = await tableBoxes(page, '#latest-table');
    assert.equal(latest.columns, 11, 'council, region, published, kind and the seven judgement areas');
    assertWhole(latest, 'national 1280 #latest-table', 1280);
    assert.ok(
      await page.locator('#latest-table thead th', { hasText: 'LSCB' }).isVisible(),
      'the LSCB column is on screen',
    );

    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoAxeViolations(page, 'whole-national-region-375');
    await page.screenshot({ path: screenshotPath('whole-national-region-375'), fullPage: true });
    const phone = await phoneOverflow(page);
    assert.deepEqual(phone.headings, [], 'no heading runs off a phone screen');
    assert.ok(
      phone.pageWidth <= phone.screenWidth,
      `the page does not scroll sideways on a phone (${phone.pageWidth} > ${phone.screenWidth})`,
    );

    await checkPrint(page, 'whole-national-region', [], /as at 31 March 2018/, ['#latest-table']);
    await page.close();
  });

  test("a council page at a past date: the history's every grade at 1280 px, no word cut, whole on A4", async () => {
    const page = await open(`/councils/${DERBY}?asAt=2025-12-31`, 1280, 'whole-council-past-date-1280');
    const history = await tableBoxes(page, '#history-table');
    assert.ok(
      history.columns >= 9,
      `published, kind and every area Derby's inspections graded (${history.columns} columns)`,
    );
    assertWhole(history, 'council 1280 #history-table', 1280);
    const tags = await page.locator('#history-table .govuk-tag').allInnerTexts();
    assert.ok(tags.includes('Outstanding') || tags.includes('Good'), tags.join(', '));

    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoAxeViolations(page, 'whole-council-past-date-375');
    await page.screenshot({ path: screenshotPath('whole-council-past-date-375'), fullPage: true });
    const phone = await phoneOverflow(page);
    assert.deepEqual(phone.headings, []);
    assert.ok(
      phone.pageWidth <= phone.screenWidth,
      `the page does not scroll sideways on a phone (${phone.pageWidth} > ${phone.screenWidth})`,
    );

    await checkPrint(page, 'whole-council-past-date', [], /as at 31 December 2025/, ['#history-table']);
    await page.close();
  });

  test('an inspection page at 1280 px, 375 px and on A4', async () => {
    const page = await open(inspectionPath, 1280, 'whole-inspection-1280');
    assertWhole(await tableBoxes(page, '#deadlines-table'), 'inspection 1280 #deadlines-table', 1280);
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoAxeViolations(page, 'whole-inspection-375');
    await page.screenshot({ path: screenshotPath('whole-inspection-375'), fullPage: true });
    const phone = await phoneOverflow(page);
    assert.deepEqual(phone.headings, []);
    assert.ok(
      phone.pageWidth <= phone.screenWidth,
      `the page does not scroll sideways on a phone (${phone.pageWidth} > ${phone.screenWidth})`,
    );
    await checkPrint(page, 'whole-inspection', ['#deadlines-table'], /as held on \d/);
    await page.close();
  });
});
