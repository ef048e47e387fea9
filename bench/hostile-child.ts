/**
 * Child process of the hostile-file benchmark: extracts the files given, in the order they finish,
 * and prints each file's error code (or "read"), the seconds from the start of the run and from the
 * start of its own reading, then the child's peak memory.
 */
import { extractFiles } from '../src/extract/index.ts';

const files = process.argv.slice(2);
const start = process.hrtime.bigint();
const started = new Map<string, bigint>();
const results: { file: string; code: string; seconds: number; readingSeconds: number }[] = [];
for await (const result of extractFiles(files, {
  order: 'finished',
  onFileStart: (file) => started.set(file, process.hrtime.bigint()),
})) {
  const now = process.hrtime.bigint();
  results.push({
    file: result.file,
    code: 'error' in result ? result.error.code : 'read',
    seconds: Number(now - start) / 1e9,
    readingSeconds: Number(now - (started.get(result.file) ?? start)) / 1e9,
  });
}
// maxRSS covers the whole process, worker threads included.
process.stdout.write(JSON.stringify({ results, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
