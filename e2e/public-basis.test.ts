/**
 * Browser tests for issue 9, points 7 and 5: Ofsted's own basis (counted by inspection date) beside
 * ours (publication date) on /national, and one overall grade for a council whose latest inspection
 * (ILACS-2026) gives none, the same in neighbours' lists, the national table and the API.
 * Screen at 1280 px and phone at 375 px, axe at 0 violations on each page opened.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  leadingNumber,
  overallCounts,
  publicPages,
  publicPagesMissing as skip,
  shootPhoneAndPrint,
} from './support/public-pages.ts';
import { readLabels } from '../test/helpers/corpus.ts';
import { readWorkbook } from '../src/documents/index.ts';
import { isGradedLabelRow } from '../test/helpers/label-fixtures.ts';
import { existed, labelGrade, register, tally } from '../test/helpers/label-figures.ts';

const DARLINGTON = '80458';
const LANCASHIRE = '80480';

describe("the public picture: Ofsted's basis and one overall grade", { skip }, () => {
  const pages = publicPages();
  const open = (path: string, name: string, width?: number) => pages.open(path, name, width);
  const labels = skip ? [] : readLabels().filter(isGradedLabelRow);

  const expected = (asAt: string, countedBy: 'published' | 'inspected') => {
    const counts = tally(
      register
        .filter((row) => existed(row, asAt))
        .flatMap((row) => labelGrade(labels, row.urn, asAt, 'overall', undefined, 'latest', countedBy) ?? []),
    );
    // The distribution table's cells: each grade, good or better, councils.
    return [
      counts.outstanding,
      counts.good,
      counts.requires_improvement,
      counts.inadequate,
      counts.outstanding + counts.good,
      counts.outstanding + counts.good + counts.requires_improvement + counts.inadequate,
    ];
  };

  test('/national counted by inspection date gives the labels’ figures on that basis, says so, and can switch back', async () => {
    for (const width of [1280, 375]) {
      const page = await open('/national?asAt=2025-03-31&countedBy=inspected', `national-inspected-${width}`, width);
      assert.deepEqual(await overallCounts(page), expected('2025-03-31', 'inspected'));
      const scope = await page.locator('#page-scope').innerText();
      assert.match(scope, /counted by inspection date/);
      assert.match(scope, /Ofsted's official statistics/);
      assert.ok(await page.locator('#counted-by-2').isChecked(), 'the control shows the basis in force');
      assert.match(await page.locator('table').first().locator('caption').innerText(), /counted by inspection date/);
      const csv = await page.request.get(
        `${pages.server.baseUrl}${await page.getByRole('link', { name: /Download these rows as CSV/ }).getAttribute('href')}`,
      );
      const [header, first] = (await csv.text()).split('\r\n');
      assert.match(header ?? '', /,as_at,counted_by,/);
      assert.match(first ?? '', /,2025-03-31,inspected,/);
      await page.getByRole('link', { name: /Count by publication date instead/ }).click();
      assert.deepEqual(await overallCounts(page), expected('2025-03-31', 'published'));
      assert.match(await page.locator('#page-scope').innerText(), /counted by publication date/);
      await page.close();
    }
    assert.notDeepEqual(
      expected('2025-03-31', 'published'),
      expected('2025-03-31', 'inspected'),
      'the two bases differ at this date',
    );
  });

  test('/national filters by good or better and by framework, gives good or better as a figure, and a quarterly series since 2014 with its table', async () => {
    for (const width of [1280, 375]) {
      const page = await open(
        '/national?asAt=2025-12-31&overall=good-or-better',
        `national-good-or-better-${width}`,
        width,
      );
      assert.match(await page.locator('#page-scope').innerText(), /overall effectiveness good or better/);
      const overall = await page.locator('#latest-table tbody tr td:nth-child(5)').allInnerTexts();
      assert.ok(
        overall.length > 0 && overall.every((text) => /^(Outstanding|Good)\b/.test(text.trim())),
        overall.join(' / '),
      );
      const counts = await overallCounts(page);
      assert.deepEqual(counts.slice(2, 4), [0, 0], 'no requires improvement or inadequate among them');
      assert.equal(counts[4], counts[0]! + counts[1]!, 'good or better is outstanding and good together');
      await page.close();
    }
    const sif = await open('/national?asAt=2017-12-31&framework=SIF', 'national-sif-1280');
    const kinds = await sif.locator('#latest-table tbody tr td:nth-child(4)').allInnerTexts();
    assert.ok(kinds.length > 0 && kinds.every((kind) => /SIF|LSCB/i.test(kind)), kinds.join(' / '));
    const sifCounts = tally(
      register
        .filter((row) => existed(row, '2017-12-31'))
        .flatMap((row) => labelGrade(labels, row.urn, '2017-12-31', 'overall', 'SIF') ?? []),
    );
    assert.deepEqual((await overallCounts(sif)).slice(0, 4), [
      sifCounts.outstanding,
      sifCounts.good,
      sifCounts.requires_improvement,
      sifCounts.inadequate,
    ]);
    assert.match(await sif.locator('#framework-figures').innerText(), /under ILACS/);
    await sif.close();

    const page = await open('/national?asAt=2025-12-31', 'national-over-time-1280');
    assert.match(
      (await page.locator('#over-time ~ figure svg.app-chart[role=img]').getAttribute('aria-label')) ?? '',
      /at the end of each quarter/,
    );
    const rows = page.locator('#quarters-table tbody tr');
    assert.equal(await rows.count(), 48, 'every quarter from March 2014 to December 2025');
    for (const [index, quarterEnd] of [
      [0, '2025-12-31'],
      [20, '2020-12-31'],
      [47, '2014-03-31'],
    ] as const) {
      const row = rows.nth(index);
      const cells = (await row.locator('td').allInnerTexts()).map(leadingNumber);
      const counts = tally(
        register
          .filter((council) => existed(council, quarterEnd))
          .flatMap((council) => labelGrade(labels, council.urn, quarterEnd, 'overall') ?? []),
      );
      assert.deepEqual(
        cells,
        [
          counts.outstanding,
          counts.good,
          counts.requires_improvement,
          counts.inadequate,
          counts.outstanding + counts.good,
          counts.outstanding + counts.good + counts.requires_improvement + counts.inadequate,
        ],
        quarterEnd,
      );
    }
    await page.close();
  });

  test('compare: a council and its statistical neighbours side by side from its page, with grades, dates, trajectories and CSVs', async () => {
    const council = await open(`/councils/${DARLINGTON}`, 'council-compare-link-1280');
    await council.locator('#compare-link').click();
    assert.equal(new URL(council.url()).pathname, '/compare');
    const darlington = register.find((row) => row.urn === DARLINGTON);
    assert.ok(darlington);
    const group = [
      darlington,
      ...darlington.statistical_neighbours.split(' ').flatMap((code) => register.filter((row) => row.la_code === code)),
    ].slice(0, 6);
    const names = await council.locator('#compare-table tbody th a').allInnerTexts();
    assert.deepEqual(
      names,
      group.map((row) => row.name),
    );
    const today = new Date().toISOString().slice(0, 10);
    const overall = await council.locator('#compare-table tbody tr td:nth-child(2)').allInnerTexts();
    for (const [index, row] of group.entries()) {
      const held = labelGrade(labels, row.urn, today, 'overall');
      if (held === undefined) assert.match(overall[index] ?? '', /No graded inspection held/, row.name);
      else
        assert.match(
          overall[index] ?? '',
          new RegExp(`^${held === 'requires_improvement' ? 'Requires improvement' : held}`, 'i'),
          row.name,
        );
    }
    const historyRows = await council.locator('#compare-history-table tbody tr').count();
    assert.equal(
      historyRows,
      labels.filter(
        (row) => group.some((member) => member.urn === row.urn) && row.published <= today && row.kind !== 'lscb-review',
      ).length,
    );
    const csv = await council.request.get(
      `${pages.server.baseUrl}${await council.getByRole('link', { name: /^CSV of the grades and dates/ }).getAttribute('href')}`,
    );
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-disposition'] ?? '', /compare-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 1 + group.length);
    assert.match(
      lines[0] ?? '',
      /^urn,local_authority,region,overall_effectiveness_held,.*,trajectory,as_at,basis,source$/,
    );
    assert.ok(
      lines
        .slice(1)
        .every(
          (line) =>
            line.endsWith(
              ',Ofsted inspection reports, Crown copyright, reused under the Open Government Licence v3.0',
            ) ||
            line.endsWith(
              '"Ofsted inspection reports, Crown copyright, reused under the Open Government Licence v3.0"',
            ),
        ),
      lines[1],
    );
    await shootPhoneAndPrint(council, 'compare');
    await council.close();
    const wide = await open(
      `/compare?councils=${group.map((row) => row.urn).join(',')}&asAt=2019-01-01`,
      'compare-1280',
    );
    assert.match(await wide.locator('#page-scope').innerText(), /as at 1 January 2019/);
    assert.doesNotMatch(
      await wide.locator('#compare-history-table tbody').innerText(),
      /20(19|2\d)/,
      'nothing published after the date',
    );
    await wide.close();
    const tooMany = await fetch(`${pages.server.baseUrl}/compare?councils=1,2,3,4,5,6,7`);
    assert.equal(tooMany.status, 400);
    assert.match(await tooMany.text(), /Compare up to 6 councils at once; 7 were given/);
    assert.equal((await fetch(`${pages.server.baseUrl}/compare?councils=99999999`)).status, 404);
  });

  test('every table on /national and a council page downloads as CSV and XLSX with its date, basis and the OGL attribution', async () => {
    for (const [path, name, tables] of [
      // The national page's latest-inspections table has its own CSV and XLSX links (checked above);
      // its focused-visits table is not shown here, as the test store holds no letters.
      ['/national?asAt=2025-03-31&countedBy=inspected', 'national-downloads', 2],
      // The council page: its latest grades, history, places and neighbours (Darlington has no letters in the test store).
      [`/councils/${DARLINGTON}?asAt=2025-03-31`, 'council-downloads', 4],
    ] as const) {
      const page = await open(path, `${name}-1280`);
      const csvLinks = await page
        .locator('.app-downloads a', { hasText: 'CSV' })
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      const xlsxLinks = await page
        .locator('.app-downloads a', { hasText: 'XLSX' })
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      assert.equal(csvLinks.length, tables, `${name}: a CSV link per table`);
      if (name === 'national-downloads')
        xlsxLinks.push(
          (await page
            .getByRole('link', { name: /Excel \(XLSX\) of each council's latest graded inspection/ })
            .getAttribute('href')) ?? '',
        );
      assert.equal(xlsxLinks.length, name === 'national-downloads' ? tables + 1 : tables);
      for (const href of csvLinks) {
        const response = await page.request.get(`${pages.server.baseUrl}${href}`);
        assert.equal(response.status(), 200, href);
        const [header, first] = (await response.text()).split('\r\n');
        assert.match(header ?? '', /,as_at,basis,source$/, href);
        assert.match(first ?? '', /,2025-03-31,.*Open Government Licence v3\.0"?$/, href);
        if (name === 'national-downloads')
          assert.match(
            first ?? '',
            /carried out \(last day on site\) by the date/,
            'the basis in force is in the file',
          );
      }
      for (const href of xlsxLinks) {
        const response = await page.request.get(`${pages.server.baseUrl}${href}`);
        assert.equal(response.status(), 200, href);
        const sheets = await readWorkbook(await response.body());
        const cover =
          sheets[0]?.rows
            .flat()
            .filter((cell) => cell !== null)
            .join(' | ') ?? '';
        assert.match(cover, /As at \| 2025-03-31/, href);
        assert.match(cover, /Basis \| each council's latest graded inspection/, href);
        assert.match(cover, /Crown copyright, reused under the Open Government Licence v3\.0/, href);
        assert.ok((sheets[1]?.rows.length ?? 0) >= 1, href);
      }
      await page.close();
    }
  });

  test('the API gives either basis (countedBy), published by default', async () => {
    const get = async (query: string) =>
      (await (
        await fetch(`${pages.server.baseUrl}/api/v1/stats/national?asAt=2025-03-31&area=overall${query}`)
      ).json()) as {
        countedBy: string;
        distributions: { counts: Record<string, number>; included: number }[];
      };
    const inspected = await get('&countedBy=inspected');
    const published = await get('');
    assert.equal(inspected.countedBy, 'inspected');
    assert.equal(published.countedBy, 'published');
    const values = (body: typeof inspected) => {
      const d = body.distributions[0];
      assert.ok(d);
      return [
        d.counts.outstanding,
        d.counts.good,
        d.counts.requires_improvement,
        d.counts.inadequate,
        (d.counts.outstanding ?? 0) + (d.counts.good ?? 0),
        d.included,
      ];
    };
    assert.deepEqual(values(inspected), expected('2025-03-31', 'inspected'));
    assert.deepEqual(values(published), expected('2025-03-31', 'published'));
    const bad = await fetch(`${pages.server.baseUrl}/api/v1/stats/national?countedBy=visited`);
    assert.equal(bad.status, 400);
  });

  test('a council whose latest inspection (ILACS-2026) gives no overall grade holds its previous one everywhere (Lancashire)', async () => {
    const previous = labels
      .filter((row) => row.urn === LANCASHIRE && row.overall !== '')
      .sort((a, b) => (a.published < b.published ? -1 : 1))
      .at(-1);
    assert.ok(previous, "Lancashire's graded reports are labelled");
    const grade = previous.overall;
    const asAt = '2026-11-30';

    const page = await open(`/councils/${DARLINGTON}?asAt=${asAt}`, 'council-neighbour-ilacs-2026-1280');
    const row = page
      .locator('table', { hasText: 'Statistical neighbours, nearest first' })
      .locator('tr', { hasText: 'Lancashire' });
    const text = await row.innerText();
    assert.doesNotMatch(text, /No graded inspection held/);
    assert.match(text, new RegExp(grade === 'requires_improvement' ? 'Requires improvement' : grade, 'i'));
    assert.match(text, /from the inspection published 26 January 2023; the latest gives no overall grade/);
    await page.close();

    const own = await open(`/councils/${LANCASHIRE}?asAt=${asAt}`, 'council-ilacs-2026-1280');
    assert.match(
      await own.locator('#overall-held').innerText(),
      /gives no overall effectiveness judgement\. The council's overall effectiveness stays good, from the inspection published 26 January 2023/,
    );
    await own.close();

    const national = await open(`/national?asAt=${asAt}&overall=${grade}&name=Lancashire`, 'national-ilacs-2026-1280');
    const lancashire = await national.locator('#latest-table tbody tr', { hasText: 'Lancashire' }).innerText();
    assert.match(lancashire, /from 26 Jan 2023/);
    await national.close();

    const detail = (await (await fetch(`${pages.server.baseUrl}/api/v1/councils/${LANCASHIRE}`)).json()) as {
      overall: { grade: string; fromEarlierInspection: boolean; published: string };
      latestInspection: { judgements: Record<string, string> };
    };
    assert.deepEqual(
      [detail.overall.grade, detail.overall.fromEarlierInspection, detail.overall.published],
      [grade, true, previous.published],
    );
    assert.equal(
      detail.latestInspection.judgements.overall,
      undefined,
      'the latest inspection itself has no overall judgement',
    );
    const comparisons = (await (
      await fetch(`${pages.server.baseUrl}/api/v1/councils/${DARLINGTON}/comparisons?asAt=${asAt}`)
    ).json()) as {
      neighbours: { urn: string; overall: string | null; overallFrom: { fromEarlierInspection: boolean } | null }[];
    };
    const peer = comparisons.neighbours.find((neighbour) => neighbour.urn === LANCASHIRE);
    assert.deepEqual([peer?.overall, peer?.overallFrom?.fromEarlierInspection], [grade, true]);
    const latest = (await (
      await fetch(`${pages.server.baseUrl}/api/v1/stats/latest-inspections?asAt=${asAt}&overall=${grade}`)
    ).json()) as { inspections: { urn: string; overall: { grade: string } | null }[] };
    assert.equal(
      latest.inspections.find((inspection) => inspection.urn === LANCASHIRE)?.overall?.grade,
      grade,
      'the overall filter finds it by the grade it holds',
    );
  });
});
