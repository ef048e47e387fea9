/**
 * Improvement plans for tests, in the shape the plans service gives (`PlanContent`): an invented
 * council's plan answering three recommendations (written for the tests, not taken from any report)
 * and one item of its own, with actions, milestones, measures, values and updates; an earlier
 * version of it (for "what changed since"); and a plan of any number of actions (for the bench).
 */
import type {
  Action,
  ActionUpdate,
  Measure,
  MeasureValue,
  Milestone,
  PlanContent,
  PlanItem,
} from '../../src/plans/index.ts';

export const PLAN_RECOMMENDATIONS = [
  'Make sure that assessments of children who need help are completed within timescales that match each child\u2019s needs, and that they take account of family history.',
  'Strengthen management oversight of plans for children in need, so that actions are specific and progress is reviewed without drift.',
  'Improve the timeliness of return home interviews for children who go missing, and use what they say to plan their support.',
];

const items: PlanItem[] = [
  {
    id: 11,
    recommendation: { list: 'recommendations', position: 1, text: PLAN_RECOMMENDATIONS[0] as string },
    title: 'Timely assessments that use family history',
    response: { kind: 'agreed', reason: 'Assessment timeliness has fallen since the move to the new case system.' },
  },
  {
    id: 12,
    recommendation: { list: 'recommendations', position: 2, text: PLAN_RECOMMENDATIONS[1] as string },
    title: 'Management oversight of child in need plans',
    response: { kind: 'agreed', reason: 'Supervision records show plans reviewed late.' },
  },
  {
    id: 13,
    recommendation: { list: 'recommendations', position: 3, text: PLAN_RECOMMENDATIONS[2] as string },
    title: 'Return home interviews',
    response: {
      kind: 'partly agreed',
      reason:
        'Interviews are offered on time; the delay is in children accepting them, which we will report separately.',
    },
  },
  {
    id: 14,
    recommendation: null,
    title: 'Stable permanent workforce',
    response: { kind: 'agreed', reason: 'Our own priority: agency staff turnover slows every other action.' },
  },
];

const actions: Action[] = [
  {
    id: 101,
    itemIds: [11],
    title: 'Rewrite the assessment practice standard with a family history section',
    owner: { kind: 'person', name: 'Jo Patel' },
    startDate: '2026-01-05',
    dueDate: '2026-03-31',
    status: 'complete',
    ragOverride: null,
  },
  {
    id: 102,
    itemIds: [11],
    title: 'Weekly timeliness report to team managers',
    owner: { kind: 'role', name: 'Head of Assessment' },
    startDate: '2026-01-12',
    dueDate: '2026-09-30',
    status: 'in progress',
    ragOverride: null,
  },
  {
    id: 103,
    itemIds: [12],
    title: 'Audit forty child in need plans a month and feed back to supervisors',
    owner: { kind: 'team', name: 'Quality Assurance Team' },
    startDate: '2026-02-02',
    dueDate: '2026-05-29',
    status: 'in progress',
    ragOverride: null,
  },
  {
    id: 104,
    itemIds: [12, 11],
    title: 'Supervision training for every team manager',
    owner: { kind: 'person', name: 'Sam Okafor' },
    startDate: '2026-03-02',
    dueDate: '2026-12-18',
    status: 'not started',
    ragOverride: { rating: 'amber', reason: 'Trainer not yet commissioned.', by: 'Jo Patel', on: '2026-05-20' },
  },
  {
    id: 105,
    itemIds: [13],
    title: 'Commission an independent return home interview service',
    owner: { kind: 'role', name: 'Commissioning Manager' },
    startDate: '2026-01-05',
    dueDate: '2026-04-30',
    status: 'in progress',
    ragOverride: null,
  },
  {
    id: 106,
    itemIds: [14],
    title: 'Recruit twelve permanent social workers',
    owner: { kind: 'role', name: 'Principal Social Worker' },
    startDate: null,
    dueDate: '2027-03-31',
    status: 'in progress',
    ragOverride: null,
  },
];

