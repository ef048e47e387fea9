import { addWorkingDays, workingDaysBetween } from '../../calendar/index.ts';
import { ValidationError } from '../../errors.ts';
import { UsageError, type Command } from '../command.ts';
import { parseDateArgument } from '../date-argument.ts';

/** A whole number of working days, negative numbers included so that the calendar can refuse them with its own message. */
function parseCount(text: string): number {
  if (!/^[+-]?\d+$/.test(text))
    throw new ValidationError(
      `The number of working days must be a whole number, 0 or more (got "${text}").`,
      'invalid-count',
    );
  return Number(text);
}

export const workdaysCommand: Command = {
  name: 'workdays',
  summary:
    'Working-day arithmetic (England and Wales): the date N working days after a date, or the count between two dates',
  usage: 'csci workdays add YYYY-MM-DD N | csci workdays between YYYY-MM-DD YYYY-MM-DD',
  async run(args, io) {
    const [action, first, second, ...rest] = args;
    if (rest.length > 0 || first === undefined || second === undefined)
      throw new UsageError('Give an action (add or between) and two values.');
    if (action === 'add') {
      io.stdout.write(`${addWorkingDays(parseDateArgument(first, 'The start date'), parseCount(second))}\n`);
      return 0;
    }
    if (action === 'between') {
      io.stdout.write(
        `${workingDaysBetween(parseDateArgument(first, 'The first date'), parseDateArgument(second, 'The second date'))}\n`,
      );
      return 0;
    }
    throw new UsageError(`Unknown action "${action}": use add or between.`);
  },
};
