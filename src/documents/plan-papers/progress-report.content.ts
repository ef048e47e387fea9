/**
 * The progress report on an improvement plan for a committee, in words: the RAG counts; exceptions
 * first (red and overdue actions, each with its corrective action, which is its latest update); what
 * changed since the version of the last report (src/plans/compare.ts); the impact measures with their
 * direction of travel and a small chart each; coverage; the next deadlines. Pure.
 */
import { daysBetween, formatUkDate, type IsoDate } from '../../calendar/index.ts';
import { describeGaps, planCoverage, RAG_RATINGS, type PlanChanges } from '../../plans/index.ts';
import { SectionBuilder, type PaperContent } from '../paper-content.ts';
import { versionText } from './action-plan.content.ts';
import {
  outlinePlan,
  ownerText,
  RAG_WORDS,
  ragCounts,
  ukDate,
  withUnit,
  type OutlinedAction,
  type PlanOutline,
} from './plan-outline.ts';
import type { ProgressReportData } from './plan-paper.data.ts';

/** How far ahead "the next deadlines" look. */
export const NEXT_DEADLINE_DAYS = 90;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const TRAVEL_WORDS = {
  improving: 'Improving',
  worsening: 'Worsening',
  unchanged: 'No change',
  'no data': 'No value yet',
} as const;

function exceptionBlocks(builder: SectionBuilder, entry: OutlinedAction): void {
  builder.subheading(`${entry.ref}: ${entry.action.title}`);
  builder.paragraph(
    { text: `${RAG_WORDS[entry.rag.rating]}${entry.overdue ? ', overdue' : ''}. `, bold: true },
    entry.rag.reason,
    ` Owner: ${ownerText(entry.action.owner)}; due ${formatUkDate(entry.action.dueDate)}.`,
  );
  const update = entry.latestUpdate;
  builder.paragraph(
    { text: 'Corrective action: ', bold: true },
    update === null
      ? 'none recorded. The owner should say what will bring this back on track.'
      : `${update.text} (${update.author}, ${formatUkDate(update.date)}).`,
  );
}

