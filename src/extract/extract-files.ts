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
  let nextToSend = 0;
  let nextToYield = 0;
  let done = 0;
  let wake: (() => void) | undefined;
  let failed: Error | undefined;
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./extract.worker.ts', import.meta.url)));
  const sendNext = (worker: Worker): void => {
    if (nextToSend < files.length) {
      worker.postMessage({ index: nextToSend, file: files[nextToSend] });
      nextToSend++;
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: { index: number; result: ExtractionResult }) => {
      results.set(message.index, message.result);
      onProgress?.(++done, files.length);
      sendNext(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failed = error;
      wake?.();
    });
    sendNext(worker);
  }
  try {
    while (nextToYield < files.length) {
      const ready = results.get(nextToYield);
      if (ready) {
        results.delete(nextToYield);
        nextToYield++;
        yield ready;
        continue;
      }
      if (failed) throw failed;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
