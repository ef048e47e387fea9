import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VisitLetterRecord } from '../../src/domain/index.ts';
import { focusedVisitThemesByYear } from '../../src/analytics/visit-themes.ts';
import { lettersOutlook } from '../../src/rules/visit-letters.ts';

function letter(overrides: Partial<VisitLetterRecord>): VisitLetterRecord {
  return {
    inspectionId: 1,
    urn: '1',
    kind: 'focused-visit',
    visitStart: '2024-02-06',
    visitEnd: '2024-02-07',
    published: '2024-03-04',
    letterDate: '2024-03-01',
    focus: 'care leavers',
    theme: 'care-leavers',
    covidContext: false,
    inspectors: ['Robin Sample'],
    leadInspector: 'Robin Sample',
    recommendations: [],
    priorityActions: [],
    warnings: [],
    ...overrides,
  };
}

test('focused visits done since the latest graded inspection, public by the date', () => {
  const letters = [
    letter({ visitStart: '2021-05-01', published: '2021-06-01' }),
    letter({ visitStart: '2023-05-01', published: '2023-06-01' }),
    letter({ visitStart: '2024-05-01', published: '2024-06-01', kind: 'jtai' }),
  ];
  const outlook = lettersOutlook(letters, '2022-01-10', '2024-01-01');
  assert.equal(outlook.focusedVisitsDone, 1);
  assert.equal(outlook.jtaisDone, 0, 'not public yet on the date');
  assert.equal(lettersOutlook(letters, null, '2025-01-01').since.length, 3);
});

test('areas for priority action start the 20 and 70 working-day clock from the letter', () => {
  const outlook = lettersOutlook(
    [letter({ priorityActions: ['The timeliness of visits.'], letterDate: '2024-03-01' })],
    null,
    '2024-03-20',
  );
  const [clock] = outlook.priorityActions;
  assert.ok(clock);
  assert.equal(clock.received, '2024-03-01');
  assert.deepEqual(
    clock.deadlines.map((deadline) => [deadline.id, deadline.workingDays, deadline.status]),
    [
      ['priority-action-plan-draft', 20, 'running'],
      ['priority-action-plan-final', 70, 'running'],
    ],
  );
  assert.equal(clock.deadlines[0]!.due, '2024-04-02', 'Good Friday and Easter Monday 2024 are not working days');
});

test('themes of focused visits by year of publication', () => {
  const rows = focusedVisitThemesByYear(
    [
      letter({}),
      letter({ theme: 'front-door' }),
      letter({ published: '2023-01-05', theme: 'front-door' }),
      letter({ kind: 'monitoring-visit', theme: null }),
    ],
    '2024-12-31',
  );
  assert.deepEqual(
    rows.map((row) => [row.year, row.total, row.counts['front-door'], row.counts['care-leavers']]),
    [
      [2023, 1, 1, 0],
      [2024, 2, 1, 1],
    ],
  );
});
