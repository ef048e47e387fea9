/**
 * Extracts many files on worker threads, each file under a deadline and a memory cap: a file that
 * overruns either has its worker stopped and fails alone, and a fresh worker takes the next files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionFailure, ExtractionResult } from '../domain/index.ts';
import { extractFile } from './extract-file.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.ts';

export interface ExtractFilesOptions {
  /**
   * Worker threads to use; default: one per core (never more than there are files). 0 reads in
   * this thread, without the deadline and the memory cap (a hostile file can then hang or exhaust it).
   */
  readonly workers?: number;
  /** Called when a worker starts on a file (its deadline runs from then). */
  readonly onFileStart?: (file: string) => void;
  /** Called after each file, in completion order. */
  readonly onProgress?: (done: number, total: number) => void;
  /** `input` (default): results in the order of `files`; `finished`: each as soon as it is read. */
  readonly order?: 'input' | 'finished';
  /** Overrides of the per-file deadline and memory cap. */
  readonly limits?: Partial<ReadLimits>;
}

/**
 * Heap limits per worker. V8 sizes each step of the old generation's growth by its limit: under
 * 2 GB (on 64-bit) it lets the heap grow only 1.3-2 times past what survives a full collection, so a
 * worker capped at 256 MB ran an incremental full collection almost all the time (its write barriers
 * slowing pdfjs as well): 35 full collections over 100 letters against 5, and a third more CPU over
 * either corpus. At 2 GB V8 grows the heap up to four times past the live data, which for a report
 * is a few tens of MB, so the whole process peaks under 500 MB. A young generation of 48 MB (16 MB
 * semi-spaces) keeps scavenges cheap at a third of the memory of 96 MB (the CPU is the same). A file
 * that needs more than the cap fails alone (its worker is replaced) instead of taking the run down.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 2048 } as const;

/**
 * The reader's threads never draw text, so @napi-rs/canvas, which pdfjs loads in Node, need not
 * scan the system's fonts when it loads (documented by that package; about 0.1 CPU s and 0.5 s per
 * worker on this machine). Set in the workers' own environment only: the charts drawn in the main
 * process use those fonts.
 */
const workerEnv = (): NodeJS.ProcessEnv => ({ ...process.env, DISABLE_SYSTEM_FONTS_LOAD: '1' });

/**
 * How often each busy worker's memory outside the JavaScript heap is sampled. Decoding a stream
 * runs synchronously inside pdfjs, so the worker cannot watch itself; the sample is answered
 * between two JavaScript steps even then.
 */
const MEMORY_SAMPLE_MS = 50;

export async function* extractFiles(
  files: readonly string[],
  options: ExtractFilesOptions = {},
): AsyncGenerator<ExtractionResult> {
  const workerCount = Math.min(options.workers ?? availableParallelism(), files.length);
  if (files.length === 0) return;
  if (workerCount < 1) {
    let done = 0;
    for (const file of files) {
      const result = await extractFile(file);
      options.onProgress?.(++done, files.length);
      yield result;
    }
    return;
  }
  yield* extractOnWorkers(files, workerCount, options, { ...DEFAULT_READ_LIMITS, ...options.limits });
}

/** What a reader's worker posts (extract.worker.ts): ready, or a file's result; with its external memory then. */
type WorkerMessage = ({ ready: true } | { index: number; result: ExtractionResult }) & { externalMemory: number };

interface Reader {
  readonly worker: Worker;
  /** The index of the file it is reading, if any. */
  index?: number;
  deadline?: NodeJS.Timeout;
  /** Stopped on purpose (over a limit, or the run is over): its exit is expected. */
  stopped: boolean;
  /**
   * Bytes the worker held outside its JavaScript heap when it finished its last file (or started):
   * mostly buffers of earlier files that V8 has not collected yet. The decoded-memory cap counts
   * what a file adds to this, since V8 collects those buffers only at its next full collection.
   */
  externalAtStart: number;
}

