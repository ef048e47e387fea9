import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectionDeadlines } from './read-model.service.ts';

test("an inspection's statutory deadlines, each passed or not on the date (Derby, published 13 June 2017)", () => {
  const sif = { kind: 'sif' as const, published: '2017-06-13' };
  const plan = (asAt: string) => inspectionDeadlines(sif, asAt).find((deadline) => deadline.id === 'written-statement-of-action');
  assert.equal(plan('2026-12-01')?.due, '2017-09-20');
  assert.equal(plan('2026-12-01')?.workingDays, 70);
  assert.match(plan('2026-12-01')?.legalBasis.citation ?? '', /s\.137/);
  assert.equal(plan('2017-09-20')?.status, 'running', 'due today: not yet passed');
  assert.equal(plan('2017-09-21')?.status, 'passed');
  const publication = inspectionDeadlines(sif, '2017-06-14').find((deadline) => deadline.id === 'council-publishes-report');
  assert.equal(publication?.workingDays, 30);
  assert.equal(publication?.status, 'running');
});

test('a standalone LSCB review sets the council no deadline', () => {
  assert.deepEqual(inspectionDeadlines({ kind: 'lscb-review', published: '2016-03-01' }, '2026-12-01'), []);
});
