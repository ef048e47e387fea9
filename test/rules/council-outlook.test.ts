import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { councilOutlook, windowStatus } from '../../src/rules/council-outlook.ts';
import type { InspectionRecord } from '../../src/rules/inspection-history.ts';
import { record } from '../helpers/inspection-records.ts';

const histories = new Map<string, InspectionRecord[]>([
  [
    'derby',
    [
      record('sif', '2017-03-06', '2017-06-13', {
        overall: 'good',
        helpAndProtection: 'requires_improvement',
        childrenInCare: 'good',
        leadership: 'good',
        lscb: 'outstanding',
      }),
      record('ilacs-short', '2019-12-02', '2020-01-31', {
        overall: 'good',
        helpAndProtection: 'good',
        childrenInCare: 'good',
        leadership: 'good',
      }),
    ],
  ],
  [
    'sandford',
    [
      record('ilacs-standard', '2019-01-07', '2019-03-01', {
        overall: 'inadequate',
        helpAndProtection: 'inadequate',
        childrenInCare: 'requires_improvement',
        leadership: 'inadequate',
      }),
    ],
  ],
  ...['a', 'b', 'c', 'd', 'e', 'f'].map(
    (name, index) =>
      [
        name,
        [
          record('sif', '2014-01-06', '2014-03-01', { overall: 'good' }),
          record('ilacs-short', `20${18 + (index % 3)}-0${index + 2}-05`, `20${18 + (index % 3)}-0${index + 4}-01`, {
            overall: 'good',
          }),
        ],
      ] as [string, InspectionRecord[]],
  ),
]);

describe('what comes next for a council', () => {
  test('Derby on 1 July 2017: short inspection next, action plan due 20 September 2017 and running', () => {
    const outlook = councilOutlook('derby', '2017-07-01', histories);
    assert.equal(outlook.inspectionsKnown, 1);
    assert.equal(outlook.next.pathway, 'short');
    assert.equal(outlook.next.kind, 'ilacs-short');
    assert.deepEqual(
      outlook.deadlines.map((deadline) => [deadline.id, deadline.due, deadline.status]),
      [
        ['council-publishes-report', '2017-07-25', 'running'],
        ['written-statement-of-action', '2017-09-20', 'running'],
      ],
    );
    assert.equal(outlook.nominalWindowStatus, 'before-window');
    assert.deepEqual([outlook.nextFramework.version, outlook.nextFramework.expectedOn], ['ILACS-2018', '2020-03-06']);
    assert.ok(!outlook.nextFramework.areas.includes('careLeavers'));
    assert.match(outlook.visits.summary, /usually one/);
    assert.deepEqual(outlook.visits.focusedVisits, { atLeast: 1, usually: 1 });
    assert.deepEqual(outlook.consistency, []);
  });
  test('the as-at date decides which reports are known: the 2019 inspection counts only once published', () => {
    assert.equal(councilOutlook('derby', '2020-01-30', histories).latest.inspectionStart, '2017-03-06');
    const later = councilOutlook('derby', '2020-01-31', histories);
    assert.equal(later.latest.inspectionStart, '2019-12-02');
    assert.deepEqual(
      later.deadlines.map((deadline) => deadline.status),
      ['running', 'running'],
    );
    assert.deepEqual(
      councilOutlook('derby', '2021-01-01', histories).deadlines.map((deadline) => deadline.status),
      ['passed', 'passed'],
    );
  });
  test('an inadequate council: monitoring visits, the first about four weeks after the action plan is due, and no focused visits', () => {
    const outlook = councilOutlook('sandford', '2019-03-15', histories);
    assert.equal(outlook.next.pathway, 'monitoring-then-reinspection');
    assert.equal(outlook.next.kind, 'ilacs-standard');
    assert.match(outlook.visits.summary, /No focused visits expected/);
    assert.deepEqual(outlook.visits.focusedVisits, { atLeast: 0, usually: 0 });
    const planDue = outlook.deadlines.find((deadline) => deadline.id === 'written-statement-of-action')!.due;
    assert.equal(planDue, '2019-06-13');
    assert.equal(outlook.visits.firstMonitoringVisitBy, '2019-07-11');
  });
  test('a council expected after April 2026 is told there will be no overall judgement', () => {
    const outlook = councilOutlook('derby', '2026-11-23', histories);
    assert.equal(outlook.nextFramework.version, 'ILACS-2026');
    assert.ok(!outlook.nextFramework.areas.includes('overall'));
    assert.equal(outlook.nextFramework.expectedOn, '2026-11-24');
    assert.match(outlook.visits.summary, /From April 2026/);
  });
  test("the empirical window comes from the other councils' gaps; given the wait so far, it can only move later", () => {
    const outlook = councilOutlook('derby', '2020-02-01', histories);
    assert.ok(outlook.next.empiricalWindow);
    assert.equal(outlook.next.empiricalWindow.group, 'short');
    const dates = (window: { from: string; to: string | null; median: string | null } | null) =>
      window && [window.from, window.to, window.median];
    assert.deepEqual(
      dates(outlook.empiricalWindowGivenWait),
      dates(outlook.next.empiricalWindow),
      'no gap is shorter than the 61 days waited',
    );
    const later = councilOutlook('derby', '2024-06-01', histories);
    assert.ok(later.next.empiricalWindow && later.empiricalWindowGivenWait);
    assert.ok(later.empiricalWindowGivenWait.from > '2024-06-01');
    assert.ok(later.empiricalWindowGivenWait.from >= later.next.empiricalWindow.from);
  });
  test('a council with no reports, or none public by the date, gets a clear error', () => {
    assert.throws(() => councilOutlook('nowhere', '2020-01-01', histories), {
      code: 'no-reports',
      message: /No reports were found for the local authority "nowhere"/,
    });
    assert.throws(() => councilOutlook('derby', '2017-06-12', histories), { code: 'no-inspection-by-date' });
    assert.throws(() => councilOutlook('derby', '2017-02-30', histories), { code: 'invalid-date' });
  });
  test('window status', () => {
    assert.equal(windowStatus('2020-01-01', { from: '2019-01-01', to: null }), 'open');
    assert.equal(windowStatus('2020-01-01', { from: '2019-01-01', to: '2019-12-31' }), 'after-window');
    assert.equal(windowStatus('2019-06-01', { from: '2019-01-01', to: '2019-12-31' }), 'in-window');
  });
});
