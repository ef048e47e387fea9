/** Worker thread: extracts the files it is sent, one at a time, and posts each result back. */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.ts';

if (!parentPort) throw new Error('extract.worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', async (message: { index: number; file: string }) => {
  const result = await extractFile(message.file);
  port.postMessage({ index: message.index, result });
});
// The reader's code is loaded: files sent from now on are timed from when they arrive.
port.postMessage({ ready: true });
