/** Extracts many files, on worker threads when the batch is large enough to pay for them. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionResult } from '../domain/index.ts';
import { extractFile } from './extract-file.ts';

export interface ExtractFilesOptions {
  /** Worker threads to use; default: one per core. 0 runs in this thread. */
  readonly workers?: number;
  /** Called after each file, in completion order. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 4;

/**
 * Heap limits per worker. pdfjs allocates briskly; left alone, V8 lets each worker's heap grow far
 * beyond what it needs (about 620 MB peak for two workers over the corpus). Bounding the old
 * generation keeps the whole process near 390 MB; a roomy young generation keeps collections cheap
 * (measured over the corpus: young 8 MB → 283 MB but about 25% slower than 96 MB). A file that needs
 * more than this fails alone (its worker is replaced) instead of taking the run down.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 96, maxOldGenerationSizeMb: 256 } as const;

/** Yields one result per file, in the order of `files`. */
export async function* extractFiles(files: readonly string[], options: ExtractFilesOptions = {}): AsyncGenerator<ExtractionResult> {
  const workerCount = Math.min(options.workers ?? availableParallelism(), files.length);
  if (workerCount < 1 || files.length < MIN_FILES_FOR_WORKERS) {
    let done = 0;
    for (const file of files) {
      const result = await extractFile(file);
      options.onProgress?.(++done, files.length);
      yield result;
    }
    return;
  }
  yield* extractOnWorkers(files, workerCount, options.onProgress);
}

async function* extractOnWorkers(
  files: readonly string[],
  workerCount: number,
  onProgress: ExtractFilesOptions['onProgress'],
): AsyncGenerator<ExtractionResult> {
  const results = new Map<number, ExtractionResult>();
  const workers = new Set<Worker>();
  let nextToSend = 0;
  let nextToYield = 0;
  let done = 0;
  let wake: (() => void) | undefined;
  let stopping = false;

  const settle = (index: number, result: ExtractionResult): void => {
    results.set(index, result);
    onProgress?.(++done, files.length);
    wake?.();
  };

  const startWorker = (): void => {
    const worker = new Worker(new URL('./extract.worker.ts', import.meta.url), { resourceLimits: WORKER_LIMITS });
    workers.add(worker);
    let current: number | undefined;
    const sendNext = (): void => {
      current = undefined;
      if (nextToSend < files.length) {
        current = nextToSend++;
        worker.postMessage({ index: current, file: files[current] });
      }
    };
    worker.on('message', (message: { index: number; result: ExtractionResult }) => {
      settle(message.index, message.result);
      sendNext();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (current === undefined) return;
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'reading it needed more memory than a reader is allowed' : error.message;
      settle(current, { file: files[current]!, error: { code: 'unreadable-file', message: `The file could not be read: ${reason}.` } });
      current = undefined;
    });
    worker.on('exit', () => {
      workers.delete(worker);
      if (!stopping && nextToSend < files.length) startWorker();
    });
    sendNext();
  };

  for (let count = 0; count < workerCount; count++) startWorker();
  try {
    while (nextToYield < files.length) {
      const ready = results.get(nextToYield);
      if (ready) {
        results.delete(nextToYield);
        nextToYield++;
        yield ready;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopping = true;
    await Promise.all([...workers].map((worker) => worker.terminate()));
  }
}
