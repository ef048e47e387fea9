import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CouncilFacts, InspectionFacts } from './facts.ts';
import { councilExistedOn, gradeHeld, percentagesOf } from './grade-at-date.ts';
import { distributionByQuarter, quarterEnds } from './distribution-over-time.ts';
import { latestInspections } from './latest-inspections.ts';
import { nationalDistribution } from './national-distribution.ts';

const council = (urn: string, extra: Partial<CouncilFacts> = {}): CouncilFacts => ({
  urn,
  name: `Council ${urn}`,
  laCode: urn.slice(-3),
  regionName: 'North West',
  statisticalNeighbours: [],
  establishedOn: null,
  abolishedOn: null,
  ...extra,
});

let nextId = 1;
const inspection = (
  urn: string,
  published: string,
  judgements: InspectionFacts['judgements'],
  extra: Partial<InspectionFacts> = {},
): InspectionFacts => ({
  id: nextId++,
  urn,
  published,
  framework: 'ILACS',
  version: 'ILACS-2018',
  kind: 'ilacs-standard',
  inspectionStart: published,
  inspectionEnd: published,
  judgements,
  ...extra,
});

test('a council exists from its first day and no longer on the day it is abolished', () => {
  const reorganised = council('1', { establishedOn: '2021-04-01', abolishedOn: '2023-04-01' });
  assert.equal(councilExistedOn(reorganised, '2021-03-31'), false);
  assert.equal(councilExistedOn(reorganised, '2021-04-01'), true);
  assert.equal(councilExistedOn(reorganised, '2023-03-31'), true);
  assert.equal(councilExistedOn(reorganised, '2023-04-01'), false);
});

test('the grade held is from the latest inspection published by the date, counting the publication day', () => {
  const history = [
    inspection('1', '2016-05-01', { overall: 'inadequate' }),
    inspection('1', '2019-07-01', { overall: 'good' }),
  ];
  assert.equal(gradeHeld(history, { asAt: '2019-06-30', area: 'overall' })?.grade, 'inadequate');
  assert.equal(gradeHeld(history, { asAt: '2019-07-01', area: 'overall' })?.grade, 'good');
  assert.equal(gradeHeld(history, { asAt: '2016-04-30', area: 'overall' }), undefined);
  assert.equal(gradeHeld(history, { asAt: '2020-01-01', area: 'overall', basis: 'first' })?.grade, 'inadequate');
});

test('an inspection that did not judge the area is passed over for the last one that did', () => {
  const history = [
    inspection('1', '2022-01-01', { overall: 'good', careLeavers: 'good' }, { version: 'ILACS-2023' }),
    inspection('1', '2026-06-01', { careLeavers: 'outstanding' }, { version: 'ILACS-2026' }),
  ];
  assert.equal(gradeHeld(history, { asAt: '2026-12-31', area: 'overall' })?.grade, 'good');
  assert.equal(gradeHeld(history, { asAt: '2026-12-31', area: 'careLeavers' })?.grade, 'outstanding');
});

test('on the inspected basis an inspection counts from the last day on site, its report published before or after the date', () => {
  const history = [
    inspection(
      '1',
      '2022-05-01',
      { overall: 'requires_improvement' },
      { inspectionStart: '2022-03-07', inspectionEnd: '2022-03-18' },
    ),
    inspection(
      '1',
      '2025-05-09',
      { overall: 'outstanding' },
      { inspectionStart: '2025-03-17', inspectionEnd: '2025-03-21' },
    ),
    inspection('1', '2025-06-20', { overall: 'good' }, { inspectionStart: '2025-03-31', inspectionEnd: '2025-04-04' }),
  ];
  assert.equal(gradeHeld(history, { asAt: '2025-03-31', area: 'overall' })?.grade, 'requires_improvement');
  assert.equal(
    gradeHeld(history, { asAt: '2025-03-31', area: 'overall', countedBy: 'inspected' })?.grade,
    'outstanding',
  );
  assert.equal(
    gradeHeld(history, { asAt: '2025-03-20', area: 'overall', countedBy: 'inspected' })?.grade,
    'requires_improvement',
  );
  assert.equal(gradeHeld(history, { asAt: '2025-04-04', area: 'overall', countedBy: 'inspected' })?.grade, 'good');
  assert.equal(gradeHeld(history, { asAt: '2022-03-17', area: 'overall', countedBy: 'inspected' }), undefined);
});

