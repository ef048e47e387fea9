/** The national page's query: the date, the filters and the sort, each checked with a GOV.UK-style message. */
import { z } from 'zod';
import { FRAMEWORKS, GRADES, JUDGEMENT_AREAS, isoDateSchema, type Framework } from '../../../domain/index.ts';
import { COUNTED_BY, GOOD_OR_BETTER, type CountedBy, type OverallFilter } from '../../../services/index.ts';

export const SORT_KEYS = ['name', 'region', 'published', 'kind', ...JUDGEMENT_AREAS] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const text = (max: number) => z.string().trim().max(max);

/** Lenient parts: a bad sort or filter value falls back to its default rather than failing the page. */
export const nationalQuerySchema = z.object({
  asAt: z.string().trim().optional(),
  region: text(80).optional().catch(undefined),
  overall: z
    .enum([...GRADES, GOOD_OR_BETTER])
    .optional()
    .catch(undefined),
  framework: z.enum(FRAMEWORKS).optional().catch(undefined),
  name: text(100).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
  countedBy: z.enum(COUNTED_BY).optional().catch(undefined),
});

export interface NationalQuery {
  readonly asAt: string | undefined;
  readonly region: string | undefined;
  readonly overall: OverallFilter | undefined;
  readonly framework: Framework | undefined;
  readonly name: string | undefined;
  readonly sort: SortKey;
  readonly order: 'asc' | 'desc';
  /** Which inspections count at the date: published by then (default) or carried out by then. */
  readonly countedBy: CountedBy;
}

export interface ParsedNationalQuery {
  readonly query: NationalQuery;
  /** The date as typed, when it is not a real date: the page shows an error and uses today. */
  readonly asAtError: string | null;
  readonly asAtInput: string;
}

export function parseNationalQuery(raw: unknown): ParsedNationalQuery {
  const parsed = nationalQuerySchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
  const asAtInput = parsed.asAt ?? '';
  let asAt: string | undefined;
  let asAtError: string | null = null;
  if (asAtInput !== '') {
    if (isoDateSchema.safeParse(asAtInput).success) asAt = asAtInput;
    else asAtError = 'Enter a real date as year-month-day, for example 2019-03-31';
  }
  return {
    query: {
      asAt,
      region: parsed.region || undefined,
      overall: parsed.overall,
      framework: parsed.framework,
      name: parsed.name || undefined,
      sort: parsed.sort ?? 'name',
      order: parsed.order ?? 'asc',
      countedBy: parsed.countedBy ?? 'published',
    },
    asAtError,
    asAtInput,
  };
}
