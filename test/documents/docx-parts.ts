/** Reading a written .docx back for tests: its parts unzipped (jszip), and XML normalised for golden files. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import assert from 'node:assert/strict';
import JSZip from 'jszip';

export async function docxParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file) parts.set(name, await file.async('string'));
  }
  return parts;
}

/**
 * What may differ between two writes of the same content, made stable: timestamps, the random ids
 * of hyperlink relationships, and bookmark names and numbers (renumbered in order of appearance);
 * then one element per line so that a difference reads as a line.
 */
export function normaliseXml(xml: string): string {
  const renumber = (text: string, pattern: RegExp, make: (index: number) => string) => {
    const seen = new Map<string, string>();
    return text.replace(pattern, (match) => {
      if (!seen.has(match)) seen.set(match, make(seen.size + 1));
      return seen.get(match) as string;
    });
  };
  let text = xml.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, 'TIMESTAMP');
  text = renumber(text, /rId[A-Za-z0-9_-]{12,}/g, (index) => `rIdLink${index}`);
  text = renumber(text, /_Toc\d+/g, (index) => `_TocN${index}`);
  text = renumber(text, /w:id="\d+"/g, (index) => `w:id="N${index}"`);
  return text.replace(/></g, '>\n<').trim() + '\n';
}

/** Compares with the golden file, or writes it when UPDATE_GOLDEN=1 (then look at the diff before committing). */
export function assertGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    if (process.env.UPDATE_GOLDEN !== '1')
      assert.fail(`No golden file at ${goldenPath}: written now from this run; check it and run again.`);
    return;
  }
  assert.equal(
    actual,
    readFileSync(goldenPath, 'utf8'),
    `${goldenPath} differs (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`,
  );
}