test('latest inspections on the inspected basis take the last one carried out by the date', () => {
  const councils = [council('1'), council('2')];
  const inspections = [
    inspection('1', '2022-05-01', { overall: 'requires_improvement' }, { inspectionEnd: '2022-03-18' }),
    inspection('1', '2025-05-09', { overall: 'outstanding' }, { inspectionEnd: '2025-03-21' }),
    inspection('2', '2025-06-01', { overall: 'good' }, { inspectionEnd: '2025-04-25' }),
  ];
  const overalls = (rows: ReturnType<typeof latestInspections>) =>
    rows.map((row) => row.inspection?.judgements.overall ?? null);
  assert.deepEqual(overalls(latestInspections(councils, inspections, '2025-03-31')), ['requires_improvement', null]);
  assert.deepEqual(overalls(latestInspections(councils, inspections, '2025-03-31', 'inspected')), [
    'outstanding',
    null,
  ]);
  const distribution = nationalDistribution(councils, inspections, {
    asAt: '2025-03-31',
    area: 'overall',
    countedBy: 'inspected',
  });
  assert.deepEqual(
    [distribution.countedBy, distribution.counts.outstanding, distribution.missing],
    ['inspected', 1, ['2']],
  );
});

test('the framework filter keeps only that framework’s inspections', () => {
  const history = [
    inspection('1', '2015-01-01', { overall: 'inadequate' }, { framework: 'SIF', version: 'SIF', kind: 'sif' }),
    inspection('1', '2019-01-01', { overall: 'good' }),
  ];
  assert.equal(gradeHeld(history, { asAt: '2020-01-01', area: 'overall', framework: 'SIF' })?.grade, 'inadequate');
  assert.equal(gradeHeld(history, { asAt: '2020-01-01', area: 'overall', framework: 'ILACS' })?.grade, 'good');
});

test('percentages are of the councils included, to one decimal place, and 0 when none are', () => {
  assert.deepEqual(percentagesOf({ outstanding: 1, good: 1, requires_improvement: 1, inadequate: 0 }), {
    outstanding: 33.3,
    good: 33.3,
    requires_improvement: 33.3,
    inadequate: 0,
  });
  assert.deepEqual(percentagesOf({ outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0 }), {
    outstanding: 0,
    good: 0,
    requires_improvement: 0,
    inadequate: 0,
  });
});

test('the national distribution counts councils that existed at the date and lists the missing ones', () => {
  const councils = [
    council('1'),
    council('2'),
    council('3', { abolishedOn: '2020-04-01' }),
    council('4', { establishedOn: '2021-04-01' }),
  ];
  const inspections = [
    inspection('1', '2019-01-01', { overall: 'good' }),
    inspection('3', '2019-01-01', { overall: 'inadequate' }),
  ];
  assert.deepEqual(nationalDistribution(councils, inspections, { asAt: '2020-01-01', area: 'overall' }), {
    asAt: '2020-01-01',
    framework: null,
    area: 'overall',
    basis: 'latest',
    countedBy: 'published',
    included: 2,
    missing: ['2'],
    counts: { outstanding: 0, good: 1, requires_improvement: 0, inadequate: 1 },
    percentages: { outstanding: 0, good: 50, requires_improvement: 0, inadequate: 50 },
  });
  const later = nationalDistribution(councils, inspections, { asAt: '2021-06-01', area: 'overall' });
  assert.deepEqual([later.included, later.missing], [1, ['2', '4']]);
});

test('quarter ends run from the quarter of the first date to the last ending by the second', () => {
  assert.deepEqual(quarterEnds('2014-01-01', '2014-12-30'), ['2014-03-31', '2014-06-30', '2014-09-30']);
  assert.deepEqual(quarterEnds('2014-05-01', '2015-03-31'), ['2014-06-30', '2014-09-30', '2014-12-31', '2015-03-31']);
  assert.deepEqual(quarterEnds('2014-01-01', '2014-03-30'), []);
  const councils = [council('1')];
  const series = distributionByQuarter(councils, [inspection('1', '2014-05-01', { overall: 'good' })], '2014-01-01', {
    asAt: '2014-09-30',
    area: 'overall',
  });
  assert.deepEqual(
    series.map((point) => [point.asAt, point.counts.good]),
    [
      ['2014-03-31', 0],
      ['2014-06-30', 1],
      ['2014-09-30', 1],
    ],
  );
});