/** The changes in words, one line each, with the references the papers use. */
export function changeLines(changes: PlanChanges, before: PlanOutline, after: PlanOutline): string[] {
  const ref = (id: number) =>
    after.actions.find((entry) => entry.action.id === id)?.ref ??
    before.actions.find((entry) => entry.action.id === id)?.ref ??
    `action ${id}`;
  const itemRef = (id: number) =>
    after.items.find((entry) => entry.item.id === id)?.ref ??
    before.items.find((entry) => entry.item.id === id)?.ref ??
    `item ${id}`;
  const lines: string[] = [];
  for (const item of changes.items.added) lines.push(`New: ${itemRef(item.id)} "${item.title}".`);
  for (const item of changes.items.removed) lines.push(`Removed: ${itemRef(item.id)} "${item.title}".`);
  for (const change of changes.items.changed)
    lines.push(`${itemRef(change.id)} changed: ${change.fields.map((field) => field.field).join(', ')}.`);
  for (const action of changes.actions.added)
    lines.push(`New action ${ref(action.id)}: "${action.title}", due ${formatUkDate(action.dueDate)}.`);
  for (const action of changes.actions.removed) lines.push(`Action removed: "${action.title}".`);
  for (const change of changes.actions.changed) {
    for (const field of change.fields) {
      const { before: was, after: now } = change;
      if (field.field === 'status')
        lines.push(`${ref(change.id)} "${now.title}": status ${was.status} \u2192 ${now.status}.`);
      else if (field.field === 'dueDate')
        lines.push(
          `${ref(change.id)} "${now.title}": due date moved from ${formatUkDate(was.dueDate)} to ${formatUkDate(now.dueDate)}.`,
        );
      else if (field.field === 'startDate')
        lines.push(
          `${ref(change.id)} "${now.title}": start date ${ukDate(was.startDate) || 'not set'} \u2192 ${ukDate(now.startDate) || 'not set'}.`,
        );
      else if (field.field === 'owner')
        lines.push(`${ref(change.id)} "${now.title}": owner ${ownerText(was.owner)} \u2192 ${ownerText(now.owner)}.`);
      else if (field.field === 'ragOverride')
        lines.push(
          now.ragOverride === null
            ? `${ref(change.id)} "${now.title}": the manual RAG rating was removed.`
            : `${ref(change.id)} "${now.title}": RAG set by hand to ${RAG_WORDS[now.ragOverride.rating].toLowerCase()} (${now.ragOverride.reason.replace(/[.\s]+$/, '')}).`,
        );
      else
        lines.push(
          `${ref(change.id)} "${now.title}": ${field.field === 'itemIds' ? 'the items it serves' : field.field} changed.`,
        );
    }
  }
  const milestoneName = (actionId: number, title: string) => `${ref(actionId)} milestone "${title}"`;
  for (const milestone of changes.milestones.added)
    lines.push(
      `New milestone: ${milestoneName(milestone.actionId, milestone.title)}, due ${formatUkDate(milestone.dueDate)}${milestone.metOn ? `, met ${formatUkDate(milestone.metOn)}` : ''}.`,
    );
  for (const milestone of changes.milestones.removed)
    lines.push(`Milestone removed: ${milestoneName(milestone.actionId, milestone.title)}.`);
  for (const change of changes.milestones.changed) {
    const { before: was, after: now } = change;
    if (was.metOn === null && now.metOn !== null)
      lines.push(`Met: ${milestoneName(now.actionId, now.title)} on ${formatUkDate(now.metOn)}.`);
    else if (was.dueDate !== now.dueDate)
      lines.push(
        `${milestoneName(now.actionId, now.title)}: due date moved from ${formatUkDate(was.dueDate)} to ${formatUkDate(now.dueDate)}.`,
      );
    else
      lines.push(
        `${milestoneName(now.actionId, now.title)} changed: ${change.fields.map((field) => field.field).join(', ')}.`,
      );
  }
  for (const measure of changes.measures.added)
    lines.push(`New measure for ${ref(measure.actionId)}: "${measure.what}".`);
  for (const measure of changes.measures.removed) lines.push(`Measure removed: "${measure.what}".`);
  for (const change of changes.measures.changed)
    lines.push(`Measure "${change.after.what}" changed: ${change.fields.map((field) => field.field).join(', ')}.`);
  if (changes.values.added.length > 0)
    lines.push(`${plural(changes.values.added.length, 'new measure value')} recorded.`);
  if (changes.updates.added.length > 0) lines.push(`${plural(changes.updates.added.length, 'progress update')} added.`);
  for (const field of changes.plan)
    lines.push(
      `The plan's ${field.field === 'dueDate' ? 'due date' : field.field} changed from ${String(field.before)} to ${String(field.after)}.`,
    );
  return lines;
}

interface Deadline {
  readonly date: IsoDate;
  readonly what: string;
  readonly ref: string;
  readonly owner: string;
}

/** Every date not yet met: the overdue ones, then those due within NEXT_DEADLINE_DAYS (at least the next three, however far). */
function nextDeadlines(outline: PlanOutline, asAt: IsoDate): { overdue: Deadline[]; upcoming: Deadline[] } {
  const delivered = new Set(['complete', 'signed off', 'awaiting sign-off']);
  const deadlines: Deadline[] = outline.actions
    .flatMap((entry) => [
      ...(delivered.has(entry.action.status)
        ? []
        : [
            {
              date: entry.action.dueDate,
              what: `Action due: ${entry.action.title}`,
              ref: entry.ref,
              owner: ownerText(entry.action.owner),
            },
          ]),
      ...entry.milestones
        .filter((milestone) => milestone.metOn === null || milestone.metOn > asAt)
        .map((milestone) => ({
          date: milestone.dueDate,
          what: `Milestone: ${milestone.title}`,
          ref: entry.ref,
          owner: ownerText(entry.action.owner),
        })),
    ])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const ahead = deadlines.filter((deadline) => deadline.date >= asAt);
  return {
    overdue: deadlines.filter((deadline) => deadline.date < asAt),
    upcoming: ahead.filter((deadline, index) => index < 3 || daysBetween(asAt, deadline.date) <= NEXT_DEADLINE_DAYS),
  };
}