async function* extractOnWorkers(
  files: readonly string[],
  workerCount: number,
  options: ExtractFilesOptions,
  limits: ReadLimits,
): AsyncGenerator<ExtractionResult> {
  const ready = new Map<number, ExtractionResult>();
  const readers = new Set<Reader>();
  let nextToSend = 0;
  let nextToYield = 0;
  let yielded = 0;
  let done = 0;
  let wake: (() => void) | undefined;
  let stopping = false;

  const settle = (index: number, result: ExtractionResult): void => {
    ready.set(index, result);
    options.onProgress?.(++done, files.length);
    wake?.();
  };
  const failed = (index: number, code: ExtractionFailure['error']['code'], message: string): ExtractionFailure => ({
    file: files[index]!,
    error: { code, message },
  });

  /** Fails the reader's current file with `result` and stops the worker; a fresh one replaces it. */
  const stopReader = (reader: Reader, result?: (index: number) => ExtractionFailure): void => {
    if (reader.stopped) return;
    reader.stopped = true;
    clearTimeout(reader.deadline);
    if (reader.index !== undefined && result) settle(reader.index, result(reader.index));
    reader.index = undefined;
    void reader.worker.terminate();
  };

  const startReader = (): void => {
    const reader: Reader = {
      worker: new Worker(new URL('./extract.worker.ts', import.meta.url), {
        resourceLimits: WORKER_LIMITS,
        env: workerEnv(),
      }),
      stopped: false,
      externalAtStart: 0,
    };
    readers.add(reader);
    const sendNext = (): void => {
      clearTimeout(reader.deadline);
      reader.index = undefined;
      if (stopping || nextToSend >= files.length) return;
      const index = nextToSend++;
      reader.index = index;
      reader.deadline = setTimeout(
        () =>
          stopReader(reader, (late) =>
            failed(
              late,
              'unreadable-file',
              `Reading the file took longer than ${seconds(limits.deadlineMs)}, the limit for one file (a report takes about a second): it was stopped.`,
            ),
          ),
        limits.deadlineMs,
      );
      reader.worker.postMessage({ index, file: files[index] });
      options.onFileStart?.(files[index]!);
    };
    reader.worker.on('message', (message: WorkerMessage) => {
      reader.externalAtStart = message.externalMemory;
      // A file's deadline starts once the worker has loaded the reader, not while a busy machine starts it.
      if ('ready' in message) return sendNext();
      if (reader.stopped || message.index !== reader.index) return;
      settle(message.index, message.result);
      sendNext();
    });
    reader.worker.on('error', (error: Error & { code?: string }) => {
      stopReader(reader, (index) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? failed(
              index,
              'too-large',
              `Reading the file needed more than the ${WORKER_LIMITS.maxOldGenerationSizeMb} MB of memory a reader is allowed (a report needs a few tens of MB): it was stopped.`,
            )
          : failed(index, 'unreadable-file', `The file could not be read: ${error.message}.`),
      );
    });
    reader.worker.on('exit', () => {
      readers.delete(reader);
      clearTimeout(reader.deadline);
      if (reader.index !== undefined)
        settle(
          reader.index,
          failed(reader.index, 'unreadable-file', 'The file could not be read: the reader stopped unexpectedly.'),
        );
      if (!stopping && nextToSend < files.length) startReader();
    });
  };

  const capBytes = limits.decodedMemoryMb * 1_048_576;
  const sampler = setInterval(() => {
    for (const reader of readers) {
      const index = reader.index;
      if (index === undefined || reader.stopped) continue;
      reader.worker.getHeapStatistics().then(
        (stats) => {
          if (reader.index !== index || stats.external_memory - reader.externalAtStart <= capBytes) return;
          stopReader(reader, () =>
            failed(
              index,
              'too-large',
              `Reading the file needed more than ${limits.decodedMemoryMb} MB of decoded data (a report needs a few MB): perhaps a compressed stream that inflates far beyond any report; it was stopped.`,
            ),
          );
        },
        () => undefined,
      );
    }
  }, MEMORY_SAMPLE_MS);

  for (let count = 0; count < workerCount; count++) startReader();
  try {
    while (yielded < files.length) {
      const index =
        options.order === 'finished' ? ready.keys().next().value : ready.has(nextToYield) ? nextToYield : undefined;
      if (index !== undefined) {
        const result = ready.get(index)!;
        ready.delete(index);
        yielded++;
        if (index === nextToYield) nextToYield++;
        yield result;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopping = true;
    clearInterval(sampler);
    for (const reader of readers) stopReader(reader);
    await Promise.all([...readers].map((reader) => reader.worker.terminate()));
  }
}

function seconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${(milliseconds / 1000).toFixed(1)} s`;
}
