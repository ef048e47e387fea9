/**
 * `csci schedule`: what comes next for a council, from its reports read with the extractor; or,
 * with --backtest, how well the engine would have predicted every next inspection in a folder.
 *
 * Councils are keyed by Ofsted URN, taken from the report's folder name `<urn>-<slug>` (the
 * corpus layout). A report outside such a folder is keyed by its printed local authority name,
 * reduced by the same name key the import uses (services/report-reading.ts). `--la` takes a URN
 * or a name. ILACS reports do not print their publication date; when the reader gives
 * none, the date in the file name (Ofsted's listed publication date in the corpus layout
 * `<urn>-<slug>/YYYY-MM-DD.pdf`) is used, as `csci extract` does.
 */
import { parseArgs } from 'node:util';
import { formatUkDate, todayIso, type IsoDate } from '../../calendar/index.ts';
import { GRADE_SHORT, INSPECTION_KIND_LABELS, JUDGEMENT_AREA_SHORT, JUDGEMENT_AREAS } from '../../domain/index.ts';
import { ValidationError } from '../../errors.ts';
import {
  backtest,
  councilOutlook,
  EMPIRICAL_WINDOW_PERCENTILES,
  EVIDENCE_TAG_WORDS,
  PATHWAYS,
  readReportSet,
  resolveCouncil,
  type BacktestResult,
  type CouncilOutlook,
  type EmpiricalWindow,
  type Evidence,
  type ReportSet,
} from '../../services/index.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';
import { plural } from '../plural.ts';
import { parseDateArgument } from '../date-argument.ts';
import { progressReporter } from '../progress.ts';

/** Reads the reports with a progress bar, and says how many could not be read. */
async function readWithProgress(paths: readonly string[], io: CliIo, workers: number | undefined): Promise<ReportSet> {
  const progress = progressReporter(io.stderr, 'Reading reports');
  let set: ReportSet;
  try {
    set = await readReportSet(paths, { workers, onProgress: progress.update });
  } finally {
    progress.stop();
  }
  if (set.unreadable > 0)
    io.stderr.write(
      `${set.unreadable} of ${plural(set.files, 'file')} could not be read and were left out (run csci extract on them to see why).\n`,
    );
  return set;
}

const TAG = (evidence: Evidence) =>
  `[${evidence.nature}: ${evidence.tags.map((tag) => EVIDENCE_TAG_WORDS[tag]).join(', ')}]`;
const day = (date: IsoDate) => formatUkDate(date);

function describeEmpirical(window: EmpiricalWindow | null): string {
  if (!window)
    return "none (no completed gap between two inspections is known at this date in the reports given; give more councils' reports)";
  const end = window.to ? day(window.to) : 'no upper end yet (too many councils still waiting)';
  const median = window.median ? `; median ${day(window.median)}` : '';
  const group = window.group === 'all' ? 'after any pathway' : 'after the same pathway';
  return `${day(window.from)} to ${end} (${window.percentiles.lower}th-${window.percentiles.upper}th percentiles${median}; ${plural(window.completedGaps, 'completed gap')}, ${plural(window.stillWaiting, 'council')} still waiting, ${group})`;
}

const STATUS_WORDS = {
  'before-window': 'not yet open',
  'in-window': 'open now',
  'after-window': 'passed',
  open: 'open now, no end yet',
} as const;

