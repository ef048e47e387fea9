/** The read model's part for letters after ungraded visits: the council page's list, its next steps, /national's themes. */
import { focusedVisitThemesByYear } from '../analytics/index.ts';
import { VISIT_THEME_LABELS, VISIT_THEMES, type VisitLetterRecord } from '../domain/index.ts';
import { lettersOutlook } from '../rules/index.ts';
import { ukDate } from './format.ts';
import type { LetterDetail, LetterEntry, NextStep, VisitThemeRow } from './read-model.ts';

function letterEntry(letter: VisitLetterRecord): LetterEntry {
  return {
    id: letter.inspectionId,
    kind: letter.kind,
    visitStart: letter.visitStart,
    visitEnd: letter.visitEnd,
    published: letter.published,
    focus: letter.focus,
    themeLabel: letter.theme ? VISIT_THEME_LABELS[letter.theme] : null,
    recommendations: letter.recommendations,
    priorityActions: letter.priorityActions,
    warnings: letter.warnings,
  };
}

export function councilLetters(letters: readonly VisitLetterRecord[], asAt: string): LetterEntry[] {
  return letters
    .filter((letter) => letter.published <= asAt)
    .sort((a, b) => b.visitStart.localeCompare(a.visitStart))
    .map(letterEntry);
}

/** The letter stored as inspection `id`, or null when that inspection is a graded one. */
export function letterDetail(letters: readonly VisitLetterRecord[], id: number): LetterDetail | null {
  const letter = letters.find((candidate) => candidate.inspectionId === id);
  return letter ? { ...letterEntry(letter), letterDate: letter.letterDate, inspectors: letter.inspectors, covidContext: letter.covidContext } : null;
}

/** What the letters add to "What comes next": visits done since the latest graded inspection, priority-action deadlines. */
export function letterSteps(letters: readonly VisitLetterRecord[], latestInspectionStart: string | null, asAt: string): NextStep[] {
  if (letters.length === 0) return [];
  const outlook = lettersOutlook(letters, latestInspectionStart, asAt);
  const done = [
    `${outlook.focusedVisitsDone} focused visit${outlook.focusedVisitsDone === 1 ? '' : 's'}`,
    ...(outlook.monitoringVisitsDone ? [`${outlook.monitoringVisitsDone} monitoring visit${outlook.monitoringVisitsDone === 1 ? '' : 's'}`] : []),
    ...(outlook.jtaisDone ? [`${outlook.jtaisDone} joint targeted area inspection${outlook.jtaisDone === 1 ? '' : 's'}`] : []),
  ];
  const last = outlook.since.at(-1);
  const steps: NextStep[] = [
    {
      heading: 'Visits done since the latest graded inspection',
      basis: 'rule',
      lines: [
        `${done.join(', ')} published by ${ukDate(asAt)} since the latest graded inspection began.`,
        ...(last ? [`The latest: on site ${ukDate(last.visitStart)}, published ${ukDate(last.published)}${last.focus ? `, looking at ${last.focus}` : ''}.`] : []),
      ],
    },
  ];
  const [clock] = outlook.priorityActions;
  if (clock) {
    steps.push({
      heading: 'Areas for priority action',
      basis: 'rule',
      lines: [
        `The letter published ${ukDate(clock.letter.published)} named ${clock.letter.priorityActions.length} area${clock.letter.priorityActions.length === 1 ? '' : 's'} for priority action (counted from the letter of ${ukDate(clock.received)}).`,
        ...clock.deadlines.map((deadline) => `${deadline.name}: due ${ukDate(deadline.due)}, ${deadline.workingDays} working days from ${ukDate(deadline.anchor)} (${deadline.status}; ${deadline.legalBasis.citation}).`),
      ],
    });
  }
  return steps;
}

export function visitThemes(letters: readonly VisitLetterRecord[], asAt: string): VisitThemeRow[] {
  return focusedVisitThemesByYear(letters, asAt).map((row) => ({
    year: row.year,
    total: row.total,
    counts: VISIT_THEMES.map((theme) => ({ theme, label: VISIT_THEME_LABELS[theme], count: row.counts[theme] })),
  }));
}
