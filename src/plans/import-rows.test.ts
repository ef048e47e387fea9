import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  locateTable,
  matchItem,
  parseMappingArguments,
  proposeMapping,
  readDate,
  readImportRows,
  type Cell,
} from './import-rows.ts';
import type { PlanItem } from './types.ts';

const items: PlanItem[] = [
  {
    id: 11,
    recommendation: {
      list: 'recommendations',
      position: 1,
      text: 'Strengthen the oversight of plans for children in need.',
    },
    title: 'Strengthen the oversight of plans for children in need.',
    response: null,
  },
  {
    id: 12,
    recommendation: { list: 'recommendations', position: 2, text: 'Make return home interviews timely.' },
    title: 'Make return home interviews timely.',
    response: null,
  },
  { id: 13, recommendation: null, title: 'Wider area: workforce stability', response: null },
];

const headings = [
  'Recommendation',
  'Action',
  'Owner',
  'Start date',
  'Due date',
  'Status',
  'RAG',
  'Measure',
  'Unit',
  'Baseline',
  'Baseline date',
  'Target',
  'Target date',
  'Frequency',
  'Data source',
];
const good: Cell[] = [
  'Make return home interviews timely.',
  'Weekly tracking of interviews',
  'Person: Sam Carter',
  '2026-01-05',
  '2026-06-30',
  'In progress',
  'Green',
  'Interviews within 72 hours',
  '%',
  40,
  '2026-01-01',
  85,
  '2026-12-31',
  'Monthly',
  'Case records',
];

describe('import: mapping the headings', () => {
  test('the headings of an action plan map to every field; the RAG column is left out', () => {
    const proposal = proposeMapping(headings);
    assert.deepEqual(proposal.missing, []);
    assert.equal(proposal.mapping.recommendation, 0);
    assert.equal(proposal.mapping.dueDate, 4);
    assert.equal(proposal.mapping.source, 14);
    assert.deepEqual(proposal.unmapped, [{ column: 6, heading: 'RAG' }]);
  });
  test('headings are matched whatever their case and punctuation', () => {
    assert.equal(proposeMapping(['RECOMMENDATION', 'action:', 'Owner', 'Due-date']).mapping.dueDate, 3);
  });
  test('unknown headings leave required fields missing until the user maps them', () => {
    const proposal = proposeMapping(['Area', 'What we will do', 'Lead officer', 'By when']);
    assert.deepEqual(proposal.missing, ['recommendation', 'owner']);
    const chosen = proposeMapping(['Area', 'What we will do', 'Lead officer', 'By when'], {
      area: 'recommendation',
      'Lead officer': 'owner',
    });
    assert.deepEqual(chosen.missing, []);
    assert.deepEqual(chosen.mapping, { recommendation: 0, action: 1, owner: 2, dueDate: 3 });
  });
  test('a user may leave a column out that the headings would have mapped', () => {
    const proposal = proposeMapping(['Recommendation', 'Action', 'Owner', 'Due date', 'Status'], { Status: '' });
    assert.equal(proposal.mapping.status, undefined);
    assert.deepEqual(proposal.unmapped, [{ column: 4, heading: 'Status' }]);
  });
  test('command-line pairs are heading=field, and an unknown field is refused', () => {
    assert.deepEqual(parseMappingArguments(['Lead officer=owner', 'Notes=']), { 'Lead officer': 'owner', Notes: '' });
    assert.throws(() => parseMappingArguments(['Lead=boss']), /not a field to import/);
    assert.throws(() => parseMappingArguments(['owner']), /heading=field/);
  });
});

describe('import: reading cells', () => {
  test('dates in the forms councils write', () => {
    assert.equal(readDate('2026-03-05'), '2026-03-05');
    assert.equal(readDate('05/03/2026'), '2026-03-05');
    assert.equal(readDate('5 March 2026'), '2026-03-05');
    assert.equal(readDate('5th Mar 2026'), '2026-03-05');
    assert.equal(readDate(46086), '2026-03-05', 'an Excel day number');
    assert.equal(readDate(''), null);
    assert.equal(readDate('31/02/2026'), 'unreadable');
    assert.equal(readDate('next spring'), 'unreadable');
  });
  test('a recommendation is matched by its words or its number', () => {
    assert.equal(matchItem('make return home  interviews timely', items)?.id, 12);
    assert.equal(matchItem('2', items)?.id, 12);
    assert.equal(matchItem('R1', items)?.id, 11);
    assert.equal(matchItem('Recommendation 2: Make return home interviews timely.', items)?.id, 12);
    assert.equal(matchItem('Wider area: workforce stability', items)?.id, 13);
    assert.equal(matchItem('7', items), null);
    assert.equal(matchItem('2. Something else entirely', items), null);
  });
});

