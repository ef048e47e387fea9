import { parseArgs } from 'node:util';
import type { RemindSummary } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const remindCommand: Command = {
  name: 'remind',
  summary:
    'Email improvement plan reminders: actions due soon or overdue, measures with no value for their period (once per event)',
  usage: 'csci remind [--within DAYS] [--dry-run] [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        within: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        ...DATA_DIR_OPTION,
      },
    });
    const withinDays = values.within === undefined ? 14 : Number(values.within);
    if (!/^\d+$/.test(values.within ?? '14') || withinDays > 366)
      throw new UsageError(`--within takes a whole number of days from 0 to 366, not "${values.within}".`);
    return withServices(values['data-dir'], async (services) => {
      const summary = await services.planReminders.remind({ withinDays, dryRun: values['dry-run'] });
      io.stdout.write(values.json ? JSON.stringify(summary) + '\n' : describeSummary(summary));
      return summary.emailsFailed > 0 ? 1 : 0;
    });
  },
};

function describeSummary(summary: RemindSummary): string {
  const lines = [
    `Reminders on ${summary.today}${summary.dryRun ? ' (dry run: nothing sent)' : ''}: ${summary.plans} open plans, ${summary.events.length} events (due within ${summary.withinDays} days, overdue, measures with no value), ${summary.emailsSent} emails sent, ${summary.emailsFailed} failed.`,
  ];
  for (const event of summary.events) {
    lines.push(`  ${event.councilName}, plan ${event.planId}: ${event.text}`);
    if (event.recipients.length === 0)
      lines.push('    no one to tell: the owner has no email here and the council has no editors');
    for (const recipient of event.recipients)
      lines.push(`    ${recipient.email}: ${recipient.status}${recipient.error ? ` (${recipient.error})` : ''}`);
  }
  if (summary.unscheduledMeasures.length > 0)
    lines.push(
      `${summary.unscheduledMeasures.length} measures say how often they are measured in words the reminders do not know (use weekly, monthly, quarterly, termly, half-yearly or annually): plan:measure ${summary.unscheduledMeasures.join(', ')}.`,
    );
  return lines.join('\n') + '\n';
}
