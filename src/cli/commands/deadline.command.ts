import { parseArgs } from 'node:util';
import { formatUkDate } from '../../calendar/index.ts';
import { deadlinesAfterPriorityActionLetter, deadlinesAfterPublication, type Deadline } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { parseDateArgument, parseOptionalDate } from '../date-argument.ts';

const ANCHOR_WORDS: Readonly<Record<Deadline['from'], string>> = {
  publication: 'publication',
  receipt: 'receipt of the report',
  letter: 'the focused visit letter',
};

/** One line per deadline: the due date first, then what it is, the count and the legal basis. */
function describeDeadline(deadline: Deadline): string {
  return `${deadline.due}  ${deadline.name}: due ${formatUkDate(deadline.due, { withWeekday: true })}, ${deadline.workingDays} working days after ${ANCHOR_WORDS[deadline.from]} on ${formatUkDate(deadline.anchor, { withWeekday: true })} (${deadline.legalBasis.citation})\n`;
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary:
    'Statutory deadlines after a report is published (action plan first), or after a focused visit letter with areas for priority action',
  usage:
    'csci deadline --published YYYY-MM-DD [--received YYYY-MM-DD] [--json] | csci deadline --priority-action-letter YYYY-MM-DD [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        published: { type: 'string' },
        received: { type: 'string' },
        'priority-action-letter': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const letter = values['priority-action-letter'];
    if ((values.published === undefined) === (letter === undefined))
      throw new UsageError('Give either --published or --priority-action-letter.');
    if (letter !== undefined && values.received !== undefined)
      throw new UsageError('--received goes with --published.');
    const deadlines =
      letter !== undefined
        ? deadlinesAfterPriorityActionLetter(parseDateArgument(letter, '--priority-action-letter'))
        : deadlinesAfterPublication(parseDateArgument(values.published!, '--published'), {
            received: parseOptionalDate(values.received, '--received'),
          });
    if (values.json) {
      io.stdout.write(
        JSON.stringify({
          published: values.published ?? null,
          received: values.received ?? null,
          priorityActionLetter: letter ?? null,
          deadlines,
        }) + '\n',
      );
      return 0;
    }
    const first = deadlines.find((deadline) => deadline.id === 'written-statement-of-action') ?? deadlines[0]!;
    io.stdout.write([first, ...deadlines.filter((deadline) => deadline !== first)].map(describeDeadline).join(''));
    const notes = [...new Set(deadlines.flatMap((deadline) => (deadline.note ? [deadline.note] : [])))];
    for (const note of notes) io.stdout.write(`Note: ${note}\n`);
    return 0;
  },
};
