/** Every URL of the web app and the API, once. Views get `paths` and call these too. */

function segment(value: string): string {
  return encodeURIComponent(value);
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const paths = {
  home: '/',
  national: '/national',
  nationalCsv: '/national/latest-inspections.csv',
  compare: '/compare',
  search: '/search',
  council: (urn: string) => `/councils/${segment(urn)}`,
  inspection: (id: string | number) => `/inspections/${segment(String(id))}`,
  committeeReport: (id: string | number) => `/inspections/${segment(String(id))}/committee-report`,
  about: '/about',
  signIn: '/sign-in',
  account: '/account',
  health: '/health',
  assets: '/assets',
  appAssets: '/app-assets',
  withQuery,
  api: {
    root: '/api/v1',
    openapi: '/api/v1/openapi.json',
    councils: '/api/v1/councils',
    council: (urn: string) => `/api/v1/councils/${segment(urn)}`,
    councilInspections: (urn: string) => `/api/v1/councils/${segment(urn)}/inspections`,
    councilComparisons: (urn: string) => `/api/v1/councils/${segment(urn)}/comparisons`,
    councilNext: (urn: string) => `/api/v1/councils/${segment(urn)}/next`,
    inspection: (id: string | number) => `/api/v1/inspections/${segment(String(id))}`,
    committeeReportDocx: (id: string | number) => `/api/v1/inspections/${segment(String(id))}/committee-report.docx`,
    nationalDistribution: '/api/v1/stats/national',
    latestInspections: '/api/v1/stats/latest-inspections',
  },
} as const;

export type Paths = typeof paths;
