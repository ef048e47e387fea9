/** Letters after ungraded visits as stored: each with its letter facts, improvements and priority actions. */
import type { Kysely } from 'kysely';
import { isLetterKind, visitThemeSchema, type VisitLetterRecord } from '../domain/index.ts';
import { listInspectionRows, listVisitLetterRows, type Database } from '../store/index.ts';

export interface VisitLetterService {
  /** Every stored letter, by council then visit date. */
  listAll(): Promise<VisitLetterRecord[]>;
}

function parseJsonArray<T>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export function createVisitLetterService(db: Kysely<Database>): VisitLetterService {
  return {
    async listAll() {
      const letterIds = db.selectFrom('visit_letter').select('inspection_id');
      const [rows, letters, items, warnings] = await Promise.all([
        listInspectionRows(db),
        listVisitLetterRows(db),
        db
          .selectFrom('recommendation')
          .selectAll()
          .where('inspection_id', 'in', letterIds)
          .orderBy('inspection_id')
          .orderBy('list')
          .orderBy('position')
          .execute(),
        // The reader's warnings, in report_warning as a report's are.
        db
          .selectFrom('report_warning')
          .selectAll()
          .where('inspection_id', 'in', letterIds)
          .orderBy('inspection_id')
          .orderBy('position')
          .execute(),
      ]);
      const letterById = new Map(letters.map((letter) => [Number(letter.inspection_id), letter]));
      const itemsById = Map.groupBy(items, (item) => Number(item.inspection_id));
      const warningsById = Map.groupBy(warnings, (warning) => Number(warning.inspection_id));
      return rows.flatMap((row): VisitLetterRecord[] => {
        const letter = letterById.get(Number(row.id));
        if (!letter || !isLetterKind(row.kind)) return [];
        const own = itemsById.get(Number(row.id)) ?? [];
        const theme = visitThemeSchema.safeParse(letter.theme);
        return [
          {
            inspectionId: Number(row.id),
            urn: row.urn,
            kind: row.kind,
            visitStart: row.inspection_start,
            visitEnd: row.inspection_end,
            published: row.published,
            letterDate: letter.letter_date,
            focus: letter.focus,
            theme: theme.success ? theme.data : null,
            covidContext: letter.covid_context === 1,
            inspectors: parseJsonArray<string>(letter.inspectors),
            leadInspector: row.lead_inspector,
            recommendations: own.filter((item) => item.list === 'la').map((item) => item.text),
            priorityActions: own.filter((item) => item.list === 'priority').map((item) => item.text),
            warnings: (warningsById.get(Number(row.id)) ?? []).map((warning) => ({
              code: warning.code,
              message: warning.message,
            })),
          },
        ];
      });
    },
  };
}
