/** How facts are worded on pages: UK dates, Ofsted's grade and area wording, counts and percentages. */
import { formatUkDate, isIsoDate } from '../calendar/index.ts';
import {
  GRADE_SHORT,
  GRADE_WORDING,
  INSPECTION_KIND_LABELS,
  JUDGEMENT_AREA_SHORT,
  isGrade,
  type InspectionKind,
  type JudgementArea,
} from '../domain/index.ts';

const UK_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function toDate(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2017-06-13" → "13 June 2017" (calendar's formatUkDate); anything that is not a date is returned as given. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = iso.slice(0, 10);
  return isIsoDate(day) ? formatUkDate(day) : iso;
}

const UK_DATE_SHORT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2017-06-13" → "13 Jun 2017", for dense tables. */
export function ukDateShort(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = toDate(iso);
  return date ? UK_DATE_SHORT.format(date) : iso;
}

/** "2017-06-13" → "Jun 2017". */
export function ukMonth(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = toDate(iso);
  return date ? UK_MONTH.format(date) : iso;
}

/** First and last day of an on-site period: "3 to 14 July 2023", "27 June to 8 July 2022", or across years in full. */
export function ukDateRange(start: string, end: string): string {
  if (!start) return ukDate(end);
  if (!end || start === end) return ukDate(start);
  const [sy, sm] = start.split('-');
  const [ey, em] = end.split('-');
  const endText = ukDate(end);
  if (sy !== ey) return `${ukDate(start)} to ${endText}`;
  const startDay = String(Number(start.slice(8, 10)));
  if (sm === em) return `${startDay} to ${endText}`;
  const startMonth = ukDate(start).replace(/ \d{4}$/, '');
  return `${startMonth} to ${endText}`;
}

/** Ofsted's printed wording of a grade ("Requires improvement to be good"). */
export function gradeWording(grade: string | null | undefined): string {
  return isGrade(grade) ? GRADE_WORDING[grade] : '';
}

/** The short label used in tables and charts ("Requires improvement"). */
export function gradeShort(grade: string | null | undefined): string {
  return isGrade(grade) ? GRADE_SHORT[grade] : '';
}

export function areaShort(area: JudgementArea): string {
  return JUDGEMENT_AREA_SHORT[area];
}

export function kindLabel(kind: string | null | undefined): string {
  if (!kind) return '';
  return (INSPECTION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function kindShort(kind: InspectionKind | string): string {
  const labels: Record<string, string> = {
    sif: 'SIF',
    'sif-reinspection': 'SIF re-inspection',
    'lscb-review': 'LSCB review',
    'ilacs-standard': 'ILACS standard',
    'ilacs-short': 'ILACS short',
    'focused-visit': 'Focused visit',
    'monitoring-visit': 'Monitoring visit',
    jtai: 'JTAI',
  };
  return labels[kind] ?? kind;
}

/** 45.1 → "45%": whole percentages, as council papers quote them. */
export function percent(percentage: number | null | undefined): string {
  if (percentage === null || percentage === undefined || Number.isNaN(percentage)) return '';
  return `${Math.round(percentage)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}
