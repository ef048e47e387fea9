/** Child process of the extraction benchmark: extracts the files under a folder and reports counts and its own peak memory. */
import { isExtractionFailure } from '../src/domain/index.ts';
import { extractFiles, findReportFiles } from '../src/extract/index.ts';

const files = await findReportFiles(process.argv.slice(2));
let failures = 0;
for await (const result of extractFiles(files)) if (isExtractionFailure(result)) failures++;
// maxRSS covers the whole process, worker threads included.
const usage = process.resourceUsage();
// CPU seconds of every thread of the process (the workers included), whatever else the machine runs.
process.stdout.write(
  JSON.stringify({
    files: files.length,
    failures,
    peakRssMb: usage.maxRSS / 1024,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  }) + '\n',
);
