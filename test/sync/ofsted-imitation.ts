/**
 * A local imitation of Ofsted's site for the sync tests: a reports origin (search listing, provider
 * pages in the markup the live site uses) and a files origin (`/v1/file/{id}`), both node:http on
 * port 0, with switches for the faults a long-running sync meets. Markup written for the tests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';

export interface ImitationPublication {
  readonly fileId: number;
  /** "Children's services inspection", or a legacy wording. */
  readonly kindLabel: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The PDF's bytes (absent for kinds the sync should not download). */
  readonly bytes?: Uint8Array;
  /** Words the link "<label> as pdf - <date>", as older pages do. */
  readonly legacyWording?: boolean;
}

export interface ImitationCouncil {
  readonly urn: string;
  readonly name: string;
  readonly publications: ImitationPublication[];
}

export interface FaultSwitches {
  /** Every request answers 403. */
  forbidden: boolean;
  /** The next N requests answer 429 with this Retry-After (seconds). */
  rateLimited: { count: number; retryAfterSeconds: number };
  /** The next N requests answer 500. */
  serverErrors: number;
  /** PDF downloads cut the connection half way: the next N, or every one. */
  resetMidPdf: number | 'always';
  /** Each answer waits this long first. */
  slowMs: number;
  /** These file ids answer 200 with an HTML "Report not found" page. */
  notFound: Set<number>;
  /** The listing and provider pages use other class names. */
  renamedClasses: boolean;
  /** The most rows one listing page shows, whatever `rows` asks. */
  rowCap: number;
  /** Provider pages send an ETag and answer If-None-Match with 304. */
  etags: boolean;
}

export interface RequestCounts {
  listing: number;
  provider: number;
  /** File requests answered with bytes of a PDF. */
  files: number;
  notModified: number;
  all: number;
  userAgents: Set<string>;
}

export interface OfstedImitation {
  readonly reportsUrl: string;
  readonly filesUrl: string;
  readonly councils: ImitationCouncil[];
  readonly faults: FaultSwitches;
  readonly counts: RequestCounts;
  /** Sockets that carried requests (one connection per origin means few). */
  readonly connections: () => number;
  resetCounts(): void;
  /** Adds a publication at the top of the council's page (newest first). */
  publish(urn: string, publication: ImitationPublication): void;
  close(): Promise<void>;
}

const REGISTER_CSV = new URL('../../data/local-authorities.csv', import.meta.url);

