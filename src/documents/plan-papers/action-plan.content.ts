/**
 * The action plan for submission, in words: for each of Ofsted's recommendations (quoted as the
 * report words them) and each of the council's own items, the council's response, then each action
 * with its owner, dates, status and RAG rating, its milestones and its measures with baseline and
 * target. The same content goes to Word and the print view. Pure.
 */
import { formatUkDate } from '../../calendar/index.ts';
import { planCoverage, describeGaps } from '../../plans/index.ts';
import { SectionBuilder, type PaperContent } from '../paper-content.ts';
import {
  outlinePlan,
  ownerText,
  RAG_WORDS,
  ragCounts,
  ukDate,
  withUnit,
  type OutlinedAction,
  type OutlinedItem,
} from './plan-outline.ts';
import type { ActionPlanData } from './plan-paper.data.ts';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function versionText(version: ActionPlanData['version']): string {
  if (!version.working) return `version ${version.number}, ${formatUkDate(version.date)}`;
  return version.number === 0
    ? `working copy (not yet submitted), ${formatUkDate(version.date)}`
    : `working copy (after version ${version.number}), ${formatUkDate(version.date)}`;
}

function actionBlocks(builder: SectionBuilder, entry: OutlinedAction): void {
  const { action } = entry;
  builder.subheading(`Action ${entry.ref}: ${action.title}`);
  builder.table(
    `Action ${entry.ref}`,
    ['Item', 'Detail'],
    [
      ['Owner', ownerText(action.owner)],
      ['Serves', entry.itemRefs.join(', ') || 'No item of the plan'],
      ['Start', action.startDate === null ? 'Not set' : formatUkDate(action.startDate)],
      ['Due', formatUkDate(action.dueDate)],
      ['Status', capital(action.status)],
      ['RAG rating', `${RAG_WORDS[entry.rag.rating]}: ${entry.rag.reason}`],
    ],
    [25, 75],
  );
  if (entry.milestones.length > 0) {
    builder.table(
      `Milestones of action ${entry.ref}`,
      ['Milestone', 'Due', 'Met'],
      entry.milestones.map((milestone) => [
        milestone.title,
        formatUkDate(milestone.dueDate),
        milestone.metOn === null ? 'Not yet' : formatUkDate(milestone.metOn),
      ]),
      [56, 22, 22],
    );
  }
  if (entry.measures.length > 0) {
    builder.table(
      `Measures of action ${entry.ref}: how we will know`,
      ['Measure', 'Baseline', 'Target', 'How often', 'Source'],
      entry.measures.map(({ measure }) => [
        `${measure.what} (${measure.betterWhen} is better)`,
        `${withUnit(measure.baseline.value, measure.unit)} (${formatUkDate(measure.baseline.date)})`,
        `${withUnit(measure.target.value, measure.unit)} by ${formatUkDate(measure.target.date)}`,
        capital(measure.frequency),
        measure.source,
      ]),
      [32, 17, 19, 12, 20],
    );
  } else builder.text('No measure is set for this action yet.');
}

function itemSection(builder: SectionBuilder, entry: OutlinedItem): void {
  const { item } = entry;
  builder.section(`item-${entry.ref.toLowerCase()}`, entry.heading);
  if (item.recommendation) {
    builder.paragraph(
      `Ofsted's ${item.recommendation.list === 'priority' ? 'area for priority action' : 'recommendation'} ${item.recommendation.position}:`,
    );
    builder.list('numbered', [[item.recommendation.text]], { quoted: true });
  } else builder.paragraph('This is an area the council has added to the plan itself.');
  builder.paragraph(
    item.response
      ? { text: `Response: ${capital(item.response.kind)}. `, bold: true }
      : { text: 'Response: not yet given.', bold: true },
    item.response?.reason ?? '',
  );
  const actions = entry.actions.length;
  const also = entry.alsoServedBy.map((other) => `${other.ref} (under ${other.itemRefs[0]})`);
  builder.paragraph(
    actions === 0 && also.length === 0
      ? 'No action is planned for this yet.'
      : `${actions === 0 ? 'No action is listed here' : `${actions} action${actions === 1 ? '' : 's'} below`}${also.length > 0 ? `; action${also.length === 1 ? '' : 's'} ${also.join(', ')} serve${also.length === 1 ? 's' : ''} it too` : ''}.`,
  );
  for (const action of entry.actions) actionBlocks(builder, action);
}

