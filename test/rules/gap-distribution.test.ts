import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gapObservations, kaplanMeierQuantiles } from '../../src/rules/gap-distribution.ts';
import { record } from '../helpers/inspection-records.ts';

const completed = (days: number) => ({ days, completed: true });
const waiting = (days: number) => ({ days, completed: false });

describe('Kaplan-Meier quantiles', () => {
  test('without censoring they are the plain quantiles of the gaps', () => {
    assert.deepEqual(kaplanMeierQuantiles([40, 10, 30, 20].map(completed), [0.25, 0.5, 1]), [10, 20, 40]);
  });
  test('councils still waiting push the quantiles up instead of being ignored', () => {
    const gaps = [10, 20, 30].map(completed);
    assert.deepEqual(kaplanMeierQuantiles(gaps, [0.5]), [20]);
    // two councils have waited 25 days already: of the five, only 10 and 20 ended by day 25
    assert.deepEqual(kaplanMeierQuantiles([...gaps, waiting(25), waiting(25)], [0.5, 0.9]), [30, 30]);
  });
  test('given a wait so far, only longer gaps count', () => {
    const gaps = [10, 20, 30, 40].map(completed);
    assert.deepEqual(kaplanMeierQuantiles(gaps, [0.5, 1], 20), [30, 40]);
    assert.deepEqual(kaplanMeierQuantiles(gaps, [0.01], 25), [30]);
    assert.deepEqual(kaplanMeierQuantiles(gaps, [0.5], 40), [null]);
  });
  test('null when the estimate never reaches the quantile', () => {
    assert.deepEqual(kaplanMeierQuantiles([completed(10), waiting(50), waiting(60)], [0.2, 0.9]), [10, null]);
    assert.deepEqual(kaplanMeierQuantiles([], [0.5]), [null]);
  });
});

describe('gap observations as known on a date', () => {
  const histories = new Map([
    [
      'A',
      [
        record('sif', '2014-01-06', '2014-03-01', { overall: 'good' }),
        record('ilacs-short', '2018-06-04', '2018-07-20', { overall: 'good' }),
      ],
    ],
    ['B', [record('sif', '2015-01-05', '2015-03-01', { overall: 'requires_improvement' })]],
  ]);
  test('a later inspection counts only once its report is published', () => {
    const before = gapObservations(histories, '2018-07-19');
    assert.deepEqual(
      before.map((item) => [item.council, item.completed]),
      [
        ['A', false],
        ['B', false],
      ],
    );
    const after = gapObservations(histories, '2018-07-20');
    assert.deepEqual(
      after.map((item) => [item.council, item.from.inspectionStart, item.completed, item.days]),
      [
        ['A', '2014-01-06', true, 1610],
        ['A', '2018-06-04', false, 46],
        ['B', '2015-01-05', false, 1292],
      ],
    );
  });
  test('the spell being predicted can be left out; inspections not yet public are not there at all', () => {
    const observations = gapObservations(histories, '2016-01-01', {
      exclude: { council: 'B', inspectionStart: '2015-01-05' },
    });
    assert.deepEqual(
      observations.map((item) => item.council),
      ['A'],
    );
    assert.deepEqual(gapObservations(histories, '2014-02-01'), []);
  });
});
