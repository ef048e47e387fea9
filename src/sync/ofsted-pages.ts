/**
 * Pure readers of Ofsted's pages: the search listing of councils and a council's provider page with
 * its publications. HTML in, plain data and layout warnings out; no I/O.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { MONTH_NAMES_LOWER_CASE } from '../calendar/index.ts';

/** A warning about the page's shape: the site may have changed, so results may be incomplete. */
export interface LayoutWarning {
  readonly code: string;
  readonly message: string;
}

export interface ListedCouncil {
  readonly urn: string;
  readonly name: string;
  /** The provider page's absolute address. */
  readonly url: string;
}

export interface ListingPage {
  readonly councils: readonly ListedCouncil[];
  /** The absolute address of the next page, when `a.pagination__next` gives one. */
  readonly nextUrl: string | undefined;
  /** Rows in `ul.results-list` (councils or not). */
  readonly rows: number;
  readonly warnings: readonly LayoutWarning[];
}

export interface ListedPublication {
  /** The id in `{FILES}/v1/file/{id}`; ids increase with publication date. */
  readonly fileId: string;
  /** The file's absolute address (the link's href). */
  readonly url: string;
  /** The kind as the listing words it ("Children's services inspection"), or the whole text when unreadable. */
  readonly kindLabel: string;
  /** YYYY-MM-DD from the link's text ("…, pdf - 15 July 2024"); null when the text gives no date. */
  readonly listedOn: string | null;
}

export interface ProviderPage {
  readonly title: string | null;
  /** Newest first, as the page lists them. */
  readonly publications: readonly ListedPublication[];
  readonly warnings: readonly LayoutWarning[];
}

