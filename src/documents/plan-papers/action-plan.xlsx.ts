/**
 * The action plan as an Excel tracker (through src/documents/spreadsheet.ts): a cover sheet with the
 * plan's version and date; "Actions", one row per action (its item, the recommendation, the response,
 * the action, owner, dates, status with a drop-down of the statuses, RAG and its reason, milestones met,
 * the measures); "Milestones" and "Measures", one row per record. Every row carries its record's id,
 * so the import (plan pages) can read the sheets back: the headers below are the contract. Pure.
 */
import { formatUkDate } from '../../calendar/index.ts';
import { ACTION_STATUSES } from '../../plans/index.ts';
import { writeWorkbook, type CellValue, type ColumnSpec, type WorkbookSpec } from '../spreadsheet.ts';
import { versionText } from './action-plan.content.ts';
import { outlinePlan, RAG_WORDS, ragCounts, withUnit } from './plan-outline.ts';
import type { ActionPlanData } from './plan-paper.data.ts';

export const ACTION_PLAN_SHEETS = {
  cover: 'About this plan',
  actions: 'Actions',
  milestones: 'Milestones',
  measures: 'Measures',
} as const;

const RAG_LIST = Object.values(RAG_WORDS);

/** The Actions sheet's columns, in order: its header row. */
export const ACTION_COLUMNS = [
  { header: 'Action ID', width: 10, type: 'number' },
  { header: 'Ref', width: 8 },
  { header: 'Items', width: 10 },
  { header: 'Recommendation or area', width: 60, wrap: true },
  { header: 'Response', width: 14, allowed: ['agreed', 'partly agreed'] },
  { header: 'Action', width: 50, wrap: true },
  { header: 'Owner', width: 24, wrap: true },
  { header: 'Owner type', width: 11, allowed: ['person', 'role', 'team'] },
  { header: 'Start', width: 12, type: 'date' },
  { header: 'Due', width: 12, type: 'date' },
  { header: 'Status', width: 18, allowed: [...ACTION_STATUSES] },
  { header: 'RAG', width: 8, allowed: RAG_LIST },
  { header: 'RAG reason', width: 50, wrap: true },
  { header: 'Milestones met', width: 10 },
  { header: 'Measures', width: 50, wrap: true },
  { header: 'Baseline', width: 12, wrap: true },
  { header: 'Target', width: 12, wrap: true },
  { header: 'Latest', width: 12, wrap: true },
] as const satisfies readonly ColumnSpec[];

export const MILESTONE_COLUMNS = [
  { header: 'Milestone ID', width: 12, type: 'number' },
  { header: 'Action ID', width: 10, type: 'number' },
  { header: 'Action ref', width: 10 },
  { header: 'Milestone', width: 50, wrap: true },
  { header: 'Due', width: 12, type: 'date' },
  { header: 'Met on', width: 12, type: 'date' },
] as const satisfies readonly ColumnSpec[];

export const MEASURE_COLUMNS = [
  { header: 'Measure ID', width: 11, type: 'number' },
  { header: 'Action ID', width: 10, type: 'number' },
  { header: 'Action ref', width: 10 },
  { header: 'Measure', width: 45, wrap: true },
  { header: 'Unit', width: 8 },
  { header: 'Better when', width: 11, allowed: ['higher', 'lower'] },
  { header: 'Baseline', width: 10, type: 'number' },
  { header: 'Baseline date', width: 13, type: 'date' },
  { header: 'Target', width: 10, type: 'number' },
  { header: 'Target date', width: 12, type: 'date' },
  { header: 'Latest', width: 10, type: 'number' },
  { header: 'Latest date', width: 12, type: 'date' },
  { header: 'Direction of travel', width: 14 },
  { header: 'How often', width: 11 },
  { header: 'Source', width: 30, wrap: true },
] as const satisfies readonly ColumnSpec[];

/** Several measures of one action in one cell, one a line. */
const lines = (values: readonly string[]): CellValue => (values.length === 0 ? null : values.join('\n'));