export function describeOutlook(outlook: CouncilOutlook, name: string): string {
  const { latest, next } = outlook;
  const grades = JUDGEMENT_AREAS.filter((area) => latest.judgements[area]).map(
    (area) => `${JUDGEMENT_AREA_SHORT[area].toLowerCase()} ${GRADE_SHORT[latest.judgements[area]!].toLowerCase()}`,
  );
  const lines = [
    `${name} (${outlook.council}) as at ${day(outlook.asAt)}, from ${plural(outlook.inspectionsKnown, 'graded inspection')} public by then`,
    '',
    `Latest graded inspection: ${INSPECTION_KIND_LABELS[latest.kind]} (${latest.version}), on site ${day(latest.inspectionStart)} to ${day(latest.inspectionEnd)}, published ${latest.published ? day(latest.published) : 'date unknown'}.`,
    `  Grades: ${grades.join('; ')}.`,
    ...(outlook.consistency.length === 0
      ? ['  Consistency: nothing unusual in this set of grades.']
      : outlook.consistency.map(
          (finding) => `  Consistency ${finding.severity}: ${finding.reason} ${TAG(finding.evidence)}`,
        )),
    '',
    `Next graded inspection ${TAG(next.evidence)}: ${INSPECTION_KIND_LABELS[next.kind]}. ${next.reason}`,
    `  Framework ${TAG(outlook.nextFramework.evidence)}: ${outlook.nextFramework.version} if it comes about ${day(outlook.nextFramework.expectedOn)}, grading ${outlook.nextFramework.areas.map((area) => JUDGEMENT_AREA_SHORT[area].toLowerCase()).join(', ')}.`,
    `  Nominal window ${TAG(next.nominalWindow.evidence)}: ${day(next.nominalWindow.from)} to ${day(next.nominalWindow.to)} (third anniversary ${day(next.nominalWindow.anniversary)}): ${STATUS_WORDS[outlook.nominalWindowStatus]}.`,
    `  Empirical window [estimate: ${EVIDENCE_TAG_WORDS.EMP}]: ${describeEmpirical(next.empiricalWindow)}${outlook.empiricalWindowStatus ? `: ${STATUS_WORDS[outlook.empiricalWindowStatus]}` : ''}.`,
    `  Given no inspection by ${day(outlook.asAt)} [estimate: ${EVIDENCE_TAG_WORDS.EMP}]: ${describeEmpirical(outlook.empiricalWindowGivenWait)}.`,
    '',
    `Before it ${TAG(outlook.visits.evidence)}: ${outlook.visits.summary}`,
    ...(outlook.visits.monitoringVisits ? [`  ${outlook.visits.monitoringVisits}`] : []),
    ...(outlook.visits.firstMonitoringVisitBy
      ? [`  First monitoring visit expected by about ${day(outlook.visits.firstMonitoringVisitBy)}.`]
      : []),
    '',
    outlook.deadlines.length === 0
      ? 'Deadlines: none (the latest report has no publication date).'
      : 'Deadlines after the latest report [rule]:',
    ...outlook.deadlines.map(
      (deadline) =>
        `  ${deadline.due}  ${deadline.name} (${deadline.workingDays} working days, ${deadline.legalBasis.citation}): ${deadline.status}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function describeBacktest(result: BacktestResult, councils: number): string {
  const bounded = result.details.filter((item) => item.empiricalWindow?.to);
  const boundedHits = bounded.filter((item) => item.inEmpiricalWindow).length;
  const count = (test: (item: BacktestResult['details'][number]) => boolean) => result.details.filter(test).length;
  const { lower, upper } = EMPIRICAL_WINDOW_PERCENTILES;
  return (
    [
      `Backtest: ${plural(result.cases, 'next inspection')} predicted, from the reports of ${plural(councils, 'council')} (only reports public before each predicted inspection are used).`,
      `  Next kind right:                 ${percent(result.kindAccuracy)} (${count((item) => item.kindRight)} of ${result.cases})`,
      `  Actual start in nominal window:  ${percent(result.nominalWindowCoverage)} (third anniversary, six months either side)`,
      `  Actual start in empirical window: ${percent(result.empiricalWindowCoverage)} (${lower * 100}th-${upper * 100}th percentiles of the gaps known the day before)`,
      `    of which open-ended windows: ${result.openEndedEmpiricalWindows}; bounded windows alone cover ${percent(bounded.length === 0 ? 0 : boundedHits / bounded.length)} (${boundedHits} of ${bounded.length}); no window yet: ${result.withoutEmpiricalWindow}`,
      `  By pathway (kind right / in empirical window): ${PATHWAYS.filter(
        (pathway) => count((item) => item.pathway === pathway) > 0,
      )
        .map((pathway) => {
          const total = count((item) => item.pathway === pathway);
          return `${pathway} ${count((item) => item.pathway === pathway && item.kindRight)}/${total}, ${count((item) => item.pathway === pathway && item.inEmpiricalWindow)}/${total}`;
        })
        .join('; ')}`,
      ...(result.skipped > 0
        ? [`  Left out: ${plural(result.skipped, 'pair')} whose earlier report has no grades.`]
        : []),
    ].join('\n') + '\n'
  );
}

export const scheduleCommand: Command = {
  name: 'schedule',
  summary:
    'What comes next for a council (next inspection, windows, visits, running deadlines); --backtest scores the predictions',
  usage:
    'csci schedule <file.pdf|folder>... --la <urn or name> [--as-at YYYY-MM-DD] [--json] | csci schedule <folder>... --backtest [--json] [--details]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        la: { type: 'string' },
        'as-at': { type: 'string' },
        backtest: { type: 'boolean' },
        details: { type: 'boolean' },
        json: { type: 'boolean' },
        workers: { type: 'string' },
      },
    });
    if (positionals.length === 0) throw new UsageError('Give the report files or folders to read.');
    if (Boolean(values.backtest) === (values.la !== undefined))
      throw new UsageError('Give either --la <urn or name> or --backtest.');
    if (values.backtest && values['as-at'] !== undefined)
      throw new UsageError(
        '--as-at does not apply to --backtest (each prediction uses the day before the inspection it predicts).',
      );
    if (values.details && !values.backtest) throw new UsageError('--details goes with --backtest.');
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
      throw new UsageError('--workers must be a whole number, 0 or more.');
    const asAt = values['as-at'] === undefined ? todayIso() : parseDateArgument(values['as-at'], '--as-at');

    const set = await readWithProgress(positionals, io, workers);
    if (values.backtest) {
      const result = backtest(set.histories);
      if (result.cases === 0)
        throw new ValidationError(
          'No council in these reports has two or more graded inspections, so there is nothing to backtest.',
          'nothing-to-backtest',
        );
      if (values.json) {
        const { cases, kindAccuracy, nominalWindowCoverage, empiricalWindowCoverage } = result;
        io.stdout.write(
          JSON.stringify(
            values.details ? result : { cases, kindAccuracy, nominalWindowCoverage, empiricalWindowCoverage },
          ) + '\n',
        );
      } else {
        io.stdout.write(describeBacktest(result, set.histories.size));
      }
      return 0;
    }
    const key = resolveCouncil(set, values.la!);
    const outlook = councilOutlook(key, asAt, set.histories);
    const name = [...(set.names.get(key) ?? [])][0] ?? key;
    io.stdout.write(values.json ? JSON.stringify({ name, ...outlook }) + '\n' : describeOutlook(outlook, name));
    return 0;
  },
};
