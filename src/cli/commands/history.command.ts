import { parseArgs } from 'node:util';
import { GRADE_SHORT, JUDGEMENT_AREA_SHORT, JUDGEMENT_AREAS } from '../../domain/index.ts';
import type { InspectionHistoryView } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { plural } from '../plural.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const historyCommand: Command = {
  name: 'history',
  summary: "A council's inspections with their grades and the change from the one before",
  usage: 'csci history --la <urn or name> [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { la: { type: 'string' }, json: { type: 'boolean' }, ...DATA_DIR_OPTION },
    });
    const la = values.la;
    if (la === undefined) throw new UsageError('history needs --la <urn or name>.');
    const history = await withServices(values['data-dir'], (services) => services.inspections.historyOf(la));
    io.stdout.write(values.json ? JSON.stringify(historyJson(history)) + '\n' : describeHistory(history));
    return 0;
  },
};

/** The --json shape: the council, then each inspection (oldest first) with its grades and changes. */
export function historyJson(history: InspectionHistoryView) {
  return {
    la: { urn: history.authority.urn, name: history.authority.name },
    region: history.authority.regionName,
    inspections: history.entries.map(({ inspection, changes }) => ({
      id: inspection.id,
      published: inspection.published,
      publishedSource: inspection.publishedSource,
      framework: inspection.framework,
      version: inspection.version,
      kind: inspection.kind,
      inspectionStart: inspection.inspectionStart,
      inspectionEnd: inspection.inspectionEnd,
      judgements: inspection.judgements,
      changes,
      file: inspection.filePath,
      ofstedUrl: inspection.ofstedUrl,
    })),
  };
}

function describeHistory(history: InspectionHistoryView): string {
  const lines = [
    `${history.authority.name} (URN ${history.authority.urn}): ${plural(history.entries.length, 'inspection')} stored`,
  ];
  for (const { inspection, changes } of history.entries) {
    lines.push(
      `  ${inspection.published}  ${inspection.kind} (${inspection.version}), on site ${inspection.inspectionStart} to ${inspection.inspectionEnd}`,
    );
    for (const area of JUDGEMENT_AREAS) {
      const grade = inspection.judgements[area];
      if (!grade) continue;
      const change = changes[area];
      const note = change
        ? change.direction === 'unchanged'
          ? 'unchanged'
          : `${change.direction} from ${GRADE_SHORT[change.from].toLowerCase()}`
        : 'first grade';
      lines.push(`    ${JUDGEMENT_AREA_SHORT[area].padEnd(22)} ${GRADE_SHORT[grade].padEnd(21)} ${note}`);
    }
  }
  return lines.join('\n') + '\n';
}
