import { parseArgs } from 'node:util';
import type { GroupPosition, NationalDistribution } from '../../services/index.ts';
import { GRADE_SHORT, GRADES, JUDGEMENT_AREA_SHORT, type Grade } from '../../domain/index.ts';
import { UsageError, type Command } from '../command.ts';
import { plural } from '../plural.ts';
import { GRADE_QUERY_OPTIONS, parseGradeQuery } from './grade-query-options.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

const SUBCOMMANDS = ['national', 'region', 'neighbours'] as const;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Grade distributions at a date: national, or a council against its region or statistical neighbours',
  usage: [
    'csci stats national --as-at DATE [--framework SIF|ILACS] [--area AREA] [--basis latest|first] [--counted-by published|inspected] [--json] [--data-dir DIR]',
    '       csci stats region --la <urn or name> --as-at DATE [--area AREA] [--framework SIF|ILACS] [--basis latest|first] [--counted-by published|inspected] [--json] [--data-dir DIR]',
    '       csci stats neighbours --la <urn or name> --as-at DATE [--area AREA] [--framework SIF|ILACS] [--basis latest|first] [--counted-by published|inspected] [--json] [--data-dir DIR]',
    '       (--as-at defaults to today; --area defaults to overall; --counted-by published counts the reports published by the date,',
    "        inspected counts, as Ofsted's official statistics do, the inspections whose on-site period ended by then, whenever published)",
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...GRADE_QUERY_OPTIONS, la: { type: 'string' }, json: { type: 'boolean' }, ...DATA_DIR_OPTION },
    });
    const subcommand = SUBCOMMANDS.find((name) => name === positionals[0]);
    if (!subcommand || positionals.length > 1) throw new UsageError(`Say which figures: ${SUBCOMMANDS.join(', ')}.`);
    const query = parseGradeQuery(values);
    if (subcommand === 'national') {
      if (values.la !== undefined) throw new UsageError('--la is for stats region and stats neighbours.');
      const { result, names } = await withServices(values['data-dir'], async (services) => ({
        result: await services.stats.national(query),
        names: new Map(
          (await services.councils.list({ includeInactive: true })).map((authority) => [authority.urn, authority.name]),
        ),
      }));
      io.stdout.write(values.json ? JSON.stringify(result) + '\n' : describeNational(result, names));
      return 0;
    }
    const la = values.la;
    if (la === undefined) throw new UsageError(`stats ${subcommand} needs --la <urn or name>.`);
    const result = await withServices(values['data-dir'], (services) =>
      subcommand === 'region' ? services.stats.region(la, query) : services.stats.neighbours(la, query),
    );
    io.stdout.write(
      values.json
        ? JSON.stringify(result) + '\n'
        : describePosition(
            result,
            subcommand === 'region' ? `the ${result.region ?? 'unknown'} region` : 'it and its statistical neighbours',
          ),
    );
    return 0;
  },
};

function countLines(counts: Record<Grade, number>, percentages?: Record<Grade, number>): string[] {
  return GRADES.map(
    (grade) =>
      `  ${GRADE_SHORT[grade].padEnd(22)} ${String(counts[grade]).padStart(4)}${percentages ? `  ${percentages[grade].toFixed(1).padStart(5)}%` : ''}`,
  );
}

/** The councils left out, by name with the URN, so a reader can tell who they are. */
function describeMissing(urns: readonly string[], names: ReadonlyMap<string, string>): string {
  return urns
    .map((urn) => `${names.get(urn) ?? 'a council not in the register'} (${urn})`)
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}

function describeNational(result: NationalDistribution, names: ReadonlyMap<string, string>): string {
  const basis = result.basis === 'latest' ? 'latest' : 'first';
  const counted =
    result.countedBy === 'inspected'
      ? 'carried out by then (on site until the date at the latest), whenever published'
      : 'published by then';
  return (
    [
      `${JUDGEMENT_AREA_SHORT[result.area]} as at ${result.asAt}: each council's ${basis} ${result.framework ?? 'SIF or ILACS'} inspection judging it, ${counted}`,
      ...countLines(result.counts, result.percentages),
      `  ${plural(result.included, 'council')} included; ${result.missing.length} with no such grade by then${result.missing.length > 0 ? `: ${describeMissing(result.missing, names)}` : ''}.`,
    ].join('\n') + '\n'
  );
}

function describePosition(result: GroupPosition, groupName: string): string {
  const head = `${result.la.name} (${result.region ?? 'no region'}), ${JUDGEMENT_AREA_SHORT[result.area].toLowerCase()} as at ${result.asAt}: ${result.grade ? GRADE_SHORT[result.grade] : 'no grade yet'}`;
  const tail =
    result.grade === null
      ? '  The council had no grade in this area by then, so it has no place.'
      : `  ${result.sameOrBetter} of ${result.included} had the same grade or better; place ${result.rank} of ${result.included}.`;
  return (
    [
      head,
      `  Among ${groupName} (${plural(result.included, 'council')} with a grade):`,
      ...countLines(result.counts),
      tail,
    ].join('\n') + '\n'
  );
}
