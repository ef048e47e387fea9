import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  classifyKindLabel,
  isoFromListedDate,
  parseListingPage,
  parseProviderPage,
  parsePublicationText,
  publicationListHash,
} from './ofsted-pages.ts';

const REPORTS = 'https://reports.example.test';
const FILES = 'https://files.example.test';

const providerHtml = `<!doctype html><html><body>
<h1 class="heading--title">Anyshire County Council</h1>
<ol class="timeline">
  <li class="timeline__day timeline__day--opened"><time datetime="2010-01-01">1 January 2010</time>
    <a class="publication-link" href="${FILES}/v1/file/100">Opened <span class="nonvisual">Opened, pdf - 1 January 2010</span></a></li>
  <li class="timeline__day"><time datetime="2024-07-15">15 July 2024</time>
    <a class="publication-link" href="${FILES}/v1/file/50252437">Children’s services inspection <span class="nonvisual">Children’s services inspection, pdf - 15 July 2024</span></a></li>
  <li class="timeline__day"><time>2 March 2022</time>
    <a class="publication-link" href="/v1/file/50170001">Area SEND <span class="nonvisual">Area SEND full inspection, pdf - 2 March 2022</span></a>
    <a class="publication-link" href="${FILES}/v1/file/50160002">Focused visit <span class="nonvisual">Children's services focused visit, pdf - 2 March 2022</span></a></li>
  <li class="timeline__day"><time>9 May 2014</time>
    <a class="publication-link" href="${FILES}/v1/file/2400001">SIF <span class="nonvisual">single inspection of LA children's services as pdf - 9 May 2014</span></a></li>
</ol></body></html>`;

test('a provider page gives its title and publications newest first, without the opened entry', () => {
  const page = parseProviderPage(providerHtml, `${REPORTS}/provider/44/80000`);
  assert.equal(page.title, 'Anyshire County Council');
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(
    page.publications.map((publication) => [publication.fileId, publication.kindLabel, publication.listedOn]),
    [
      ['50252437', "Children's services inspection", '2024-07-15'],
      ['50170001', 'Area SEND full inspection', '2022-03-02'],
      ['50160002', "Children's services focused visit", '2022-03-02'],
      ['2400001', "single inspection of LA children's services", '2014-05-09'],
    ],
  );
  assert.equal(page.publications[1]!.url, `${REPORTS}/v1/file/50170001`);
});

test('renamed classes on a provider page are layout warnings, not an empty success', () => {
  const renamed = providerHtml.replaceAll('timeline', 'events').replace('heading--title', 'title');
  const page = parseProviderPage(renamed, `${REPORTS}/provider/44/80000`);
  assert.equal(page.publications.length, 0);
  assert.deepEqual([...new Set(page.warnings.map((warning) => warning.code))], ['provider-layout-changed']);
  assert.match(page.warnings.map((warning) => warning.message).join(' '), /no ol\.timeline although it links 5 files/);
  const linksRenamed = parseProviderPage(
    providerHtml.replaceAll('publication-link', 'doc-link'),
    `${REPORTS}/provider/44/80000`,
  );
  assert.match(linksRenamed.warnings[0]!.message, /links 5 files but none as a\.publication-link/);
});

test('an empty timeline is no layout warning by itself', () => {
  const page = parseProviderPage(
    '<h1 class="heading--title">X</h1><ol class="timeline"></ol>',
    `${REPORTS}/provider/44/1`,
  );
  assert.deepEqual(page, { title: 'X', publications: [], warnings: [] });
});

test('publication text: kind and date, legacy "as pdf", and unreadable text kept whole', () => {
  assert.deepEqual(parsePublicationText('Joint area child protection inspection, pdf - 1 February 2023'), {
    kindLabel: 'Joint area child protection inspection',
    listedOn: '2023-02-01',
  });
  assert.deepEqual(parsePublicationText('single inspection of LA children’s services as pdf - 30 June 2016'), {
    kindLabel: "single inspection of LA children's services",
    listedOn: '2016-06-30',
  });
  assert.deepEqual(parsePublicationText('Something new'), { kindLabel: 'Something new', listedOn: null });
  assert.equal(isoFromListedDate('31 February 2020'), undefined);
  assert.equal(isoFromListedDate('1 Smarch 2020'), undefined);
});

test('kind labels: reports, letters, not ours and unknown', () => {
  assert.equal(classifyKindLabel("Children's services inspection"), 'report');
  assert.equal(classifyKindLabel("single inspection of LA children's services"), 'report');
  assert.equal(classifyKindLabel("Children's services focused visit"), 'letter');
  assert.equal(classifyKindLabel('Joint area child protection inspection'), 'letter');
  assert.equal(classifyKindLabel('Area SEND full inspection'), 'not-ours');
  assert.equal(classifyKindLabel('Inspection of something else'), 'unknown');
});

test('the hash of a publication list ignores order and changes with a new file', () => {
  const page = parseProviderPage(providerHtml, `${REPORTS}/provider/44/80000`);
  const reversed = [...page.publications].reverse();
  assert.equal(publicationListHash(page.publications), publicationListHash(reversed));
  assert.notEqual(publicationListHash(page.publications), publicationListHash(page.publications.slice(1)));
});

const listingHtml = (
  rows: number,
  next: boolean,
) => `<ul class="results-list">${Array.from({ length: rows }, (_, index) => `<li><h3><a href="/provider/44/${80000 + index}">Council ${index}</a></h3><p>Local authority</p></li>`).join('')}</ul>
${next ? '<a class="pagination__next" href="/search?start=100&amp;rows=100">Next</a>' : ''}`;

test('a listing page gives provider pages, its row count and the next page', () => {
  const page = parseListingPage(listingHtml(3, true), `${REPORTS}/search?start=0&rows=100`);
  assert.equal(page.rows, 3);
  assert.deepEqual(page.councils[2], { urn: '80002', name: 'Council 2', url: `${REPORTS}/provider/44/80002` });
  assert.equal(page.nextUrl, `${REPORTS}/search?start=100&rows=100`);
  assert.deepEqual(page.warnings, []);
  assert.equal(parseListingPage(listingHtml(1, false), REPORTS).nextUrl, undefined);
});

test('a listing whose list is renamed is a layout warning', () => {
  const page = parseListingPage(listingHtml(3, false).replace('results-list', 'search-results'), REPORTS);
  assert.equal(page.councils.length, 0);
  assert.equal(page.warnings[0]!.code, 'listing-layout-changed');
  assert.match(page.warnings[0]!.message, /links 3 provider pages/);
});
