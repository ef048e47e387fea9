/**
 * `npm run bench:extract [folder]...`: extracts every PDF under each folder (default: the shared
 * report corpus and the focused-visit letters) and prints, per folder, files, seconds, files per
 * second and peak memory, beside the wall time that `pdftotext -layout` (poppler-utils) takes over
 * the same files in the same run, and the ratio. csci extract reads on one worker thread per core;
 * pdftotext is timed one file after another (the goal's reference) and as many at a time as cores.
 * `--no-parallel` leaves out the second pdftotext timing (a shorter run). CPU seconds are printed
 * too (csci's every thread; pdftotext's processes, from the kernel's count of reaped children): on a
 * machine shared with other work they say what each costs, where wall time says who got the cores.
 * The goal (issue 13): at most 0.5x pdftotext's time one file after another, under 500 MB peak.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { findReportFiles } from '../src/extract/index.ts';

const run = promisify(execFile);
const shared = (name: string): string => new URL(`../../shared/${name}/reports`, import.meta.url).pathname;
const args = process.argv.slice(2);
const timeParallel = !args.includes('--no-parallel');
const given = args.filter((arg) => !arg.startsWith('--'));
const folders = given.length > 0 ? given : [shared('corpus'), shared('corpus-visits')];
for (const folder of folders) {
  if (!existsSync(folder)) {
    console.error(`bench:extract: no folder at ${folder}; pass the folders to read as arguments.`);
    process.exit(2);
  }
}
if (spawnSync('pdftotext', ['-v']).error) {
  console.error('bench:extract: pdftotext is not installed (apt-get install poppler-utils).');
  process.exit(2);
}

async function timeIt<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

/** CPU seconds of this process's reaped children so far (Linux: cutime + cstime of /proc/self/stat). */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  // After the command's name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function pdftotext(file: string): Promise<void> {
  await run('pdftotext', ['-layout', file, '-']).catch(() => undefined); // the HTML files fail there too
}

const cores = availableParallelism();
for (const folder of folders) {
  const files = await findReportFiles([folder]);
  const load = loadavg()[0]!.toFixed(1);
  const ours = await timeIt(async () => {
    const { stdout } = await run(process.execPath, [new URL('./extract-child.ts', import.meta.url).pathname, folder], {
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout) as { files: number; failures: number; peakRssMb: number; cpuSeconds: number };
  });
  const cpuBefore = childrenCpuSeconds();
  const sequential = await timeIt(async () => {
    for (const file of files) await pdftotext(file);
  });
  const pdftotextCpu = childrenCpuSeconds() - cpuBefore;
  const parallel = !timeParallel
    ? undefined
    : await timeIt(async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: cores }, async () => {
            while (next < files.length) await pdftotext(files[next++]!);
          }),
        );
      });

  const line = (label: string, seconds: number): string =>
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${(files.length / seconds).toFixed(2).padStart(6)} files/s`;
  console.log(`${folder} (load average ${load} at the start, ${cores} cores)`);
  console.log(
    `files                                        ${files.length} (${ours.value.failures} gave an error line)`,
  );
  console.log(line(`csci extract (${cores} worker threads)`, ours.seconds));
  console.log(`peak memory (csci extract)                   ${ours.value.peakRssMb.toFixed(0)} MB`);
  console.log(line('pdftotext -layout, one file after another', sequential.seconds));
  if (parallel) console.log(line(`pdftotext -layout, ${cores} at a time`, parallel.seconds));
  console.log(
    `ratio csci / pdftotext (one after another)   ${(ours.seconds / sequential.seconds).toFixed(2)}x (goal <= 0.50x)`,
  );
  console.log(
    `CPU seconds: csci ${ours.value.cpuSeconds.toFixed(1)}, pdftotext ${pdftotextCpu.toFixed(1)} (ratio ${(ours.value.cpuSeconds / pdftotextCpu).toFixed(2)}x; on ${cores} idle cores the wall ratio would be about this over ${cores})`,
  );
  if (parallel)
    console.log(`ratio csci / pdftotext (${cores} at a time)         ${(ours.seconds / parallel.seconds).toFixed(2)}x`);
  console.log('');
}
