/** The themes of focused visits by year of publication, as Ofsted's statistics group them. Pure. */
import { VISIT_THEMES, type VisitLetterRecord, type VisitTheme } from '../domain/index.ts';

export interface VisitThemeYear {
  readonly year: number;
  readonly counts: Readonly<Record<VisitTheme, number>>;
  readonly total: number;
}

/** One row per year with a focused-visit letter published by `asAt`, oldest first. */
export function focusedVisitThemesByYear(letters: readonly VisitLetterRecord[], asAt: string): VisitThemeYear[] {
  const byYear = new Map<number, Record<VisitTheme, number>>();
  for (const letter of letters) {
    if (letter.kind !== 'focused-visit' || letter.published > asAt) continue;
    const year = Number(letter.published.slice(0, 4));
    const counts =
      byYear.get(year) ?? (Object.fromEntries(VISIT_THEMES.map((theme) => [theme, 0])) as Record<VisitTheme, number>);
    counts[letter.theme ?? 'other']++;
    byYear.set(year, counts);
  }
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, counts]) => ({ year, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) }));
}
