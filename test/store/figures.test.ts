/**
 * The national, regional and statistical-neighbour figures, from the whole labelled corpus imported
 * as built fixtures, checked against figures computed here independently from labels.csv and the
 * register CSV.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { GRADES, JUDGEMENT_AREA_COLUMNS, JUDGEMENT_AREAS, type Framework, type JudgementArea } from '../../src/domain/index.ts';
import { corpusMissing, readLabels, type LabelRow } from '../helpers/corpus.ts';
import { createTestServices, TEST_DIALECTS } from './dialects.ts';
import { buildFixtureFolder, fixtureExtractor, isGradedLabelRow } from './label-fixtures.ts';

interface RegisterRow {
  urn: string;
  la_code: string;
  name: string;
  region_name: string;
  statistical_neighbours: string;
  established_on: string;
  abolished_on: string;
}

const register = parse(readFileSync(new URL('../../data/local-authorities.csv', import.meta.url)), { columns: true }) as RegisterRow[];
const labels = corpusMissing ? [] : readLabels().filter(isGradedLabelRow);
const RANK: Record<string, number> = { outstanding: 4, good: 3, requires_improvement: 2, inadequate: 1 };

const existed = (row: RegisterRow, date: string) => (row.established_on === '' || row.established_on <= date) && (row.abolished_on === '' || row.abolished_on > date);

function labelGrade(urn: string, date: string, area: JudgementArea, framework?: Framework, basis: 'latest' | 'first' = 'latest'): string | undefined {
  const column = JUDGEMENT_AREA_COLUMNS[area] as keyof LabelRow;
  const rows = labels
    .filter((row) => row.urn === urn && row.published <= date && row[column] !== '' && (framework === undefined || row.framework === framework))
    .sort((a, b) => (a.published < b.published ? -1 : 1));
  const chosen = basis === 'first' ? rows[0] : rows[rows.length - 1];
  return chosen?.[column];
}

function tally(grades: string[]) {
  const counts = { outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0 };
  for (const grade of grades) counts[grade as keyof typeof counts]++;
  return counts;
}

function expectedGroup(council: RegisterRow, members: RegisterRow[], date: string, area: JudgementArea) {
  const group = [council, ...members.filter((member) => member.urn !== council.urn && existed(member, date))];
  const grades = group.flatMap((member) => labelGrade(member.urn, date, area) ?? []);
  const own = labelGrade(council.urn, date, area);
  return {
    la: { urn: council.urn, name: council.name },
    region: council.region_name,
    asAt: date,
    area,
    grade: own ?? null,
    included: grades.length,
    counts: tally(grades),
    sameOrBetter: own === undefined ? null : grades.filter((grade) => (RANK[grade] ?? 0) >= (RANK[own] ?? 0)).length,
    rank: own === undefined ? null : 1 + grades.filter((grade) => (RANK[grade] ?? 0) > (RANK[own] ?? 0)).length,
  };
}

const DATES = ['2014-06-30', '2017-01-01', '2019-12-31', '2023-09-01', '2026-11-23'];

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
            for (const basis of ['latest', 'first'] as const) {
              const existing = register.filter((row) => existed(row, asAt));
              const graded = existing.map((row) => [row.urn, labelGrade(row.urn, asAt, area, framework, basis)] as const);
              const grades = graded.flatMap(([, grade]) => grade ?? []);
              const counts = tally(grades);
              const actual = await services.stats.national({ asAt, area, basis, ...(framework ? { framework } : {}) });
              const context = `${asAt} ${area} ${framework ?? 'any'} ${basis}`;
              assert.equal(actual.included, grades.length, context);
              assert.deepEqual(actual.counts, counts, context);
              assert.deepEqual(actual.missing, graded.filter(([, grade]) => grade === undefined).map(([urn]) => urn).sort(), context);
              for (const grade of GRADES) assert.equal(actual.percentages[grade], grades.length === 0 ? 0 : Math.round((1000 * counts[grade]) / grades.length) / 10, context);
              checked++;
            }
          }
        }
      }
      assert.equal(checked, DATES.length * JUDGEMENT_AREAS.length * 6);
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
          assert.deepEqual(await services.stats.region(council.urn, { asAt, area: 'overall' }), expectedGroup(council, region, asAt, 'overall'), `${council.name} region ${asAt}`);
          const neighbours = council.statistical_neighbours.split(' ').filter(Boolean).flatMap((code) => byCode.get(code) ?? []);
          assert.deepEqual(await services.stats.neighbours(council.urn, { asAt, area: 'overall' }), expectedGroup(council, neighbours, asAt, 'overall'), `${council.name} neighbours ${asAt}`);
        }
      }
    });

    test('each council history lists its labelled reports in published order with the changes between them', async () => {
      for (const urn of new Set(labels.map((row) => row.urn))) {
        const history = await services.inspections.historyOf(urn);
        const expected = labels.filter((row) => row.urn === urn).sort((a, b) => (a.published < b.published ? -1 : 1));
        assert.deepEqual(history.entries.map((entry) => entry.inspection.published), expected.map((row) => row.published));
        let previous: string | undefined;
        for (const [index, row] of expected.entries()) {
          const change = history.entries[index]?.changes.overall;
          if (row.overall === '') continue;
          if (previous === undefined) assert.equal(change, undefined);
          else {
            const direction = (RANK[row.overall] ?? 0) > (RANK[previous] ?? 0) ? 'improved' : (RANK[row.overall] ?? 0) < (RANK[previous] ?? 0) ? 'declined' : 'unchanged';
            assert.deepEqual([change?.from, change?.to, change?.direction], [previous, row.overall, direction]);
          }
          previous = row.overall;
        }
      }
    });
  });
}
