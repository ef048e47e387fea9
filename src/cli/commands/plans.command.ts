import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_LINE_ACTOR } from '../../domain/actor.ts';
import { parseImportMapping, type PlanImportPreview } from '../../services/plan-import.service.ts';
import { UsageError, type Command } from '../command.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const plansCommand: Command = {
  name: 'plans',
  summary: "Improvement plans: import an existing plan's actions from an Excel workbook (checks first; --yes imports)",
  usage: 'csci plans import FILE.xlsx --plan ID [--map "heading=field"]... [--yes] [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        plan: { type: 'string' },
        map: { type: 'string', multiple: true },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
        ...DATA_DIR_OPTION,
      },
    });
    const [action, file] = positionals;
    if (action !== 'import') throw new UsageError('Say import.');
    if (!file) throw new UsageError('Give the workbook to import.');
    const planId = Number(values.plan);
    if (!Number.isInteger(planId) || planId < 1) throw new UsageError('Give the plan to import into: --plan ID.');
    let choices;
    try {
      choices = parseImportMapping(values.map ?? []);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const bytes = await readFile(file);
    return withServices(values['data-dir'], async (services) => {
      const { preview, outcome } = await services.planImports.importFile(
        COMMAND_LINE_ACTOR,
        planId,
        { name: basename(file), bytes },
        choices,
        values.yes === true,
      );
      if (values.json) io.stdout.write(JSON.stringify({ preview, outcome }) + '\n');
      else io.stdout.write(describe(preview, outcome, values.yes === true));
      if (preview.rows === null) return 1;
      return values.yes === true && outcome === null ? 1 : 0;
    });
  },
};

function describe(
  preview: PlanImportPreview,
  outcome: { actions: number; measures: number; planVersion: number } | null,
  confirmed: boolean,
): string {
  const lines = [`${preview.fileName}: sheet "${preview.sheet}", headings on row ${preview.headingRow}.`];
  for (const heading of preview.headings)
    lines.push(`  column "${heading.heading}" -> ${heading.field || '(left out)'}`);
  if (preview.rows === null) {
    lines.push(`No column holds: ${preview.missing.join(', ')}. Say which with --map "heading=field".`);
    return lines.join('\n') + '\n';
  }
  lines.push(
    `${preview.rows.actions.length} actions can be read; ${preview.rows.problems.length} rows cannot${preview.rows.blankRows ? ` (${preview.rows.blankRows} blank rows skipped)` : ''}.`,
  );
  for (const problem of preview.rows.problems) lines.push(`  row ${problem.row}: ${problem.reasons.join('; ')}`);
  if (outcome)
    lines.push(
      `Imported ${outcome.actions} actions and ${outcome.measures} measures; the plan is now at version ${outcome.planVersion}.`,
    );
  else if (confirmed) lines.push('Nothing imported: no row can be read.');
  else lines.push('Nothing imported yet: run again with --yes to import the rows that can be read.');
  return lines.join('\n') + '\n';
}