export function actionPlanContent(data: ActionPlanData): PaperContent {
  const { subject, plan, preparedOn } = data;
  const outline = outlinePlan(plan, preparedOn);
  const coverage = planCoverage(plan.items, plan.actions, plan.measures);
  const counts = ragCounts(outline.actions);
  const recommendations = outline.items.filter((entry) => entry.item.recommendation !== null).length;
  const own = outline.items.length - recommendations;
  const builder = new SectionBuilder();

  builder.section('contents', 'Contents', { numbered: false });
  builder.section('purpose', 'Purpose');
  builder.paragraph(
    `This is ${subject.council.name}'s plan in response to Ofsted's report "${subject.inspection.title}", published on ${formatUkDate(subject.inspection.published)}. It answers the report's ${recommendations} recommendation${recommendations === 1 ? '' : 's'}${own > 0 ? ` and ${own} further area${own === 1 ? '' : 's'} for improvement the council has added` : ''}.`,
  );
  builder.paragraph(
    `The written statement of action is due by ${formatUkDate(plan.plan.dueDate, { withWeekday: true })}. This is ${versionText(data.version)}; the plan's status is ${plan.plan.status}.`,
  );
  builder.paragraph(
    `Each action has one owner, its dates, its milestones and the measures that will show its impact, each with a baseline and a target. RAG ratings are as at ${formatUkDate(preparedOn)}: derived from the dates and milestones unless set by hand, when the reason is given.`,
  );

  builder.section('summary', 'Summary');
  builder.paragraph(
    `${outline.actions.length} action${outline.actions.length === 1 ? '' : 's'}: ${counts.red} red, ${counts.amber} amber, ${counts.green} green.`,
  );
  builder.table(
    'Recommendations, responses and actions',
    ['Ref', 'Recommendation or area', 'Response', 'Actions'],
    outline.items.map((entry) => [
      entry.ref,
      entry.item.title,
      entry.item.response ? capital(entry.item.response.kind) : 'Not yet given',
      entry.actions.length === 0 && entry.alsoServedBy.length === 0
        ? 'None yet'
        : [...entry.actions, ...entry.alsoServedBy].map((action) => action.ref).join(', '),
    ]),
    [10, 50, 18, 22],
  );

  for (const entry of outline.items) itemSection(builder, entry);

  if (outline.unplaced.length > 0) {
    builder.section('unplaced', 'Actions not linked to an item');
    builder.paragraph(
      'These actions name no recommendation or area the plan holds; link them before the plan is submitted.',
    );
    for (const action of outline.unplaced) actionBlocks(builder, action);
  }

  builder.section('coverage', 'Coverage');
  builder.paragraph(
    `${coverage.coverage.itemsWithAction} of ${coverage.coverage.items} recommendations and areas have at least one action; ${coverage.coverage.actionsWithMeasure} of ${coverage.coverage.actions} actions have at least one measure.`,
  );
  if (coverage.complete) builder.paragraph('Every recommendation has an action and every action a measure.');
  else
    builder.list(
      'bullet',
      describeGaps(coverage.gaps).map((line) => [line]),
    );

  builder.section('sources', 'Sources');
  builder.paragraph(
    `Ofsted's recommendations are quoted from its report published on ${formatUkDate(subject.inspection.published)}. Ofsted reports are Crown copyright, reused under the `,
    {
      text: 'Open Government Licence v3.0',
      link: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    },
    '.',
  );

  return {
    title: 'Improvement plan',
    subtitle: `${subject.council.name}: action plan in response to Ofsted's inspection report published on ${formatUkDate(subject.inspection.published)}`,
    header: { council: subject.council.name, date: formatUkDate(preparedOn) },
    keyFacts: {
      caption: 'About this plan',
      rows: [
        ['Council', subject.council.name],
        ['Inspection report', `${subject.inspection.title}, published ${formatUkDate(subject.inspection.published)}`],
        ['Plan version', capital(versionText(data.version))],
        ['Plan status', capital(plan.plan.status)],
        ['Due by', formatUkDate(plan.plan.dueDate)],
        ['Recommendations and areas', String(outline.items.length)],
        [
          'Actions',
          `${outline.actions.length} (${counts.red} red, ${counts.amber} amber, ${counts.green} green at ${ukDate(preparedOn)})`,
        ],
      ],
    },
    sections: builder.build(),
    meta: {
      subject: `Improvement plan for ${subject.council.name}`,
      description: `Action plan in response to Ofsted's report published on ${formatUkDate(subject.inspection.published)}.`,
      keywords: 'improvement plan, action plan, Ofsted, children\u2019s services',
    },
  };
}
