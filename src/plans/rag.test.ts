import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import { effectiveRag, deriveRag, timeElapsed, validateOverride } from './rag.ts';
import type { Action, Milestone } from './types.ts';

/** An action running through 2025 (1 January to 31 December), in progress, with no override. */
const action = (changes: Partial<Action> = {}): Action => ({
  id: 1,
  itemIds: [1],
  title: 'Audit every child protection plan',
  owner: { kind: 'role', name: 'Head of safeguarding' },
  startDate: '2025-01-01',
  dueDate: '2026-01-01',
  status: 'in progress',
  ragOverride: null,
  ...changes,
});
const milestone = (id: number, dueDate: string, metOn: string | null, actionId = 1): Milestone => ({
  id,
  actionId,
  title: `Step ${id}`,
  dueDate,
  metOn,
});
/** Four quarterly milestones through 2025. */
const quarters = (met: readonly (string | null)[]): Milestone[] =>
  ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'].map((date, index) =>
    milestone(index + 1, date, met[index] ?? null),
  );

describe('time elapsed', () => {
  test('is the share of the days from start to due that have gone', () => {
    assert.equal(timeElapsed(action(), '2025-07-02'), 182 / 365);
  });
  test('is 0 before the start and 1 after the due date', () => {
    assert.equal(timeElapsed(action(), '2024-06-01'), 0);
    assert.equal(timeElapsed(action(), '2027-01-01'), 1);
  });
  test('is null without a start date', () => {
    assert.equal(timeElapsed(action({ startDate: null }), '2025-07-02'), null);
  });
  test('an action starting and due on one day is all gone from that day', () => {
    const oneDay = action({ startDate: '2025-05-01', dueDate: '2025-05-01' });
    assert.equal(timeElapsed(oneDay, '2025-04-30'), 0);
    assert.equal(timeElapsed(oneDay, '2025-05-01'), 1);
  });
});