const milestones: Milestone[] = [
  {
    id: 201,
    actionId: 101,
    title: 'Draft standard agreed by practice leads',
    dueDate: '2026-02-13',
    metOn: '2026-02-10',
  },
  { id: 202, actionId: 101, title: 'Standard published', dueDate: '2026-03-31', metOn: '2026-03-27' },
  { id: 203, actionId: 102, title: 'Report built in the case system', dueDate: '2026-03-13', metOn: '2026-03-20' },
  { id: 204, actionId: 102, title: 'Every team receives it weekly', dueDate: '2026-05-01', metOn: null },
  { id: 205, actionId: 103, title: 'Audit tool agreed', dueDate: '2026-02-27', metOn: '2026-02-25' },
  { id: 206, actionId: 103, title: 'Three months of audits reported', dueDate: '2026-05-22', metOn: null },
  { id: 207, actionId: 105, title: 'Tender issued', dueDate: '2026-02-20', metOn: '2026-03-06' },
  { id: 208, actionId: 105, title: 'Provider appointed', dueDate: '2026-04-17', metOn: null },
];

const measures: Measure[] = [
  {
    id: 301,
    actionId: 102,
    what: 'Assessments completed within 45 working days',
    unit: '%',
    betterWhen: 'higher',
    baseline: { value: 71, date: '2025-12-31' },
    target: { value: 90, date: '2026-09-30' },
    frequency: 'monthly',
    source: 'Case system performance report',
  },
  {
    id: 302,
    actionId: 103,
    what: 'Child in need plans reviewed on time',
    unit: '%',
    betterWhen: 'higher',
    baseline: { value: 62, date: '2025-12-31' },
    target: { value: 85, date: '2026-05-29' },
    frequency: 'monthly',
    source: 'Quality assurance audits',
  },
  {
    id: 303,
    actionId: 105,
    what: 'Days from return to interview (median)',
    unit: 'days',
    betterWhen: 'lower',
    baseline: { value: 9, date: '2025-12-31' },
    target: { value: 3, date: '2026-04-30' },
    frequency: 'monthly',
    source: 'Missing children log',
  },
  {
    id: 304,
    actionId: 106,
    what: 'Agency social workers',
    unit: '%',
    betterWhen: 'lower',
    baseline: { value: 34, date: '2025-12-31' },
    target: { value: 15, date: '2027-03-31' },
    frequency: 'quarterly',
    source: 'Workforce return',
  },
];

const values: MeasureValue[] = [
  { id: 401, measureId: 301, date: '2026-01-31', value: 73, comment: '' },
  { id: 402, measureId: 301, date: '2026-02-28', value: 76, comment: '' },
  { id: 403, measureId: 301, date: '2026-03-31', value: 80, comment: 'New standard in use from March.' },
  { id: 404, measureId: 301, date: '2026-04-30', value: 82, comment: '' },
  { id: 405, measureId: 302, date: '2026-02-28', value: 64, comment: '' },
  { id: 406, measureId: 302, date: '2026-03-31', value: 61, comment: 'Two supervisors on leave.' },
  { id: 407, measureId: 302, date: '2026-04-30', value: 58, comment: '' },
  { id: 408, measureId: 303, date: '2026-02-28', value: 8, comment: '' },
  { id: 409, measureId: 303, date: '2026-04-30', value: 8, comment: '' },
  { id: 410, measureId: 304, date: '2026-03-31', value: 31, comment: '' },
];

const updates: ActionUpdate[] = [
  {
    id: 501,
    actionId: 101,
    date: '2026-03-27',
    author: 'Jo Patel',
    text: 'Standard published and briefed to every team.',
    status: 'complete',
    evidence: ['Practice standard v2'],
  },
  {
    id: 502,
    actionId: 103,
    date: '2026-04-24',
    author: 'Quality Assurance Team',
    text: 'Audits show reviews slipping where supervisors are absent; cover arrangements agreed with the head of service from May.',
    status: 'in progress',
    evidence: ['April audit summary'],
  },
  {
    id: 503,
    actionId: 105,
    date: '2026-05-15',
    author: 'Commissioning Manager',
    text: 'No compliant bid; tender reissued with a longer contract. Interviews continue in house meanwhile.',
    status: 'in progress',
    evidence: [],
  },
];