export function actionPlanWorkbook(data: ActionPlanData): WorkbookSpec {
  const { subject, plan, preparedOn } = data;
  const outline = outlinePlan(plan, preparedOn);
  const counts = ragCounts(outline.actions);
  const itemOf = new Map(outline.items.map((entry) => [entry.ref, entry]));
  const actionRows: CellValue[][] = outline.actions.map((entry) => {
    const first = itemOf.get(entry.itemRefs[0] ?? '');
    const item = first?.item;
    return [
      entry.action.id,
      entry.ref,
      entry.itemRefs.join(', ') || null,
      item ? (item.recommendation?.text ?? item.title) : null,
      item?.response?.kind ?? null,
      entry.action.title,
      entry.action.owner.name,
      entry.action.owner.kind,
      entry.action.startDate,
      entry.action.dueDate,
      entry.action.status,
      RAG_WORDS[entry.rag.rating],
      entry.rag.reason,
      entry.milestones.length === 0
        ? null
        : `${entry.milestones.filter((milestone) => milestone.metOn !== null && milestone.metOn <= preparedOn).length} of ${entry.milestones.length}`,
      lines(entry.measures.map(({ measure }) => measure.what)),
      lines(entry.measures.map(({ measure }) => withUnit(measure.baseline.value, measure.unit))),
      lines(entry.measures.map(({ measure }) => withUnit(measure.target.value, measure.unit))),
      lines(
        entry.measures.map(({ measure, progress }) =>
          progress.latest === null ? 'None yet' : withUnit(progress.latest.value, measure.unit),
        ),
      ),
    ];
  });
  const milestoneRows: CellValue[][] = outline.actions.flatMap((entry) =>
    entry.milestones.map((milestone) => [
      milestone.id,
      entry.action.id,
      entry.ref,
      milestone.title,
      milestone.dueDate,
      milestone.metOn,
    ]),
  );
  const measureRows: CellValue[][] = outline.actions.flatMap((entry) =>
    entry.measures.map(({ measure, progress }) => [
      measure.id,
      entry.action.id,
      entry.ref,
      measure.what,
      measure.unit,
      measure.betterWhen,
      measure.baseline.value,
      measure.baseline.date,
      measure.target.value,
      measure.target.date,
      progress.latest?.value ?? null,
      progress.latest?.date ?? null,
      progress.travel,
      measure.frequency,
      measure.source,
    ]),
  );
  return {
    title: `Improvement plan: ${subject.council.name}`,
    created: data.version.date,
    sheets: [
      {
        kind: 'cover',
        name: ACTION_PLAN_SHEETS.cover,
        title: `Improvement plan: ${subject.council.name}`,
        entries: [
          ['Council', subject.council.name],
          ['Council URN', subject.council.urn],
          ['Inspection report', subject.inspection.title],
          ['Report published', formatUkDate(subject.inspection.published)],
          ['Plan ID', plan.plan.id],
          ['Plan version', data.version.number],
          ['Version', versionText(data.version)],
          ['Version date', formatUkDate(data.version.date)],
          ['Plan status', plan.plan.status],
          ['Statutory due date', formatUkDate(plan.plan.dueDate)],
          ['RAG ratings as at', formatUkDate(preparedOn)],
          ['Actions', `${outline.actions.length} (${counts.red} red, ${counts.amber} amber, ${counts.green} green)`],
          [
            'Sheets',
            `${ACTION_PLAN_SHEETS.actions}: one row per action. ${ACTION_PLAN_SHEETS.milestones} and ${ACTION_PLAN_SHEETS.measures}: one row each. Keep the ID columns when editing, so the plan can be read back.`,
          ],
          [
            'Source',
            "Ofsted's recommendations are quoted from its report (Crown copyright, Open Government Licence v3.0).",
          ],
        ],
      },
      { kind: 'table', name: ACTION_PLAN_SHEETS.actions, columns: ACTION_COLUMNS, rows: actionRows },
      { kind: 'table', name: ACTION_PLAN_SHEETS.milestones, columns: MILESTONE_COLUMNS, rows: milestoneRows },
      { kind: 'table', name: ACTION_PLAN_SHEETS.measures, columns: MEASURE_COLUMNS, rows: measureRows },
    ],
  };
}

export function writeActionPlanXlsx(data: ActionPlanData): Promise<Buffer> {
  return writeWorkbook(actionPlanWorkbook(data));
}
