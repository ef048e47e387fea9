/**
 * What a council's letters after ungraded visits mean for what comes next: the focused visits,
 * monitoring visits and JTAIs done since its latest graded inspection, and the 20/70 working-day
 * action-plan deadlines that areas for priority action start. Pure.
 */
import type { IsoDate, VisitLetterRecord } from '../domain/index.ts';
import { deadlinesAfterPriorityActionLetter } from './deadlines.ts';
import type { DeadlineStatus } from './council-outlook.ts';

export interface PriorityActionClock {
  readonly letter: VisitLetterRecord;
  /** The day the letter counts as received: its printed date, else its publication date. */
  readonly received: IsoDate;
  readonly deadlines: readonly DeadlineStatus[];
}

export interface LettersOutlook {
  /** Letters public by the as-at date and after the latest graded inspection began, oldest first. */
  readonly since: readonly VisitLetterRecord[];
  readonly focusedVisitsDone: number;
  readonly monitoringVisitsDone: number;
  readonly jtaisDone: number;
  /** Every letter public by the date with areas for priority action, newest first. */
  readonly priorityActions: readonly PriorityActionClock[];
}

/** The day a letter counts as received, for the deadlines it starts. */
export function letterReceived(letter: Pick<VisitLetterRecord, 'letterDate' | 'published'>): IsoDate {
  return letter.letterDate && letter.letterDate <= letter.published ? letter.letterDate : letter.published;
}

/**
 * The letters of one council public on `asAt` that came after its latest graded inspection (which
 * started on `latestInspectionStart`; null when it has none), and the deadlines their areas for
 * priority action set.
 */
export function lettersOutlook(
  letters: readonly VisitLetterRecord[],
  latestInspectionStart: IsoDate | null,
  asAt: IsoDate,
): LettersOutlook {
  const known = letters
    .filter((letter) => letter.published <= asAt)
    .sort((a, b) => a.visitStart.localeCompare(b.visitStart));
  const since = known.filter((letter) => latestInspectionStart === null || letter.visitStart > latestInspectionStart);
  const count = (kind: VisitLetterRecord['kind']): number => since.filter((letter) => letter.kind === kind).length;
  const priorityActions = known
    .filter((letter) => letter.priorityActions.length > 0)
    .reverse()
    .map((letter) => {
      const received = letterReceived(letter);
      return {
        letter,
        received,
        deadlines: deadlinesAfterPriorityActionLetter(received).map((deadline): DeadlineStatus => ({
          ...deadline,
          status: deadline.due < asAt ? 'passed' : 'running',
        })),
      };
    });
  return {
    since,
    focusedVisitsDone: count('focused-visit'),
    monitoringVisitsDone: count('monitoring-visit'),
    jtaisDone: count('jtai'),
    priorityActions,
  };
}
