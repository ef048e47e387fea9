import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectionDeadlines } from './read-model.service.ts';

test("an inspection's statutory deadlines, each passed or not on the date (Derby, published 13 June 2017)", () => {
  const sif = { kind: 'sif' as const, published: '2017-06-13' };
  const plan = (asAt: string) =>
    inspectionDeadlines(sif, asAt).find((deadline) => deadline.id === 'written-statement-of-action');
  assert.equal(plan('2026-12-01')?.due, '2017-09-20');
  assert.equal(plan('2026-12-01')?.workingDays, 70);
  assert.match(plan('2026-12-01')?.legalBasis.citation ?? '', /s\.137/);
  assert.equal(plan('2017-09-20')?.status, 'running', 'due today: not yet passed');
  assert.equal(plan('2017-09-21')?.status, 'passed');
  const publication = inspectionDeadlines(sif, '2017-06-14').find(
    (deadline) => deadline.id === 'council-publishes-report',
  );
  assert.equal(publication?.workingDays, 30);
  assert.equal(publication?.status, 'running');
});

test('a standalone LSCB review sets the council no deadline', () => {
  assert.deepEqual(inspectionDeadlines({ kind: 'lscb-review', published: '2016-03-01' }, '2026-12-01'), []);
});

test('a letter with areas for priority action sets the draft and final action plans from its date; one without sets none', () => {
  const letter = {
    letterDate: '2021-12-20',
    published: '2022-01-10',
    priorityActions: ['Strategic oversight of the front door.'],
  };
  const [draft, final] = inspectionDeadlines({ kind: 'focused-visit', published: '2022-01-10', letter }, '2022-01-20');
  assert.equal(draft?.from, 'letter');
  assert.equal(draft?.anchor, '2021-12-20');
  assert.equal(draft?.workingDays, 20);
  assert.equal(final?.workingDays, 70);
  assert.equal(draft?.due, '2022-01-20');
  assert.equal(draft?.status, 'running', 'due on the day asked about: not yet passed');
  assert.equal(
    inspectionDeadlines({ kind: 'focused-visit', published: '2022-01-10', letter }, '2022-01-21')[0]?.status,
    'passed',
  );
  assert.deepEqual(
    inspectionDeadlines(
      { kind: 'focused-visit', published: '2022-01-10', letter: { ...letter, priorityActions: [] } },
      '2022-01-20',
    ),
    [],
  );
  // A letter printed with a date after its listing counts as received when listed.
  const late = inspectionDeadlines(
    { kind: 'focused-visit', published: '2022-01-10', letter: { ...letter, letterDate: '2022-02-01' } },
    '2022-01-20',
  );
  assert.equal(late[0]?.anchor, '2022-01-10');
});
