/**
 * What a file may cost the reader. Real reports are under 1 MB and 80 pages, take well under a
 * second and a few tens of MB to read; the caps sit far above that, so only hostile or broken files
 * meet them, and such a file fails alone (`too-large` or `unreadable-file`) instead of taking the
 * run's memory or time.
 */

/** Bytes on disk: the largest report in the corpus is 0.9 MB. */
export const MAX_FILE_BYTES = 50 * 1_048_576;

/** Pages: the longest report has about 70. */
export const MAX_PAGES = 500;

export interface ReadLimits {
  /** Milliseconds a worker may spend on one file before it is stopped and the file fails. */
  readonly deadlineMs: number;
  /**
   * MB a worker may hold beyond its JavaScript heap while reading one file: decoded streams and
   * other array buffers, which V8's heap limits do not bound (a compressed-stream bomb). Counted
   * from what the worker held when the file began (earlier files' buffers not yet collected).
   */
  readonly decodedMemoryMb: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { deadlineMs: 60_000, decodedMemoryMb: 64 };
