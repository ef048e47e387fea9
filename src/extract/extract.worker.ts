/** Worker thread: extracts the files it is sent, one at a time, and posts each result back. */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.ts';
import { preparePdfReader } from './pdf-text.reader.ts';

if (!parentPort) throw new Error('extract.worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', async (message: { index: number; file: string }) => {
  const result = await extractFile(message.file);
  port.postMessage({ index: message.index, result, externalMemory: externalMemory() });
});
// The reader's code, pdfjs included, is loaded: files sent from now on are timed from when they arrive.
await preparePdfReader();
port.postMessage({ ready: true, externalMemory: externalMemory() });

/** Bytes held outside the JavaScript heap now, live or not yet collected (the parent's cap counts a file's growth of it). */
function externalMemory(): number {
  return getHeapStatistics().external_memory;
}
