import { parseArgs } from 'node:util';
import type { ImportSummary } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { progressReporter } from '../progress.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Read and store every report under a folder (idempotent; prints a summary)',
  usage: 'csci import <folder|file.pdf>... [--json] [--manifest FILE] [--workers N] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, manifest: { type: 'string' }, workers: { type: 'string' }, ...DATA_DIR_OPTION },
    });
    if (positionals.length === 0) throw new UsageError('Give a folder (or PDF files) to import.');
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new UsageError('--workers must be a whole number, 0 or more.');
    return withServices(values['data-dir'], async (services) => {
      const progress = progressReporter(io.stderr, 'Importing');
      let summary: ImportSummary;
      try {
        summary = await services.imports.importReports(positionals, { manifest: values.manifest, workers, onProgress: progress.update });
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
    summary.files === 0 ? 'No PDF files found.' : `${summary.files} files: imported ${summary.imported}, updated ${summary.updated}, already present ${summary.alreadyPresent}, failed ${summary.failed}.`,
  ];
  if (summary.failures.length > 0) {
    lines.push('', 'Failed:');
    for (const failure of summary.failures) lines.push(`  ${failure.file}: ${failure.code}: ${failure.message}`);
  }
  if (summary.anomalies.length > 0) {
    lines.push('', `Anomalies flagged by the framework rules (${summary.anomalies.length}):`);
    for (const anomaly of summary.anomalies) lines.push(`  ${anomaly.file}: ${anomaly.severity} ${anomaly.rule}: ${anomaly.reason}`);
  } else if (summary.files > 0) {
    lines.push('No anomalies flagged by the framework rules.');
  }
  return lines.join('\n') + '\n';
}