export function progressReportContent(data: ProgressReportData): PaperContent {
  const { subject, current, preparedOn } = data;
  const outline = outlinePlan(current, preparedOn);
  const counts = ragCounts(outline.actions);
  const total = outline.actions.length;
  const exceptions = outline.actions.filter((entry) => entry.rag.rating === 'red' || entry.overdue);
  const coverage = planCoverage(current.items, current.actions, current.measures);
  const charts = new Map(data.charts.map((chart) => [chart.measureId, chart]));
  const builder = new SectionBuilder();
  const share = (n: number) => (total === 0 ? '0%' : `${Math.round((n * 100) / total)}%`);

  builder.section('contents', 'Contents', { numbered: false });
  builder.section('purpose', 'Purpose');
  builder.paragraph(
    `This report tells the committee how ${subject.council.name}'s improvement plan, in response to Ofsted's report published on ${formatUkDate(subject.inspection.published)}, is progressing. It reports ${versionText(data.currentVersion)}${data.since ? `, against ${versionText(data.since.version)}, the version of the last report` : ''}.`,
  );
  builder.paragraph(
    `RAG ratings are as at ${formatUkDate(preparedOn)}: red and overdue actions come first, each with its corrective action.`,
  );
  builder.paragraph(
    { text: 'Recommendation: ', bold: true },
    'the committee is asked to note the progress made and the exceptions, and to agree the corrective actions.',
  );

  builder.section('summary', 'Summary');
  builder.paragraph(
    `Of ${plural(total, 'action')}, ${counts.red} ${counts.red === 1 ? 'is' : 'are'} red, ${counts.amber} amber and ${counts.green} green; ${plural(outline.actions.filter((entry) => entry.overdue).length, 'action is', 'actions are')} overdue.`,
  );
  builder.table(
    `RAG ratings at ${formatUkDate(preparedOn)}`,
    ['Rating', 'Actions', 'Share'],
    RAG_RATINGS.map((rating) => [RAG_WORDS[rating], String(counts[rating]), share(counts[rating])]),
    [40, 30, 30],
  );
  const statuses = [...new Set(outline.actions.map((entry) => entry.action.status))];
  builder.table(
    'Actions by status',
    ['Status', 'Actions'],
    statuses.map((status) => [
      capital(status),
      String(outline.actions.filter((entry) => entry.action.status === status).length),
    ]),
    [60, 40],
  );

  builder.section('exceptions', 'Exceptions: red and overdue actions');
  if (exceptions.length === 0) builder.paragraph('No action is red or overdue.');
  else {
    builder.paragraph(`${plural(exceptions.length, 'action needs', 'actions need')} the committee's attention.`);
    for (const entry of exceptions) exceptionBlocks(builder, entry);
  }

  builder.section('changes', data.since ? `What changed since version ${data.since.version.number}` : 'What changed');
  if (!data.since)
    builder.paragraph('This is the first progress report on the plan, so there is no earlier version to compare with.');
  else {
    const { changes } = data.since;
    const lines = changeLines(changes, outlinePlan(data.since.plan, data.since.version.date), outline);
    if (changes.unchanged || lines.length === 0)
      builder.paragraph(`Nothing has changed since ${versionText(data.since.version)}.`);
    else {
      builder.paragraph(`Since ${versionText(data.since.version)}:`);
      builder.list(
        'bullet',
        lines.map((line) => [line]),
      );
    }
    const before = ragCounts(outlinePlan(data.since.plan, data.since.version.date).actions);
    builder.table(
      'RAG ratings then and now',
      [
        'Rating',
        `Version ${data.since.version.number} (${formatUkDate(data.since.version.date)})`,
        `Now (${formatUkDate(preparedOn)})`,
      ],
      RAG_RATINGS.map((rating) => [RAG_WORDS[rating], String(before[rating]), String(counts[rating])]),
      [30, 35, 35],
    );
  }

  builder.section('measures', 'Impact measures');
  const measured = outline.actions.flatMap((entry) => entry.measures.map((measure) => ({ entry, ...measure })));
  if (measured.length === 0) builder.paragraph('The plan has no measures yet.');
  else {
    const improving = measured.filter((row) => row.progress.travel === 'improving').length;
    const met = measured.filter((row) => row.progress.targetMet).length;
    builder.paragraph(
      `${plural(measured.length, 'measure')}: ${improving} improving, ${measured.filter((row) => row.progress.travel === 'worsening').length} worsening, ${met} at or past target.`,
    );
    builder.table(
      'Measures: baseline, latest value and target',
      ['Measure', 'Action', 'Baseline', 'Latest', 'Target', 'Direction of travel', 'Still to go'],
      measured.map(({ entry, measure, progress }) => [
        measure.what,
        entry.ref,
        withUnit(measure.baseline.value, measure.unit),
        progress.latest === null
          ? 'None yet'
          : `${withUnit(progress.latest.value, measure.unit)} (${formatUkDate(progress.latest.date)})`,
        `${withUnit(measure.target.value, measure.unit)} by ${formatUkDate(measure.target.date)}`,
        TRAVEL_WORDS[progress.travel],
        progress.distanceToTarget === null
          ? ''
          : progress.targetMet
            ? 'Target met'
            : withUnit(progress.distanceToTarget, measure.unit),
      ]),
      [18, 10, 12, 16, 16, 15, 13],
    );
    for (const { entry, measure, progress } of measured) {
      const chart = charts.get(measure.id);
      if (!chart || progress.latest === null) continue;
      builder.image({
        png: chart.png,
        width: chart.width,
        height: chart.height,
        caption: `${measure.what} (action ${entry.ref})`,
        alt: `${measure.what}: from ${withUnit(measure.baseline.value, measure.unit)} on ${formatUkDate(measure.baseline.date)} to ${withUnit(progress.latest.value, measure.unit)} on ${formatUkDate(progress.latest.date)}, ${TRAVEL_WORDS[progress.travel].toLowerCase()}; the target is ${withUnit(measure.target.value, measure.unit)} by ${formatUkDate(measure.target.date)}, ${measure.betterWhen} is better.`,
      });
    }
  }

  builder.section('coverage', 'Coverage');
  builder.paragraph(
    `${coverage.coverage.itemsWithAction} of ${coverage.coverage.items} recommendations and areas have at least one action; ${coverage.coverage.actionsWithMeasure} of ${coverage.coverage.actions} actions have at least one measure.`,
  );
  if (!coverage.complete)
    builder.list(
      'bullet',
      describeGaps(coverage.gaps).map((line) => [line]),
    );

  builder.section('deadlines', 'Next deadlines');
  const { overdue, upcoming } = nextDeadlines(outline, preparedOn);
  const deadlineRows = (list: readonly Deadline[]) =>
    list.map((deadline) => [formatUkDate(deadline.date), deadline.ref, deadline.what, deadline.owner]);
  if (overdue.length === 0 && upcoming.length === 0) builder.paragraph('No action or milestone is still to be met.');
  if (overdue.length > 0)
    builder.table('Passed and not met', ['Date', 'Action', 'What', 'Owner'], deadlineRows(overdue), [18, 10, 50, 22]);
  if (upcoming.length > 0)
    builder.table(
      `Coming next (the next ${NEXT_DEADLINE_DAYS} days, and at least the next three)`,
      ['Date', 'Action', 'What', 'Owner'],
      deadlineRows(upcoming),
      [18, 10, 50, 22],
    );

  return {
    title: 'Improvement plan: progress report',
    subtitle: `${subject.council.name}: progress on the action plan in response to Ofsted's inspection report published on ${formatUkDate(subject.inspection.published)}`,
    header: { council: subject.council.name, date: formatUkDate(preparedOn) },
    keyFacts: {
      caption: 'About this report',
      rows: [
        ['Council', subject.council.name],
        ['Inspection report', `${subject.inspection.title}, published ${formatUkDate(subject.inspection.published)}`],
        ['Plan reported', capital(versionText(data.currentVersion))],
        ['Compared with', data.since ? capital(versionText(data.since.version)) : 'No earlier report'],
        ['Ratings as at', formatUkDate(preparedOn)],
        ['Actions', `${total}: ${counts.red} red, ${counts.amber} amber, ${counts.green} green`],
      ],
    },
    sections: builder.build(),
    meta: {
      subject: `Progress on ${subject.council.name}'s improvement plan`,
      description: `Progress report on the improvement plan in response to Ofsted's report published on ${formatUkDate(subject.inspection.published)}.`,
      keywords: 'improvement plan, progress report, RAG, Ofsted, children\u2019s services',
    },
  };
}