describe('derived RAG rating', () => {
  test('delivered actions are green whatever their dates', () => {
    for (const status of ['complete', 'signed off', 'awaiting sign-off'] as const) {
      const rag = deriveRag(action({ status }), quarters([]), '2027-01-01');
      assert.equal(rag.rating, 'green');
      assert.match(rag.reason, new RegExp(status));
    }
  });
  test('past its due date and not delivered: red, saying when it was due and how late it is', () => {
    const rag = deriveRag(action(), [], '2026-01-11');
    assert.equal(rag.rating, 'red');
    assert.equal(rag.reason, 'Overdue: it was due on 1 January 2026 (10 days ago) and is in progress.');
  });
  test('on its due date it is not yet overdue', () => {
    assert.equal(deriveRag(action(), [], '2026-01-01').rating, 'green');
  });
  test('one day late is red, with "1 day"', () => {
    assert.match(deriveRag(action(), [], '2026-01-02').reason, /\(1 day ago\)/);
  });
  test('milestones met in step with the time: green, saying how many', () => {
    const rag = deriveRag(action(), quarters(['2025-03-20', '2025-06-25']), '2025-07-02');
    assert.equal(rag.rating, 'green');
    assert.equal(rag.reason, 'On track: 2 of 4 milestones met with 50% of the time gone.');
  });
  test('a milestone past its date and not met: amber, naming it', () => {
    const rag = deriveRag(action(), quarters(['2025-03-20']), '2025-07-02');
    assert.equal(rag.rating, 'amber');
    assert.match(rag.reason, /Milestone "Step 2" was due on 30 June 2025 and is not met\./);
  });
  test('a milestone met after the as-at date counts as not met then', () => {
    const rag = deriveRag(action(), quarters(['2025-03-20', '2025-08-01']), '2025-07-02');
    assert.equal(rag.rating, 'amber');
    assert.match(rag.reason, /Step 2/);
  });
  test('a milestone met late is no longer missed', () => {
    assert.equal(deriveRag(action(), quarters(['2025-03-20', '2025-07-01']), '2025-07-02').rating, 'green');
  });
  test('progress a quarter or more behind the time elapsed: amber, with the figures', () => {
    // Milestones dated late in the year, none missed yet, none met, with 27% of the time gone.
    const late = [milestone(1, '2025-11-01', null), milestone(2, '2025-12-01', null)];
    const rag = deriveRag(action(), late, '2025-04-10');
    assert.equal(rag.rating, 'amber');
    assert.equal(rag.reason, 'Behind: 0 of 2 milestones met with 27% of the time gone.');
  });
  test('progress half or more behind the time elapsed: red, and the amber reasons are not repeated', () => {
    // 183 of 365 days gone, no milestone met: the two missed ones (amber) are not listed beside it.
    const rag = deriveRag(action(), quarters([]), '2025-07-03');
    assert.equal(rag.rating, 'red');
    assert.equal(rag.reason, 'Well behind: 0 of 4 milestones met with 50% of the time gone.');
  });
  test('just under the red shortfall is amber', () => {
    // 182 of 365 days: 49.9% of the time gone with no milestone met.
    assert.equal(deriveRag(action(), [milestone(1, '2025-12-01', null)], '2025-07-02').rating, 'amber');
  });
  test('just under the amber shortfall stays green', () => {
    const late = [milestone(1, '2025-11-01', null), milestone(2, '2025-12-01', null)];
    // 90 of 365 days is 24.7% of the time.
    assert.equal(deriveRag(action(), late, '2025-04-01').rating, 'green');
  });
  test('not started after its start date: amber', () => {
    const rag = deriveRag(action({ status: 'not started' }), [], '2025-02-01');
    assert.equal(rag.rating, 'amber');
    assert.equal(rag.reason, 'Not started, though it was to start on 1 January 2025.');
  });
  test('not started before its start date: green, saying when it starts', () => {
    const rag = deriveRag(action({ status: 'not started', startDate: '2025-03-01' }), [], '2025-02-01');
    assert.deepEqual(rag, { rating: 'green', reason: 'Not due to start until 1 March 2025.' });
  });
  test('several amber findings are all given', () => {
    const rag = deriveRag(
      action({ status: 'not started' }),
      [milestone(1, '2025-01-15', null), milestone(2, '2025-12-01', null)],
      '2025-02-01',
    );
    assert.equal(rag.rating, 'amber');
    assert.match(rag.reason, /Step 1/);
    assert.match(rag.reason, /Not started/);
  });
  test('without a start date only the dates count: a missed milestone is amber, none missed is green', () => {
    const noStart = action({ startDate: null });
    assert.equal(deriveRag(noStart, [milestone(1, '2025-01-15', null)], '2025-02-01').rating, 'amber');
    const rag = deriveRag(noStart, [milestone(1, '2025-12-15', null)], '2025-11-01');
    assert.equal(rag.rating, 'green');
    assert.equal(rag.reason, 'On track: 0 of 1 milestone met.');
  });
  test('without milestones, an action in its time is green', () => {
    assert.equal(deriveRag(action(), [], '2025-06-01').reason, 'On track: no milestone or date missed.');
  });
  test("another action's milestones are ignored", () => {
    assert.equal(deriveRag(action(), [milestone(9, '2025-01-15', null, 2)], '2025-07-02').rating, 'green');
  });
  test('a start date after the due date is refused', () => {
    assert.throws(
      () => deriveRag(action({ startDate: '2026-02-01' }), [], '2025-07-02'),
      (error: unknown) => error instanceof DomainError && error.code === 'invalid-date',
    );
  });
});

describe('manual override', () => {
  const override = {
    rating: 'green' as const,
    reason: 'The auditors started early; the plan dates are out of date.',
    by: 'a.editor@council.example',
    on: '2025-07-03',
  };
  test('replaces the derived rating, with who, when and why, and keeps the derived one beside it', () => {
    const rag = effectiveRag(action({ ragOverride: override }), quarters([]), '2025-07-03');
    assert.equal(rag.source, 'override');
    assert.equal(rag.rating, 'green');
    assert.equal(
      rag.reason,
      'Set by hand by a.editor@council.example on 3 July 2025: The auditors started early; the plan dates are out of date.',
    );
    assert.equal(rag.derived.rating, 'red');
  });
  test('without an override the derived rating is shown', () => {
    const rag = effectiveRag(action(), quarters([]), '2025-07-03');
    assert.equal(rag.source, 'derived');
    assert.equal(rag.rating, 'red');
    assert.equal(rag.override, null);
  });
  test('needs a reason', () => {
    assert.throws(() => validateOverride({ ...override, reason: '   ' }), /needs a reason/);
    assert.throws(
      () => effectiveRag(action({ ragOverride: { ...override, reason: '' } }), [], '2025-07-02'),
      DomainError,
    );
  });
  test('needs to say who set it', () => {
    assert.throws(() => validateOverride({ ...override, by: '' }), /who set it/);
  });
  test('refuses a rating that is not red, amber or green', () => {
    assert.throws(() => validateOverride({ ...override, rating: 'blue' as never }), /not a RAG rating/);
  });
  test('trims the reason', () => {
    assert.equal(validateOverride({ ...override, reason: '  Agreed at board.  ' }).reason, 'Agreed at board.');
  });
});
