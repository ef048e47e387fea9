import { parseArgs } from 'node:util';
import type { SyncRunView, SyncSummary } from '../../services/index.ts';
import type { Command } from '../command.ts';
import { plural } from '../plural.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

/** Exit status of a sync that finished but warned (the site may have changed): not a silent success. */
export const EXIT_WARNINGS = 3;

export const syncCommand: Command = {
  name: 'sync',
  summary: "Fetch Ofsted's new reports and letters, import them and alert subscribers (--status: the last runs)",
  usage:
    'csci sync [--council URN]... [--dry-run] [--json] [--data-dir DIR]\n       csci sync --status [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        council: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        status: { type: 'boolean' },
        ...DATA_DIR_OPTION,
      },
    });
    return withServices(values['data-dir'], async (services) => {
      if (values.status) {
        const runs = await services.sync.status(10);
        io.stdout.write(values.json ? JSON.stringify(runs) + '\n' : describeRuns(runs));
        return 0;
      }
      const progress = io.stderr.isTTY && !values.json ? (line: string) => io.stderr.write(`${line}\n`) : undefined;
      // Ctrl-C (or SIGTERM) ends the sync after the council in hand, so the run is recorded whole.
      const controller = new AbortController();
      const stop = (): void => {
        io.stderr.write('Stopping after the council in hand...\n');
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let summary: SyncSummary;
      try {
        summary = await services.sync.run({
          councils: values.council,
          dryRun: values['dry-run'],
          onProgress: progress,
          signal: controller.signal,
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      io.stdout.write(values.json ? JSON.stringify(summary) + '\n' : describeSummary(summary));
      if (summary.status === 'failed' || summary.failed.length > 0) return 1;
      return summary.warnings.length > 0 ? EXIT_WARNINGS : 0;
    });
  },
};

function describeSummary(summary: SyncSummary): string {
  const lines = [
    `Sync ${summary.runId}${summary.dryRun ? ' (dry run)' : ''}: ${summary.status === 'failed' ? 'FAILED' : 'finished'}. ${plural(summary.councils, 'council')} checked (${plural(summary.pagesUnchanged, 'page')} unchanged), ${plural(summary.requests, 'request')}, ${plural(summary.downloads, 'file')} downloaded.`,
    `New ${summary.imported.length}, already held ${summary.alreadyHeld}, not ours ${summary.notOurs.length}, not read yet ${summary.notReadYet.length}, failed ${summary.failed.length}.`,
  ];
  if (summary.message) lines.push(summary.message);
  const list = (
    title: string,
    items: readonly { urn: string; kindLabel: string; listedOn: string | null; url: string; reason?: string }[],
  ): void => {
    if (items.length === 0) return;
    lines.push('', `${title}:`);
    for (const item of items)
      lines.push(
        `  ${item.urn} ${item.listedOn ?? '(no date)'} ${item.kindLabel} ${item.url}${item.reason ? ` (${item.reason})` : ''}`,
      );
  };
  list('New', summary.imported);
  list('Would download', summary.wouldDownload);
  list('Not read yet (kept; the reader does not read these letters yet)', summary.notReadYet);
  if (summary.failed.length > 0) {
    lines.push('', 'Failed:');
    for (const failure of summary.failed)
      lines.push(
        `  ${failure.urn}${failure.fileId ? ` file ${failure.fileId}` : ''}: ${failure.code}: ${failure.message}`,
      );
  }
  if (summary.warnings.length > 0) {
    lines.push('', `Warnings (${summary.warnings.length}):`);
    for (const warning of summary.warnings) lines.push(`  ${warning.code}: ${warning.message}`);
  }
  const sent = summary.alerts.filter((alert) => alert.status === 'sent').length;
  if (summary.alerts.length > 0)
    lines.push(
      '',
      `Alerts: ${sent} sent, ${summary.alerts.filter((alert) => alert.status === 'failed').length} failed, ${summary.alerts.filter((alert) => alert.status === 'no-smtp').length} not sent (no CSCI_SMTP_URL).`,
    );
  return lines.join('\n') + '\n';
}

function describeRuns(runs: readonly SyncRunView[]): string {
  if (runs.length === 0) return 'No sync has run yet.\n';
  const lines = runs.map((run) => {
    const head = `#${run.id} ${run.startedAt} ${run.status}${run.dryRun ? ' (dry run)' : ''}: ${plural(run.councils, 'council')}, ${plural(run.requests, 'request')}, ${plural(run.downloads, 'download')}; new ${run.imported}, already held ${run.alreadyHeld}, not ours ${run.notOurs}, not read yet ${run.notReadYet}, failed ${run.failed}, alerts sent ${run.alertsSent}, warnings ${run.warnings.length}`;
    const details = [
      ...(run.message ? [`    ${run.message}`] : []),
      ...run.warnings.slice(0, 5).map((warning) => `    warning ${warning.code}: ${warning.message}`),
      ...run.failures
        .slice(0, 5)
        .map(
          (failure) =>
            `    failed ${failure.urn}${failure.fileId ? ` file ${failure.fileId}` : ''}: ${failure.message}`,
        ),
    ];
    return [head, ...details].join('\n');
  });
  return lines.join('\n') + '\n';
}
