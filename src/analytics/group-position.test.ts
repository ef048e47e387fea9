import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Grade } from '../domain/index.ts';
import type { CouncilFacts, InspectionFacts } from './facts.ts';
import { neighbourPosition, regionPosition } from './group-position.ts';
import { inspectionHistory } from './inspection-history.ts';

const council = (code: string, region: string, neighbours: string[] = []): CouncilFacts => ({
  urn: `8${code}`,
  name: `Council ${code}`,
  laCode: code,
  regionName: region,
  statisticalNeighbours: neighbours,
  establishedOn: null,
  abolishedOn: null,
});
const graded = (urn: string, overall: Grade, published = '2020-01-01', id = Number(urn)): InspectionFacts => ({
  id,
  urn,
  published,
  framework: 'ILACS',
  version: 'ILACS-2018',
  kind: 'ilacs-standard',
  inspectionStart: published,
  inspectionEnd: published,
  judgements: { overall },
});

const councils = [
  council('101', 'North'),
  council('102', 'North'),
  council('103', 'North'),
  council('104', 'North'),
  council('105', 'South', ['101', '103']),
];
const inspections = [
  graded('8101', 'outstanding'),
  graded('8102', 'good'),
  graded('8103', 'good'),
  graded('8105', 'requires_improvement'),
];

test('place in the region: tied councils share a place, and the same-or-better count includes the council', () => {
  const position = regionPosition(councils[2] as CouncilFacts, councils, inspections, {
    asAt: '2021-01-01',
    area: 'overall',
  });
  assert.deepEqual(position, {
    la: { urn: '8103', name: 'Council 103' },
    region: 'North',
    asAt: '2021-01-01',
    area: 'overall',
    grade: 'good',
    included: 3,
    counts: { outstanding: 1, good: 2, requires_improvement: 0, inadequate: 0 },
    sameOrBetter: 3,
    rank: 2,
  });
});

test('a council with no grade yet has no place', () => {
  const position = regionPosition(councils[3] as CouncilFacts, councils, inspections, {
    asAt: '2021-01-01',
    area: 'overall',
  });
  assert.deepEqual([position.grade, position.sameOrBetter, position.rank, position.included], [null, null, null, 3]);
});

test('place among the statistical neighbours counts the council with them', () => {
  const position = neighbourPosition(councils[4] as CouncilFacts, councils, inspections, {
    asAt: '2021-01-01',
    area: 'overall',
  });
  assert.deepEqual([position.included, position.sameOrBetter, position.rank, position.region], [3, 3, 3, 'South']);
});

test('history: each grade compared with the last earlier grade in the same area', () => {
  const entries = inspectionHistory([
    graded('1', 'good', '2022-01-01', 2),
    graded('1', 'inadequate', '2016-01-01', 1),
    graded('1', 'good', '2025-01-01', 3),
  ]);
  assert.deepEqual(
    entries.map((entry) => entry.inspection.id),
    [1, 2, 3],
  );
  assert.deepEqual(entries[0]?.changes, {});
  assert.deepEqual(entries[1]?.changes.overall, {
    from: 'inadequate',
    to: 'good',
    direction: 'improved',
    sinceInspectionId: 1,
  });
  assert.equal(entries[2]?.changes.overall?.direction, 'unchanged');
});
