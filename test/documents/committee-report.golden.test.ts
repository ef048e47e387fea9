/** Golden files: the committee report's Word XML for a fixed input, unzipped and normalised, against checked-in expectations. */
import { test } from 'node:test';
import { writeCommitteeReportDocx } from '../../src/documents/index.ts';
import { assertGolden, docxParts, normaliseXml } from './docx-parts.ts';
import { fixtureCommitteeReport } from './committee-report.fixture.ts';

const GOLDEN = new URL('./golden/committee-report/', import.meta.url).pathname;
const PARTS = [
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/header1.xml',
  'word/footer1.xml',
  'word/settings.xml',
  'word/_rels/document.xml.rels',
  'docProps/core.xml',
  '[Content_Types].xml',
];

test('the committee report writes the same Word XML as the golden files, part by part', async () => {
  const parts = await docxParts(await writeCommitteeReportDocx(fixtureCommitteeReport));
  for (const name of PARTS) {
    const xml = parts.get(name);
    if (xml === undefined) throw new Error(`The document has no ${name}`);
    assertGolden(normaliseXml(xml), `${GOLDEN}${name.replace(/[/[\]]/g, '_')}.xml`);
  }
});

test('writing twice gives the same normalised XML (nothing depends on the clock or on earlier writes)', async () => {
  const first = await docxParts(await writeCommitteeReportDocx(fixtureCommitteeReport));
  const second = await docxParts(await writeCommitteeReportDocx(fixtureCommitteeReport));
  for (const name of PARTS)
    assertGolden(normaliseXml(second.get(name) ?? ''), `${GOLDEN}${name.replace(/[/[\]]/g, '_')}.xml`);
  for (const name of PARTS)
    if (normaliseXml(first.get(name) ?? '') !== normaliseXml(second.get(name) ?? ''))
      throw new Error(`${name} differs between two writes`);
});
