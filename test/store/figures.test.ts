/**
 * The national, regional and statistical-neighbour figures, from the whole labelled corpus imported
 * as built fixtures, checked against figures computed here independently from labels.csv and the
 * register CSV.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GRADES, JUDGEMENT_AREAS } from '../../src/domain/index.ts';
import { corpusMissing, readLabels } from '../helpers/corpus.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';
import { buildFixtureFolder, fixtureExtractor, isGradedLabelRow } from '../helpers/label-fixtures.ts';
import { existed, expectedGroup, labelGrade, RANK, register, tally } from '../helpers/label-figures.ts';

const labels = corpusMissing ? [] : readLabels().filter(isGradedLabelRow);

/**
 * Ofsted's official statistics, "Local authority inspection outcomes as at 31 March 2025": the overall
 * effectiveness of all 153 councils, each by its latest inspection carried out by the date. An input
 * the corpus's figure is checked against, never a result the code gives.
 */
const OFSTED_AT_31_MARCH_2025: Readonly<Record<(typeof GRADES)[number], number>> = {
  outstanding: 36,
  good: 67,
  requires_improvement: 31,
  inadequate: 19,
};

const DATES = ['2014-06-30', '2017-01-01', '2019-12-31', '2023-09-01', '2025-03-31', '2026-11-23'];

