/**
 * The committee report read back as a reader sees it: mammoth turns the .docx into HTML through its
 * styles (so headings must be real Heading styles and tables real tables), and the XML is checked
 * for what makes the document accessible and navigable (repeating header rows, the contents field,
 * page numbers, the header).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import mammoth from 'mammoth';
import { IMPLICATION_HEADINGS, writeCommitteeReportDocx } from '../../src/documents/index.ts';
import { docxParts } from './docx-parts.ts';
import {
  FIXTURE_LSCB_RECOMMENDATIONS,
  FIXTURE_RECOMMENDATIONS,
  fixtureCommitteeReport,
} from './committee-report.fixture.ts';

const tags = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'gs'))].map((match) =>
    (match[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&apos;/g, "'")
      .trim(),
  );

describe('the committee report as a Word reader sees it', () => {
  let bytes: Buffer;
  let html: string;
  /** The document's paragraphs as plain text, in order. */
  let paragraphs: string[];
  let parts: Map<string, string>;
  before(async () => {
    bytes = await writeCommitteeReportDocx(fixtureCommitteeReport);
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    paragraphs = (await mammoth.extractRawText({ buffer: bytes })).value
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
    parts = await docxParts(bytes);
  });

  test('the title and every section are Word headings, numbered, in the order of a council paper', () => {
    assert.deepEqual(tags(html, 'h1'), [
      'Purpose of the report',
      'Summary',
      'Recommendations',
      'The judgements',
      'The national, regional and statistical neighbour picture',
      "Ofsted's recommendations",
      'Statutory deadlines',
      'What comes next',
      'Implications',
      'Background papers',
      'Source and licence',
    ]);
    assert.deepEqual(tags(html, 'h2'), [...IMPLICATION_HEADINGS]);
    const document = parts.get('word/document.xml') ?? '';
    assert.equal((document.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, 11);
    assert.match(document, /<w:pStyle w:val="Title"\/>/);
  });

  test('every recommendation is quoted word for word, in order, in a numbered list', () => {
    const quoted = paragraphs.filter((line) => line.startsWith('\u201c')).map((line) => line.slice(1, -1));
    assert.deepEqual(quoted, [...FIXTURE_RECOMMENDATIONS, ...FIXTURE_LSCB_RECOMMENDATIONS]);
    const document = parts.get('word/document.xml') ?? '';
    const quotedParagraphs = document
      .split('<w:p>')
      .filter((paragraph) => paragraph.includes('<w:pStyle w:val="Quote"/>'));
    assert.equal(quotedParagraphs.length, quoted.length);
    const listIds = new Set(quotedParagraphs.map((paragraph) => /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1]));
    assert.equal(
      listIds.size,
      2,
      'the council and the LSCB recommendations are two numbered lists, each counting from 1',
    );
  });

  test('the judgements read as the seeds word them, with the previous grade in brackets', () => {
    assert.ok(
      paragraphs.includes(
        'Children who need help and protection: Requires improvement to be good (Inadequate at 2015 inspection)',
      ),
      paragraphs.join('\n'),
    );
    assert.ok(paragraphs.includes('Experiences and progress of care leavers: Good'));
  });

  test('tables are real tables whose first row is a header row that repeats on each page', () => {
    const document = parts.get('word/document.xml') ?? '';
    const tables = document.split('<w:tbl>').slice(1);
    assert.equal(tables.length, 5, 'key facts, judgements, national, places, deadlines');
    for (const table of tables) {
      const rows = table.split('<w:tr>').slice(1);
      assert.match(rows[0] ?? '', /<w:tblHeader\/>/, 'the first row is marked as a header row');
      assert.ok(
        rows.slice(1).every((row) => !row.includes('<w:tblHeader/>')),
        'only the first row is',
      );
    }
    assert.equal((html.match(/<table>/g) ?? []).length, 5);
    assert.match(
      html,
      /<thead><tr><th><p><strong>Judgement<\/strong><\/p><\/th><th><p><strong>Grade<\/strong><\/p><\/th><th><p><strong>At the previous inspection<\/strong><\/p><\/th><\/tr><\/thead>/,
    );
  });

  test('the contents list is a TOC field over the headings, and Word is asked to update fields on opening', () => {
    const document = parts.get('word/document.xml') ?? '';
    assert.match(document, /TOC \\h \\o &quot;1-1&quot;/);
    assert.match(parts.get('word/settings.xml') ?? '', /<w:updateFields\/>/);
  });

  test('the header holds the council and the date of the paper, and the footer the page number of the total', () => {
    const header = parts.get('word/header1.xml') ?? '';
    assert.match(header, />Wexham</);
    assert.match(header, />\t?4 June 2018</);
    const footer = parts.get('word/footer1.xml') ?? '';
    assert.match(footer, /PAGE/);
    assert.match(footer, /NUMPAGES/);
  });

  test('paragraphs are numbered by Word (section.paragraph), headings by section', () => {
    const numbering = parts.get('word/numbering.xml') ?? '';
    assert.match(numbering, /<w:lvlText w:val="%1\."\/>/);
    assert.match(numbering, /<w:lvlText w:val="%1\.%2"\/>/);
    const document = parts.get('word/document.xml') ?? '';
    assert.ok((document.match(/<w:ilvl w:val="1"\/>/g) ?? []).length > 20);
  });

  test('the source report and the Open Government Licence are linked', () => {
    assert.match(html, /<a href="https:\/\/files\.example\.org\/report\/7">/);
    assert.match(
      html,
      /<a href="https:\/\/www\.nationalarchives\.gov\.uk\/doc\/open-government-licence\/version\/3\/">Open Government Licence v3\.0<\/a>/,
    );
    assert.match(html, /Crown copyright/);
  });
});
