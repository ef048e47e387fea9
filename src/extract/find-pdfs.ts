import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Expands files and folders (recursively) into a sorted list of files; folders yield their *.pdf
 * files. Symbolic links to files and folders are followed; a folder reached twice (a link loop, or
 * two links to one folder) is walked once. Nothing named *.pdf is dropped silently: a broken link,
 * a named pipe or a device stays in the list, so the reader gives it an error line saying why.
 */
export async function findReportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walked = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await pdfsUnder(path, walked)).sort());
    else files.push(path); // a file, or something the reader will report as unreadable
  }
  return files;
}

async function pdfsUnder(folder: string, walked: Set<string>): Promise<string[]> {
  const real = await realpath(folder).catch(() => folder);
  if (walked.has(real)) return [];
  walked.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [folder]; // the reader says why it cannot be read (permission denied, ...)
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const isPdfName = entry.name.toLowerCase().endsWith('.pdf');
    if (entry.isDirectory()) {
      found.push(...(await pdfsUnder(path, walked)));
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (target?.isDirectory()) found.push(...(await pdfsUnder(path, walked)));
      else if (isPdfName) found.push(path);
    } else if (isPdfName) {
      found.push(path);
    }
  }
  return found;
}