const PROVIDER_PATH = /\/provider\/\d+\/(\d{4,8})(?:[/?#]|$)/;
const FILE_PATH = /\/v1\/file\/(\d+)(?:[/?#]|$)/;
const MONTHS = MONTH_NAMES_LOWER_CASE;

function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function absolute(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** One page of `{REPORTS}/search?...`: the councils' provider pages and the next page's address. */
export function parseListingPage(html: string, pageUrl: string): ListingPage {
  const document = documentOf(html);
  const warnings: LayoutWarning[] = [];
  const list = document.querySelector('ul.results-list');
  const councils: ListedCouncil[] = [];
  let rows = 0;
  if (list === null) {
    const loose = Array.from(document.querySelectorAll('a[href]')).filter((link) =>
      PROVIDER_PATH.test(link.getAttribute('href') ?? ''),
    ).length;
    warnings.push({
      code: 'listing-layout-changed',
      message: `The listing ${pageUrl} has no ul.results-list${loose > 0 ? ` although it links ${loose} provider pages` : ''}: the site's layout may have changed.`,
    });
  } else {
    const items = Array.from(list.querySelectorAll('li')).filter((item) => item.parentElement === list);
    rows = items.length;
    for (const item of items) {
      const link = item.querySelector('h3 a');
      const href = link?.getAttribute('href');
      const url = href ? absolute(href, pageUrl) : undefined;
      const urn = url ? PROVIDER_PATH.exec(new URL(url).pathname)?.[1] : undefined;
      if (link && url && urn) councils.push({ urn, name: textOf(link), url });
    }
    if (rows > 0 && councils.length === 0) {
      warnings.push({
        code: 'listing-layout-changed',
        message: `The listing ${pageUrl} has ${rows} rows but no "h3 a" link to a provider page in them: the site's layout may have changed.`,
      });
    }
  }
  const next = document.querySelector('a.pagination__next')?.getAttribute('href');
  return { councils, nextUrl: next ? absolute(next, pageUrl) : undefined, rows, warnings };
}

/** "15 July 2024" → "2024-07-15"; undefined when it is not such a date. */
export function isoFromListedDate(text: string): string | undefined {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  const day = Number(match[1]);
  if (month < 0) return undefined;
  const date = new Date(Date.UTC(Number(match[3]), month, day));
  if (date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** "Children's services inspection, pdf - 15 July 2024" (or "… as pdf - …") → its kind and date. */
export function parsePublicationText(text: string): { kindLabel: string; listedOn: string | null } {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .trim();
  const match = /^(.*?),?\s+(?:as\s+)?pdf\s+-\s+(.+)$/i.exec(clean);
  const listedOn = match ? isoFromListedDate(match[2]!) : undefined;
  if (!match || listedOn === undefined) return { kindLabel: clean, listedOn: null };
  return { kindLabel: match[1]!.trim(), listedOn };
}

/** `{REPORTS}/provider/44/{URN}`: the council's title and its publications, newest first. */
export function parseProviderPage(html: string, pageUrl: string): ProviderPage {
  const document = documentOf(html);
  const warnings: LayoutWarning[] = [];
  const heading = document.querySelector('h1.heading--title');
  if (heading === null)
    warnings.push({
      code: 'provider-layout-changed',
      message: `The provider page ${pageUrl} has no h1.heading--title: the site's layout may have changed.`,
    });
  const timeline = document.querySelector('ol.timeline');
  const publications: ListedPublication[] = [];
  const fileLinksAnywhere = Array.from(document.querySelectorAll('a[href]')).filter((link) =>
    FILE_PATH.test(link.getAttribute('href') ?? ''),
  ).length;
  if (timeline === null) {
    warnings.push({
      code: 'provider-layout-changed',
      message: `The provider page ${pageUrl} has no ol.timeline${fileLinksAnywhere > 0 ? ` although it links ${fileLinksAnywhere} files` : ''}: the site's layout may have changed.`,
    });
  } else {
    const days = Array.from(timeline.querySelectorAll('li.timeline__day')).filter(
      (day) => day.parentElement === timeline && !day.classList.contains('timeline__day--opened'),
    );
    for (const day of days) {
      for (const link of Array.from(day.querySelectorAll('a.publication-link'))) {
        const url = absolute(link.getAttribute('href') ?? '', pageUrl);
        const fileId = url ? FILE_PATH.exec(new URL(url).pathname)?.[1] : undefined;
        if (!url || !fileId) continue;
        const hidden = textOf(link.querySelector('.nonvisual'));
        const { kindLabel, listedOn } = parsePublicationText(hidden || textOf(link));
        if (listedOn === null)
          warnings.push({
            code: 'unreadable-publication-text',
            message: `The provider page ${pageUrl} words file ${fileId} as "${kindLabel}", which gives no "<kind>, pdf - DD Month YYYY".`,
          });
        publications.push({ fileId, url, kindLabel, listedOn });
      }
    }
    if (publications.length === 0 && fileLinksAnywhere > 0) {
      warnings.push({
        code: 'provider-layout-changed',
        message: `The provider page ${pageUrl} links ${fileLinksAnywhere} files but none as a.publication-link in li.timeline__day: the site's layout may have changed.`,
      });
    }
  }
  return { title: heading ? textOf(heading) : null, publications, warnings };
}

/** A hash of a page's list of publications: the same list means nothing new on the page. */
export function publicationListHash(publications: readonly ListedPublication[]): string {
  const lines = publications
    .map((publication) => `${publication.fileId}\t${publication.kindLabel}\t${publication.listedOn ?? ''}`)
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** What a kind label says a publication is; the PDF's own title is the final word. */
export type PublicationClass = 'report' | 'letter' | 'not-ours' | 'unknown';

const KIND_PATTERNS: readonly (readonly [RegExp, PublicationClass])[] = [
  [/\bsend\b|special educational needs/i, 'not-ours'],
  [
    /children's services inspection|inspection of (?:the )?(?:la|local authority) children's services|single inspection|inspection of local authority children's services|inspection of services for children in need of help and protection|review of (?:the )?local safeguarding children board/i,
    'report',
  ],
  [/focused visit|monitoring visit|joint (?:area )?(?:child protection )?(?:targeted )?inspection|\bjtai\b/i, 'letter'],
  [
    /\b(?:school|college|nursery|childminder|children's home|fostering|adoption agency|further education|apprenticeship)\b/i,
    'not-ours',
  ],
];

export function classifyKindLabel(label: string): PublicationClass {
  const text = label.replace(/[\u2018\u2019]/g, "'");
  return KIND_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'unknown';
}