describe('import: reading rows', () => {
  const mapping = proposeMapping(headings).mapping;
  test('a good row becomes an action with its measure', () => {
    const preview = readImportRows([good], mapping, items);
    assert.deepEqual(preview.problems, []);
    assert.deepEqual(preview.actions, [
      {
        row: 2,
        rows: [2],
        itemIds: [12],
        title: 'Weekly tracking of interviews',
        owner: { kind: 'person', name: 'Sam Carter' },
        startDate: '2026-01-05',
        dueDate: '2026-06-30',
        status: 'in progress',
        measures: [
          {
            what: 'Interviews within 72 hours',
            unit: '%',
            betterWhen: 'higher',
            baseline: { value: 40, date: '2026-01-01' },
            target: { value: 85, date: '2026-12-31' },
            frequency: 'Monthly',
            source: 'Case records',
          },
        ],
      },
    ]);
  });
  test('every row it cannot read is listed with every reason, and blank rows are skipped', () => {
    const bad: Cell[] = [
      'Recommendation 9',
      '',
      'Team: Front door',
      'soon',
      '2026-06-30',
      'Paused',
      '',
      'Visits',
      '',
      'x',
      '2026-01-01',
      80,
      '',
      '',
      '',
    ];
    const preview = readImportRows([good, [], bad, ['', null, '  ']], mapping, items);
    assert.equal(preview.actions.length, 1);
    assert.equal(preview.blankRows, 2);
    assert.deepEqual(preview.problems, [
      {
        row: 4,
        reasons: [
          'the recommendation "Recommendation 9" is not one of this plan\'s items',
          'the action is empty',
          'the start date "soon" is not a date',
          'the status "Paused" is not one of: not started, in progress, awaiting sign-off, complete, signed off',
          'the baseline "x" is not a number',
          'the measure has no target date',
          'the measure has no unit (for example % or number)',
          'the measure does not say how often it is measured',
          'the measure has no data source',
        ],
      },
    ]);
  });
  test('a target worse than the baseline, or a start after the due date, is a problem', () => {
    const worse: Cell[] = [...good];
    worse[9] = 40;
    worse[11] = 30;
    const ends = readImportRows([worse], mapping, items);
    assert.equal(
      ends.actions[0]?.measures[0]?.betterWhen,
      'lower',
      'with no "better when" column the direction is the target\'s',
    );
    const late: Cell[] = [...good];
    late[3] = '2026-07-01';
    assert.match(readImportRows([late], mapping, items).problems[0]!.reasons[0]!, /after its due date/);
  });
  test('rows repeating an action add their measures and recommendations to it', () => {
    const second: Cell[] = [...good];
    second[0] = 'Strengthen the oversight of plans for children in need.';
    second[7] = 'Audits graded good';
    const preview = readImportRows([good, second], mapping, items);
    assert.equal(preview.actions.length, 1);
    assert.deepEqual(preview.actions[0]!.itemIds, [12, 11]);
    assert.deepEqual(preview.actions[0]!.rows, [2, 3]);
    assert.deepEqual(
      preview.actions[0]!.measures.map((measure) => measure.what),
      ['Interviews within 72 hours', 'Audits graded good'],
    );
  });
  test('an action with no measure cells imports without a measure; an empty status is not started', () => {
    const plain: Cell[] = ['1', 'Audit plans monthly', 'Head of service', '', '30/09/2026', '', ''];
    const preview = readImportRows([plain], mapping, items);
    assert.deepEqual(preview.problems, []);
    assert.equal(preview.actions[0]!.status, 'not started');
    assert.deepEqual(preview.actions[0]!.owner, { kind: 'role', name: 'Head of service' });
    assert.deepEqual(preview.actions[0]!.measures, []);
  });
  test('reading rows without the required fields mapped is refused', () => {
    assert.throws(
      () => readImportRows([good], { action: 1 }, items),
      /Map a column to recommendation, owner, due date/,
    );
  });
});

describe('import: finding the table', () => {
  test('the sheet and row whose headings map the most fields, past a cover sheet', () => {
    const cover = { name: 'Cover', rows: [['Improvement plan'], ['Council', 'Derby'], ['Version', 3]] };
    const table = { name: 'Actions', rows: [['Action plan tracker'], [], headings, good] };
    assert.deepEqual(locateTable([cover, table]), { sheet: 1, headingRow: 2, mappedFields: 14 });
  });
  test('a named sheet is the one searched; no headings at all is null', () => {
    assert.equal(locateTable([{ name: 'Notes', rows: [['hello']] }]), null);
    assert.equal(locateTable([{ name: 'A', rows: [headings] }], 'B'), null);
  });
});