/** The plan as the committee sees it on 1 June 2026 (version 4). */
export const currentPlan: PlanContent = {
  plan: { id: 7, council: '99901', inspectionId: 42, status: 'published', dueDate: '2026-03-20', version: 4 },
  items,
  actions,
  milestones,
  measures,
  values,
  updates,
};

/** The same plan as it stood at the last committee report (version 2, March 2026). */
export const earlierPlan: PlanContent = {
  plan: { ...currentPlan.plan, status: 'submitted', version: 2 },
  items: items.filter((item) => item.id !== 14),
  actions: actions
    .filter((action) => action.id !== 106)
    .map((action) =>
      action.id === 101
        ? { ...action, status: 'in progress' }
        : action.id === 104
          ? { ...action, ragOverride: null }
          : action.id === 105
            ? { ...action, dueDate: '2026-03-31' }
            : action,
    ),
  milestones: milestones
    .map((milestone) => (milestone.id === 202 ? { ...milestone, metOn: null } : milestone))
    .filter((milestone) => milestone.id !== 208),
  measures: measures.filter((measure) => measure.id !== 304),
  values: values.filter((value) => value.date <= '2026-02-28'),
  updates: updates.filter((update) => update.date <= '2026-03-01'),
};

/** A plan of `count` actions over `count / 4` recommendations, each with two milestones, a measure and monthly values. */
export function largePlan(count: number): PlanContent {
  const itemCount = Math.max(1, Math.ceil(count / 4));
  const manyItems: PlanItem[] = Array.from({ length: itemCount }, (_, index) => ({
    id: 1000 + index,
    recommendation: {
      list: 'recommendations',
      position: index + 1,
      text: `${PLAN_RECOMMENDATIONS[index % PLAN_RECOMMENDATIONS.length]} (${index + 1})`,
    },
    title: `Recommendation ${index + 1}`,
    response: { kind: 'agreed', reason: 'Agreed in full.' },
  }));
  const manyActions: Action[] = Array.from({ length: count }, (_, index) => ({
    id: 2000 + index,
    itemIds: [1000 + (index % itemCount)],
    title: `${actions[index % actions.length]?.title} (${index + 1})`,
    owner: { kind: 'role', name: `Service manager ${(index % 7) + 1}` },
    startDate: '2026-01-05',
    dueDate: index % 5 === 0 ? '2026-04-30' : '2026-11-30',
    status: index % 3 === 0 ? 'not started' : 'in progress',
    ragOverride: null,
  }));
  return {
    plan: { id: 70, council: '99901', inspectionId: 42, status: 'published', dueDate: '2026-03-20', version: 9 },
    items: manyItems,
    actions: manyActions,
    milestones: manyActions.flatMap((action, index) => [
      {
        id: 3000 + index * 2,
        actionId: action.id,
        title: 'First step done',
        dueDate: '2026-03-13',
        metOn: index % 2 === 0 ? '2026-03-10' : null,
      },
      { id: 3001 + index * 2, actionId: action.id, title: 'Second step done', dueDate: '2026-09-30', metOn: null },
    ]),
    measures: manyActions.map((action, index) => ({
      id: 4000 + index,
      actionId: action.id,
      what: `Measure ${index + 1}`,
      unit: '%',
      betterWhen: 'higher',
      baseline: { value: 50, date: '2025-12-31' },
      target: { value: 80, date: '2026-11-30' },
      frequency: 'monthly',
      source: 'Performance report',
    })),
    values: manyActions.flatMap((_, index) =>
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-29'].map((date, step) => ({
        id: 5000 + index * 5 + step,
        measureId: 4000 + index,
        date,
        value: 50 + step * ((index % 4) - 1),
        comment: '',
      })),
    ),
    updates: manyActions
      .filter((_, index) => index % 5 === 0)
      .map((action, index) => ({
        id: 6000 + index,
        actionId: action.id,
        date: '2026-05-15',
        author: 'Service manager',
        text: 'Behind: recovery plan agreed.',
        status: 'in progress',
        evidence: [],
      })),
  };
}
