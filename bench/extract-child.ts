/** Child process of the extraction benchmark: extracts the files under a folder and reports counts and its own peak memory. */
import { isExtractionFailure } from '../src/domain/index.ts';
import { extractFiles, findReportFiles } from '../src/extract/index.ts';

const files = await findReportFiles(process.argv.slice(2));
let failures = 0;
for await (const result of extractFiles(files)) if (isExtractionFailure(result)) failures++;
// maxRSS covers the whole process, worker threads included.
process.stdout.write(JSON.stringify({ files: files.length, failures, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
