import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deadlinesAfterPriorityActionLetter, deadlinesAfterPublication } from './deadlines.ts';

const due = (deadlines: { id: string; due: string }[], id: string) =>
  deadlines.find((deadline) => deadline.id === id)?.due;

describe('deadlines after publication', () => {
  test('Derby, published 13 June 2017: action plan due 20 September 2017', () => {
    assert.equal(due(deadlinesAfterPublication('2017-06-13'), 'written-statement-of-action'), '2017-09-20');
  });
  test('Blackburn with Darwen, published 8 December 2017: action plan due 21 March 2018', () => {
    assert.equal(due(deadlinesAfterPublication('2017-12-08'), 'written-statement-of-action'), '2018-03-21');
  });
  test('the council publishes the report within 30 working days of receipt (receipt = publication unless given)', () => {
    const deadlines = deadlinesAfterPublication('2026-05-18');
    assert.equal(due(deadlines, 'council-publishes-report'), '2026-06-30');
    assert.match(
      deadlines.find((deadline) => deadline.id === 'council-publishes-report')!.note!,
      /receipt is taken as the publication date/,
    );
    const withReceipt = deadlinesAfterPublication('2026-05-18', { received: '2026-05-14' });
    // counted by hand from Friday 15 May 2026: 25 May is the only holiday in range, so day 30 is Friday 26 June
    assert.equal(due(withReceipt, 'council-publishes-report'), '2026-06-26');
    assert.equal(due(withReceipt, 'written-statement-of-action'), '2026-08-25');
  });
  test('each deadline names its legal basis in words and data, earliest first', () => {
    const deadlines = deadlinesAfterPublication('2017-06-13');
    assert.deepEqual(
      deadlines.map((deadline) => deadline.id),
      ['council-publishes-report', 'written-statement-of-action'],
    );
    const plan = deadlines[1]!;
    assert.equal(plan.workingDays, 70);
    assert.match(plan.legalBasis.citation, /SI 2007\/462 reg 3/);
    assert.match(plan.legalBasis.requirement, /70 working days/);
    assert.equal(plan.legalBasis.evidence.nature, 'rule');
    assert.deepEqual(deadlines[0]!.legalBasis.evidence.tags, ['OFF']);
  });
  test('an impossible date is refused', () => {
    assert.throws(() => deadlinesAfterPublication('2017-02-30'), {
      name: 'ValidationError',
      message: /does not exist/,
    });
    assert.throws(() => deadlinesAfterPublication('2017-06-13', { received: '2017-13-01' }), /date of receipt/);
  });
});

describe('deadlines after a focused visit with areas for priority action', () => {
  test('draft within 20 and final within 70 working days of the letter', () => {
    const [draft, final] = deadlinesAfterPriorityActionLetter('2021-12-20');
    assert.equal(draft!.due, '2022-01-20');
    assert.equal(final!.due, '2022-03-31');
    assert.equal(final!.legalBasis.evidence.nature, 'rule');
    assert.deepEqual(final!.legalBasis.evidence.tags, ['SEC']);
  });
});
