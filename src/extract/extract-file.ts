import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { ExtractionResult } from '../domain/index.ts';
import { extractReport, failure } from './extract-report.ts';
import { ExtractionError } from './extraction-error.ts';
import { MAX_FILE_BYTES } from './read-limits.ts';

/** Reads one file from disk and extracts it; never throws. */
export async function extractFile(file: string): Promise<ExtractionResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readReportBytes(file);
  } catch (error) {
    return failure(file, error);
  }
  return extractReport(bytes, file);
}

/**
 * The file's bytes, refused before reading when it is not a regular file (a named pipe would block
 * for ever, `/dev/zero` never ends) or is larger than any report. The type is checked on the opened
 * handle (non-blocking, so a pipe with no writer does not hang), so the file cannot be swapped
 * between the check and the read, and reading stops at the cap even if the file grows meanwhile.
 */
export async function readReportBytes(file: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new ExtractionError('unreadable-file', 'The file could not be read: it is a folder.');
    if (!info.isFile())
      throw new ExtractionError(
        'unreadable-file',
        `The file could not be read: it is ${kindOf(info)}, not a regular file.`,
      );
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > info.size) return await readGrowingFile(handle, buffer.subarray(0, length), maxBytes);
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof ExtractionError ? error : unreadable(error);
  } finally {
    await handle.close();
  }
}

/** A file that grew while it was read: read on to its end, but never past the cap. */
async function readGrowingFile(handle: FileHandle, head: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [head];
  let total = head.length;
  if (total > maxBytes) throw tooLarge(total, maxBytes);
  for (;;) {
    const chunk = Buffer.alloc(1 << 20);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) return Buffer.concat(chunks);
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(total, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function tooLarge(size: number, maxBytes: number): ExtractionError {
  return new ExtractionError(
    'too-large',
    `The file is ${megabytes(size)}, more than the ${megabytes(maxBytes)} a report can plausibly be (reports are under 5 MB); it was not read.`,
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
}

function kindOf(info: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

function unreadable(error: unknown): ExtractionError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file (or a symbolic link whose target is missing)'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'ELOOP'
            ? 'a loop of symbolic links'
            : (error as Error).message;
  return new ExtractionError('unreadable-file', `The file could not be read: ${reason}.`);
}