/** Every active council of the register, as the listing shows them: URN and name. */
export function registerCouncils(): { urn: string; name: string }[] {
  const rows = parse(readFileSync(REGISTER_CSV), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.filter((row) => !row.abolished_on).map((row) => ({ urn: row.urn!, name: row.name! }));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function providerHtml(council: ImitationCouncil, filesUrl: string, renamed: boolean): string {
  const timeline = renamed ? 'events' : 'timeline';
  const link = renamed ? 'document-link' : 'publication-link';
  const byDay = Map.groupBy(
    [...council.publications].sort((a, b) => b.fileId - a.fileId),
    (publication) => publication.date,
  );
  const days = [...byDay].map(([date, publications]) => {
    const links = publications.map((publication) => {
      const wording = publication.legacyWording
        ? `${publication.kindLabel} as pdf - ${longDate(date)}`
        : `${publication.kindLabel}, pdf - ${longDate(date)}`;
      return `<a class="${link}" href="${filesUrl}/v1/file/${publication.fileId}">${escapeHtml(publication.kindLabel)} <span class="nonvisual">${escapeHtml(wording)}</span></a>`;
    });
    return `<li class="${timeline}__day"><time datetime="${date}">${longDate(date)}</time><p>${links.join('</p><p>')}</p></li>`;
  });
  const opened = `<li class="${timeline}__day ${timeline}__day--opened"><time datetime="2009-04-01">1 April 2009</time><p>Provider opened</p></li>`;
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(council.name)}</title></head><body>
<h1 class="${renamed ? 'page-title' : 'heading--title'}">${escapeHtml(council.name)}</h1><p>URN: ${council.urn}</p>
<ol class="${timeline}">${days.join('\n')}${opened}</ol></body></html>`;
}

function listingHtml(rows: readonly ImitationCouncil[], nextHref: string | undefined, renamed: boolean): string {
  const items = rows.map(
    (council) =>
      `<li><h3><a href="/provider/44/${council.urn}">${escapeHtml(council.name)}</a></h3><p>Local authority children's services</p></li>`,
  );
  return `<!doctype html><html lang="en"><body><h1>Search results</h1>
<ul class="${renamed ? 'search-results' : 'results-list'}">${items.join('\n')}</ul>
${nextHref ? `<a class="pagination__next" href="${escapeHtml(nextHref)}">Next page</a>` : ''}</body></html>`;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** Starts both origins. Councils not given are listed with one publication that is not ours. */
export async function startOfstedImitation(
  councils: ImitationCouncil[],
  options: { readonly listEveryCouncil?: boolean } = {},
): Promise<OfstedImitation> {
  const all = [...councils];
  if (options.listEveryCouncil !== false) {
    let fileId = 40_000_000;
    for (const council of registerCouncils()) {
      if (all.some((known) => known.urn === council.urn)) continue;
      all.push({
        ...council,
        publications: [{ fileId: (fileId += 1), kindLabel: 'Area SEND full inspection', date: '2023-05-04' }],
      });
    }
  }
  all.sort((a, b) => a.name.localeCompare(b.name));
  const faults: FaultSwitches = {
    forbidden: false,
    rateLimited: { count: 0, retryAfterSeconds: 1 },
    serverErrors: 0,
    resetMidPdf: 0,
    slowMs: 0,
    notFound: new Set(),
    renamedClasses: false,
    rowCap: 100,
    etags: true,
  };
  const counts: RequestCounts = { listing: 0, provider: 0, files: 0, notModified: 0, all: 0, userAgents: new Set() };
  const sockets = new Set<unknown>();
  let filesUrl = '';

  /** The faults every request may meet; true when the answer was given. */
  const faulted = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    counts.all += 1;
    counts.userAgents.add(request.headers['user-agent'] ?? '');
    sockets.add(request.socket);
    if (faults.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.slowMs));
    if (faults.forbidden) {
      response.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>');
      return true;
    }
    if (faults.rateLimited.count > 0) {
      faults.rateLimited.count -= 1;
      response
        .writeHead(429, { 'retry-after': String(faults.rateLimited.retryAfterSeconds), 'content-type': 'text/plain' })
        .end('Too many requests');
      return true;
    }
    if (faults.serverErrors > 0) {
      faults.serverErrors -= 1;
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      return true;
    }
    return false;
  };

  const reports = createServer((request, response) => {
    void (async () => {
      if (await faulted(request, response)) return;
      const url = new URL(request.url ?? '/', 'http://imitation');
      const provider = /^\/provider\/44\/(\d+)$/.exec(url.pathname);
      if (url.pathname === '/search') {
        counts.listing += 1;
        const start = Number(url.searchParams.get('start') ?? 0);
        const rows = Math.min(Number(url.searchParams.get('rows') ?? 10), faults.rowCap);
        const page = all.slice(start, start + rows);
        const next =
          start + rows < all.length
            ? `/search?level_1_types=3&level_2_types%5B%5D=12&start=${start + rows}&rows=${url.searchParams.get('rows') ?? 10}`
            : undefined;
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(listingHtml(page, next, faults.renamedClasses));
        return;
      }
      const council = provider ? all.find((candidate) => candidate.urn === provider[1]) : undefined;
      if (!council) {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Page not found</h1>');
        return;
      }
      counts.provider += 1;
      const html = providerHtml(council, filesUrl, faults.renamedClasses);
      const etag = `"${createHash('sha1').update(html).digest('hex')}"`;
      if (faults.etags && request.headers['if-none-match'] === etag) {
        counts.notModified += 1;
        response.writeHead(304, { etag }).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(faults.etags ? { etag } : {}) })
        .end(html);
    })();
  });

  const files = createServer((request, response) => {
    void (async () => {
      if (await faulted(request, response)) return;
      const id = Number(/^\/v1\/file\/(\d+)$/.exec(new URL(request.url ?? '/', 'http://imitation').pathname)?.[1]);
      const publication = all.flatMap((council) => council.publications).find((candidate) => candidate.fileId === id);
      if (faults.notFound.has(id) || !publication?.bytes) {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><html><body><h1>Report not found</h1></body></html>');
        return;
      }
      const bytes = Buffer.from(publication.bytes);
      const reset = faults.resetMidPdf === 'always' || faults.resetMidPdf > 0;
      if (reset) {
        if (faults.resetMidPdf !== 'always') faults.resetMidPdf -= 1;
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes.length) });
        response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () =>
          setTimeout(() => request.socket.destroy(), 10),
        );
        return;
      }
      counts.files += 1;
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes.length) }).end(bytes);
    })();
  });

  const reportsUrl = await listen(reports);
  filesUrl = await listen(files);
  return {
    reportsUrl,
    filesUrl,
    councils: all,
    faults,
    counts,
    connections: () => sockets.size,
    resetCounts() {
      Object.assign(counts, { listing: 0, provider: 0, files: 0, notModified: 0, all: 0, userAgents: new Set() });
    },
    publish(urn, publication) {
      const council = all.find((candidate) => candidate.urn === urn);
      if (!council) throw new Error(`The imitation lists no council ${urn}.`);
      council.publications.unshift(publication);
    },
    async close() {
      reports.closeAllConnections();
      files.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => reports.close(resolve)),
        new Promise((resolve) => files.close(resolve)),
      ]);
    },
  };
}
