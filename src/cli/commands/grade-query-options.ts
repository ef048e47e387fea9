/** The options shared by `csci stats ...`: --as-at, --area, --framework, --basis, --counted-by, validated. */
import { todayIso } from '../../calendar/index.ts';
import { BASES, COUNTED_BY, type Basis, type CountedBy, type GradeQuery } from '../../services/index.ts';
import {
  FRAMEWORKS,
  JUDGEMENT_AREA_COLUMNS,
  JUDGEMENT_AREAS,
  type Framework,
  type JudgementArea,
} from '../../domain/index.ts';
import { UsageError } from '../command.ts';
import { parseDateArgument } from '../date-argument.ts';

export const GRADE_QUERY_OPTIONS = {
  'as-at': { type: 'string' },
  area: { type: 'string' },
  framework: { type: 'string' },
  basis: { type: 'string' },
  'counted-by': { type: 'string' },
} as const;

export interface GradeQueryValues {
  readonly 'as-at'?: string;
  readonly area?: string;
  readonly framework?: string;
  readonly basis?: string;
  readonly 'counted-by'?: string;
}

/** Accepts an area by its key (helpAndProtection) or its column name (help_and_protection). */
export function parseArea(text: string | undefined): JudgementArea {
  if (text === undefined) return 'overall';
  const area = JUDGEMENT_AREAS.find(
    (candidate) =>
      candidate.toLowerCase() === text.toLowerCase() || JUDGEMENT_AREA_COLUMNS[candidate] === text.toLowerCase(),
  );
  if (!area) throw new UsageError(`--area must be one of ${JUDGEMENT_AREAS.join(', ')}.`);
  return area;
}

export function parseGradeQuery(values: GradeQueryValues, today: string = todayIso()): GradeQuery {
  const asAt = values['as-at'] === undefined ? today : parseDateArgument(values['as-at'], '--as-at');
  let framework: Framework | undefined;
  if (values.framework !== undefined) {
    framework = FRAMEWORKS.find((candidate) => candidate === values.framework?.toUpperCase());
    if (!framework) throw new UsageError(`--framework must be ${FRAMEWORKS.join(' or ')}.`);
  }
  const basis = (values.basis ?? 'latest') as Basis;
  if (!BASES.includes(basis)) throw new UsageError(`--basis must be ${BASES.join(' or ')}.`);
  const countedBy = (values['counted-by'] ?? 'published') as CountedBy;
  if (!COUNTED_BY.includes(countedBy)) throw new UsageError(`--counted-by must be ${COUNTED_BY.join(' or ')}.`);
  return { asAt, area: parseArea(values.area), basis, countedBy, ...(framework ? { framework } : {}) };
}
