import { parseArgs } from 'node:util';
import type { ImportRunView, ImportSummary } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { plural } from '../plural.ts';
import { progressReporter } from '../progress.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Read and store every report under a folder (idempotent; prints a summary)',
  usage:
    'csci import <folder|file.pdf>... [--json] [--manifest FILE] [--workers N] [--data-dir DIR]\ncsci import --runs [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        manifest: { type: 'string' },
        workers: { type: 'string' },
        runs: { type: 'boolean' },
        ...DATA_DIR_OPTION,
      },
    });
    if (values.runs) {
      if (positionals.length > 0) throw new UsageError('--runs lists the import runs: give it no folder.');
      return withServices(values['data-dir'], async (services) => {
        const runs = await services.imports.listRuns();
        io.stdout.write(values.json ? JSON.stringify({ runs }) + '\n' : describeRuns(runs));
        return 0;
      });
    }
    if (positionals.length === 0) throw new UsageError('Give a folder (or PDF files) to import.');
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
      throw new UsageError('--workers must be a whole number, 0 or more.');
    return withServices(values['data-dir'], async (services) => {
      const progress = progressReporter(io.stderr, 'Importing');
      let summary: ImportSummary;
      try {
        summary = await services.imports.importReports(positionals, {
          manifest: values.manifest,
          workers,
          onProgress: progress.update,
        });
      } finally {
        progress.stop();
      }
      if (values.json) {
        const { outcomes: _outcomes, ...rest } = summary;
        io.stdout.write(JSON.stringify(rest) + '\n');
      } else {
        io.stdout.write(describeSummary(summary));
      }
      return summary.failed > 0 || summary.files === 0 ? 1 : 0;
    });
  },
};

function describeSummary(summary: ImportSummary): string {
  const lines = [
    summary.files === 0
      ? 'No PDF files found.'
      : `${plural(summary.files, 'file')}: imported ${summary.imported}, updated ${summary.updated}, already present ${summary.alreadyPresent}, failed ${summary.failed}.`,
  ];
  if (summary.failures.length > 0) {
    lines.push('', 'Failed:');
    for (const failure of summary.failures) lines.push(`  ${failure.file}: ${failure.code}: ${failure.message}`);
  }
  if (summary.anomalies.length > 0) {
    lines.push('', `Anomalies flagged by the framework rules (${summary.anomalies.length}):`);
    for (const anomaly of summary.anomalies) lines.push(`  ${anomaly.file}: ${anomaly.severity}: ${anomaly.reason}`);
  } else if (summary.files > 0) {
    lines.push('No anomalies flagged by the framework rules.');
  }
  return lines.join('\n') + '\n';
}

/** One line per run, newest first. */
function describeRuns(runs: readonly ImportRunView[]): string {
  if (runs.length === 0) return 'No import has been run on this store.\n';
  const lines = runs.map((run) => {
    const counts = `${plural(run.files, 'file')}: imported ${run.imported}, updated ${run.updated}, already present ${run.alreadyPresent}, failed ${run.failed}`;
    const ended =
      run.status === 'running'
        ? 'still running'
        : `${run.status === 'interrupted' ? 'last seen' : 'finished'} ${run.finishedAt ?? 'at an unknown time'}`;
    return `#${run.id} ${run.status}: started ${run.startedAt}, ${ended}; ${run.status === 'finished' ? counts : `${plural(run.files, 'file')} found`}; ${run.source}`;
  });
  return lines.join('\n') + '\n';
}
