/**
 * The source PDF behind an inspection's report link. Served only when the stored path is a regular
 * file (not a symlink, folder, FIFO or device) whose real path lies inside the configured reports
 * folder and whose bytes hash to the content hash stored at import: anything else that has come to
 * sit at the path is not served. The bytes sent are the bytes checked.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

export interface ReportFiles {
  /** The report's bytes when the file is the one imported (see above); else null. */
  read(filePath: string | null, contentHash: string): Promise<Buffer | null>;
  /** Whether `read` would give the bytes; remembered per file by size, time and inode until the file changes. */
  servable(filePath: string | null, contentHash: string): Promise<boolean>;
}

/** Far above any real report (the longest is a few MB): a larger file is not the one imported. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export function createReportFiles(reportsDir: string | undefined): ReportFiles {
  let root: Promise<string | null> | undefined;
  const rootOf = (): Promise<string | null> => {
    root ??= reportsDir === undefined ? Promise.resolve(null) : realpath(reportsDir).catch(() => null);
    return root;
  };
  /** `${path}\0${hash}` → the stat signature it was verified with. */
  const verified = new Map<string, string>();

  /** The file's real path and stat signature, when it is a regular file inside the folder; else null. */
  const locate = async (filePath: string): Promise<{ real: string; signature: string } | null> => {
    const folder = await rootOf();
    if (folder === null) return null;
    try {
      const link = await lstat(filePath);
      if (!link.isFile() || link.size > MAX_REPORT_BYTES) return null;
      const real = await realpath(filePath);
      if (!real.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`)) return null;
      return { real, signature: `${link.dev}:${link.ino}:${link.size}:${link.mtimeMs}` };
    } catch {
      return null;
    }
  };

  const read = async (filePath: string | null, contentHash: string): Promise<Buffer | null> => {
    if (!filePath) return null;
    const found = await locate(filePath);
    if (found === null) return null;
    const bytes = await readFile(found.real).catch(() => null);
    if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== contentHash) return null;
    verified.set(`${filePath}\0${contentHash}`, found.signature);
    return bytes;
  };

  return {
    read,
    async servable(filePath, contentHash) {
      if (!filePath) return false;
      const found = await locate(filePath);
      if (found === null) return false;
      if (verified.get(`${filePath}\0${contentHash}`) === found.signature) return true;
      return (await read(filePath, contentHash)) !== null;
    },
  };
}
