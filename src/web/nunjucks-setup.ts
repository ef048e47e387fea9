/** Nunjucks with our views first, then govuk-frontend's templates and macros; the filters pages use. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import {
  areaShort,
  gradeShort,
  gradeWording,
  kindLabel,
  kindShort,
  ordinal,
  percent,
  plural,
  ukDate,
  ukDateRange,
  ukDateShort,
  ukMonth,
} from './format.ts';
import { paths } from '../paths.ts';
import { VISIT_THEME_LABELS, type VisitTheme } from '../domain/index.ts';
import { todayIso } from '../calendar/index.ts';

export const SERVICE_NAME = "Children's services inspections";

const viewsDir = join(dirname(fileURLToPath(import.meta.url)), 'views');
/** The folder holding govuk-frontend's `govuk/` (template.njk, components/*, macros/*). */
export const govukDistDir = dirname(dirname(fileURLToPath(import.meta.resolve('govuk-frontend'))));

export function createNunjucks(options: { watch?: boolean } = {}): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([viewsDir, govukDistDir], {
    noCache: options.watch ?? false,
    watch: false,
  });
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('ukDate', ukDate);
  env.addFilter('ukMonth', ukMonth);
  env.addFilter('ukDateShort', ukDateShort);
  env.addFilter('ukDateRange', (start: string, end: string) => ukDateRange(start, end));
  env.addFilter('gradeWording', gradeWording);
  env.addFilter('gradeShort', gradeShort);
  env.addFilter('areaShort', areaShort);
  env.addFilter('kindLabel', kindLabel);
  env.addFilter('visitTheme', (theme: VisitTheme | null) => (theme ? VISIT_THEME_LABELS[theme] : ''));
  env.addFilter('kindShort', kindShort);
  env.addFilter('percent', percent);
  env.addFilter('ordinal', ordinal);
  env.addFilter('plural', (count: number, one: string, many?: string) => plural(count, one, many));
  env.addFilter('number', (value: number) => (typeof value === 'number' ? value.toLocaleString('en-GB') : ''));
  env.addGlobal('paths', paths);
  env.addGlobal('serviceName', SERVICE_NAME);
  /** Today's date, for the printed page's note of when the figures were taken. */
  env.addGlobal('todayIso', () => todayIso());
  return env;
}
