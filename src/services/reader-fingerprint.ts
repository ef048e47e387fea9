/**
 * A fingerprint of the report reader's code (src/extract and the domain schemas it validates
 * against). A stored report read by the same code need not be read again; any change to the reader
 * changes the fingerprint, so the next import reads every report again and updates what changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const READER_FOLDERS = ['extract', 'domain'];

let cached: string | undefined;

export function readerFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  const files = READER_FOLDERS.flatMap((folder) =>
    readdirSync(join(SOURCE_ROOT, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
  ).sort();
  for (const file of files)
    hash.update(relative(SOURCE_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  cached = hash.digest('hex');
  return cached;
}
