/** The read model's part for letters after ungraded visits: a council's letters, the visits done since its latest inspection, /national's themes. */
import { focusedVisitThemesByYear } from '../analytics/index.ts';
import { VISIT_THEMES, type IsoDate, type VisitLetterRecord } from '../domain/index.ts';
import { lettersOutlook } from '../rules/index.ts';
import { deadlineView } from './deadline-view.ts';
import type { LetterDetail, LetterEntry, VisitsDone, VisitThemeRow } from './read-model.ts';

function letterEntry(letter: VisitLetterRecord): LetterEntry {
  return {
    id: letter.inspectionId,
    kind: letter.kind,
    visitStart: letter.visitStart,
    visitEnd: letter.visitEnd,
    published: letter.published,
    focus: letter.focus,
    theme: letter.theme,
    recommendations: letter.recommendations,
    priorityActions: letter.priorityActions,
    warnings: letter.warnings,
  };
}

/** The council's letters published by the date, newest visit first. */
export function councilLetters(letters: readonly VisitLetterRecord[], asAt: IsoDate): LetterEntry[] {
  return letters
    .filter((letter) => letter.published <= asAt)
    .sort((a, b) => b.visitStart.localeCompare(a.visitStart))
    .map(letterEntry);
}

/** The letter stored as inspection `id`, or null when that inspection is a graded one. */
export function letterDetail(letters: readonly VisitLetterRecord[], id: number): LetterDetail | null {
  const letter = letters.find((candidate) => candidate.inspectionId === id);
  return letter
    ? {
        ...letterEntry(letter),
        letterDate: letter.letterDate,
        inspectors: letter.inspectors,
        covidContext: letter.covidContext,
      }
    : null;
}

/** Visits done since the latest graded inspection (started `latestInspectionStart`, null: none) and the latest priority-action clock. */
export function lettersSince(
  letters: readonly VisitLetterRecord[],
  latestInspectionStart: IsoDate | null,
  asAt: IsoDate,
): VisitsDone | null {
  if (!letters.some((letter) => letter.published <= asAt)) return null;
  const outlook = lettersOutlook(letters, latestInspectionStart, asAt);
  const last = outlook.since.at(-1);
  const [clock] = outlook.priorityActions;
  return {
    focusedVisits: outlook.focusedVisitsDone,
    monitoringVisits: outlook.monitoringVisitsDone,
    jtais: outlook.jtaisDone,
    latest: last ? letterEntry(last) : null,
    priorityActions: clock
      ? {
          letter: letterEntry(clock.letter),
          received: clock.received,
          deadlines: clock.deadlines.map((deadline) => deadlineView(deadline, deadline.status)),
        }
      : null,
  };
}

export function visitThemes(letters: readonly VisitLetterRecord[], asAt: IsoDate): VisitThemeRow[] {
  return focusedVisitThemesByYear(letters, asAt).map((row) => ({
    year: row.year,
    total: row.total,
    counts: VISIT_THEMES.map((theme) => ({ theme, count: row.counts[theme] })),
  }));
}