for (const dialect of TEST_DIALECTS) {
  describe(`figures from the labelled corpus on ${dialect}`, { skip: corpusMissing }, () => {
    let services: Awaited<ReturnType<typeof createTestServices>>;
    before(async () => {
      const folder = buildFixtureFolder(labels);
      services = await createTestServices(dialect, { importer: { extract: fixtureExtractor(folder.reports) } });
      const summary = await services.imports.importReports([folder.dir]);
      assert.equal(summary.imported, labels.length);
    });
    after(async () => {
      await services?.done();
    });

    test('national distributions at many dates, areas, frameworks and bases match the labels', async () => {
      let checked = 0;
      for (const asAt of DATES) {
        for (const area of JUDGEMENT_AREAS) {
          for (const framework of [undefined, 'SIF', 'ILACS'] as const) {
            for (const [basis, countedBy] of [
              ['latest', 'published'],
              ['first', 'published'],
              ['latest', 'inspected'],
            ] as const) {
              const existing = register.filter((row) => existed(row, asAt));
              const graded = existing.map(
                (row) => [row.urn, labelGrade(labels, row.urn, asAt, area, framework, basis, countedBy)] as const,
              );
              const grades = graded.flatMap(([, grade]) => grade ?? []);
              const counts = tally(grades);
              const actual = await services.stats.national({
                asAt,
                area,
                basis,
                countedBy,
                ...(framework ? { framework } : {}),
              });
              const context = `${asAt} ${area} ${framework ?? 'any'} ${basis} ${countedBy}`;
              assert.equal(actual.included, grades.length, context);
              assert.deepEqual(actual.counts, counts, context);
              assert.deepEqual(
                actual.missing,
                graded
                  .filter(([, grade]) => grade === undefined)
                  .map(([urn]) => urn)
                  .sort(),
                context,
              );
              for (const grade of GRADES)
                assert.equal(
                  actual.percentages[grade],
                  grades.length === 0 ? 0 : Math.round((1000 * counts[grade]) / grades.length) / 10,
                  context,
                );
              checked++;
            }
          }
        }
      }
      assert.equal(checked, DATES.length * JUDGEMENT_AREAS.length * 9);
    });

    test("Ofsted's basis at 31 March 2025: the latest inspection carried out by then, reports published later included", async () => {
      const asAt = '2025-03-31';
      const existing = register.filter((row) => existed(row, asAt));
      const expected = tally(
        existing.flatMap((row) => labelGrade(labels, row.urn, asAt, 'overall', undefined, 'latest', 'inspected') ?? []),
      );
      const inspected = await services.stats.national({ asAt, area: 'overall', countedBy: 'inspected' });
      const published = await services.stats.national({ asAt, area: 'overall' });
      assert.deepEqual(inspected.counts, expected);
      assert.equal(inspected.countedBy, 'inspected');
      // Ofsted's published figures for all 153 councils are 36, 67, 31, 19. The corpus holds reports
      // of 113 of them (labels.csv), so these are the figures it must give: the 113 councils' grades.
      assert.equal(existing.length, 153);
      assert.deepEqual([inspected.included, inspected.missing.length], [113, 40]);
      assert.deepEqual(inspected.counts, { outstanding: 27, good: 48, requires_improvement: 21, inadequate: 17 });
      // Eight councils on site by then had their reports published in April-July 2025; five of those
      // changed grade (Dorset and Durham good to outstanding, York requires improvement to outstanding,
      // Blackburn with Darwen and Surrey requires improvement to good), so the publication basis differs.
      assert.deepEqual(published.counts, { outstanding: 24, good: 48, requires_improvement: 24, inadequate: 17 });
    });

    test("Ofsted's published figure at 31 March 2025 against the corpus's: the councils the corpus lacks are what separates them", async () => {
      const asAt = '2025-03-31';
      const existing = register.filter((row) => existed(row, asAt));
      const corpus = await services.stats.national({ asAt, area: 'overall', countedBy: 'inspected' });
      // Each council in the corpus is counted by its latest labelled inspection on site by the date,
      // whenever its report was published: the store's row for it is that inspection, with its grade.
      const picture = await services.readModel.nationalPicture(asAt, { countedBy: 'inspected' });
      const counted = new Map(picture.latest.map((row) => [row.urn, row]));
      let publishedAfter = 0;
      for (const council of existing) {
        const onSite = labels
          .filter((row) => row.urn === council.urn && row.overall !== '' && row.inspection_end <= asAt)
          .sort((a, b) => (a.inspection_end < b.inspection_end ? -1 : a.inspection_end > b.inspection_end ? 1 : 0));
        const latest = onSite.at(-1);
        const row = counted.get(council.urn);
        if (!latest) {
          assert.equal(row?.overall ?? null, null, `${council.name} has no inspection on site by ${asAt}`);
          continue;
        }
        assert.ok(row?.overall, `${council.name} is counted`);
        assert.deepEqual(
          [row.overall.grade, row.overall.inspectionEnd, row.overall.published],
          [latest.overall, latest.inspection_end, latest.published],
          `${council.name}: counted by its latest inspection on site by ${asAt}`,
        );
        if (latest.published > asAt) publishedAfter++;
      }
      assert.ok(publishedAfter > 0, 'some councils are counted by a report published after the date');
      // The councils left out are exactly those the corpus holds no report of at all.
      const inCorpus = new Set(labels.map((row) => row.urn));
      assert.deepEqual(
        corpus.missing,
        existing
          .filter((row) => !inCorpus.has(row.urn))
          .map((row) => row.urn)
          .sort(),
      );
      // Ofsted's figure less the corpus's leaves, in every grade, a number no smaller than nought, and
      // the gaps add up to the councils the corpus lacks: their reports would close it, if each of them
      // held the grade the gap leaves (which only their reports can show).
      const gap = GRADES.map((grade) => OFSTED_AT_31_MARCH_2025[grade] - corpus.counts[grade]);
      assert.ok(
        gap.every((count) => count >= 0),
        `Ofsted's figure is at least the corpus's in every grade (${gap.join(', ')})`,
      );
      assert.equal(
        gap.reduce((sum, count) => sum + count, 0),
        corpus.missing.length,
      );
      assert.equal(
        Object.values(OFSTED_AT_31_MARCH_2025).reduce((sum, count) => sum + count, 0),
        existing.length,
        "Ofsted's figure covers every council that existed on the date",
      );
    });

    test('the overall picture today, in figures', async () => {
      const today = await services.stats.national({ asAt: '2026-11-23', area: 'overall' });
      const existing = register.filter((row) => existed(row, '2026-11-23'));
      assert.equal(today.included + today.missing.length, existing.length);
      assert.equal(today.included, new Set(labels.filter((row) => row.overall !== '').map((row) => row.urn)).size);
    });

    test("every corpus council's place in its region and among its neighbours matches the labels", async () => {
      const councils = register.filter((row) => labels.some((label) => label.urn === row.urn));
      const byCode = new Map(register.map((row) => [row.la_code, row]));
      for (const asAt of ['2017-06-30', '2026-11-23']) {
        for (const council of councils) {
          const region = register.filter((row) => row.region_name === council.region_name);
          assert.deepEqual(
            await services.stats.region(council.urn, { asAt, area: 'overall' }),
            expectedGroup(labels, council, region, asAt, 'overall'),
            `${council.name} region ${asAt}`,
          );
          const neighbours = council.statistical_neighbours
            .split(' ')
            .filter(Boolean)
            .flatMap((code) => byCode.get(code) ?? []);
          assert.deepEqual(
            await services.stats.neighbours(council.urn, { asAt, area: 'overall' }),
            expectedGroup(labels, council, neighbours, asAt, 'overall'),
            `${council.name} neighbours ${asAt}`,
          );
        }
      }
    });

    test('each council history lists its labelled reports in published order with the changes between them', async () => {
      for (const urn of new Set(labels.map((row) => row.urn))) {
        const history = await services.inspections.historyOf(urn);
        const expected = labels.filter((row) => row.urn === urn).sort((a, b) => (a.published < b.published ? -1 : 1));
        assert.deepEqual(
          history.entries.map((entry) => entry.inspection.published),
          expected.map((row) => row.published),
        );
        let previous: string | undefined;
        for (const [index, row] of expected.entries()) {
          const change = history.entries[index]?.changes.overall;
          if (row.overall === '') continue;
          if (previous === undefined) assert.equal(change, undefined);
          else {
            const direction =
              (RANK[row.overall] ?? 0) > (RANK[previous] ?? 0)
                ? 'improved'
                : (RANK[row.overall] ?? 0) < (RANK[previous] ?? 0)
                  ? 'declined'
                  : 'unchanged';
            assert.deepEqual([change?.from, change?.to, change?.direction], [previous, row.overall, direction]);
          }
          previous = row.overall;
        }
      }
    });
  });
}
