import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Expands files and folders (recursively) into a sorted list of files; folders yield their *.pdf files. */
export async function findReportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      files.push(path); // reported as unreadable by the extractor, so the user sees it
    } else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      const pdfs = entries
        .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.pdf'))
        .map((entry) => join(entry.parentPath, entry.name));
      files.push(...pdfs.sort());
    } else {
      files.push(path);
    }
  }
  return files;
}
