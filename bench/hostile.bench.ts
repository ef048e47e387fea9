/**
 * `npx node bench/hostile.bench.ts`: builds hostile files in a temporary folder (a 1 MB PDF whose
 * stream inflates to 1 GB, a PDF of 100,000 pages, a PDF whose pages take about a second each) and
 * times `csci extract`'s reader on each alone and on a folder mixing them with real reports of
 * ../shared/corpus, each run in a fresh process: peak memory, seconds, and whether each hostile file
 * failed within its deadline and every real report was read. Goal (issue 15): peak under 500 MB.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_READ_LIMITS } from '../src/extract/read-limits.ts';
import { CORPUS_REPORTS_DIR, corpusMissing, readLabels } from '../test/helpers/corpus.ts';
import { makeInflateBomb, makeManyPages, makeSlowPages } from '../test/helpers/make-hostile-pdf.ts';

const run = promisify(execFile);
const folder = await mkdtemp(join(tmpdir(), 'csci-hostile-bench-'));
const deadlineSeconds = DEFAULT_READ_LIMITS.deadlineMs / 1000;

interface ChildOutput {
  results: { file: string; code: string; seconds: number; readingSeconds: number }[];
  peakRssMb: number;
}

async function extractInChild(files: readonly string[]): Promise<{ seconds: number; output: ChildOutput }> {
  const start = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, [new URL('./hostile-child.ts', import.meta.url).pathname, ...files], {
    maxBuffer: 1 << 24,
  });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, output: JSON.parse(stdout) as ChildOutput };
}

try {
  const hostile = {
    'inflate-bomb.pdf': await makeInflateBomb(1024),
    'hundred-thousand-pages.pdf': makeManyPages(100_000),
    'slow-pages.pdf': await makeSlowPages(300),
  };
  const hostileFiles: string[] = [];
  for (const [name, bytes] of Object.entries(hostile)) {
    const file = join(folder, name);
    await writeFile(file, bytes);
    hostileFiles.push(file);
    console.log(`built ${name.padEnd(28)} ${(bytes.length / 1_048_576).toFixed(2).padStart(6)} MB on disk`);
  }
  const secondBomb = join(folder, 'inflate-bomb-2.pdf');
  await writeFile(secondBomb, hostile['inflate-bomb.pdf']);

  let realReports: string[] = [];
  if (corpusMissing) console.log(`no real reports in the mix: ${corpusMissing}`);
  else {
    const readable = readLabels().filter((row) => !row.expected_error);
    realReports = readable
      .filter((_, index) => index % 9 === 0)
      .map((row) => join(CORPUS_REPORTS_DIR, row.file))
      .filter((file) => existsSync(file));
  }

  const scenarios: [string, string[]][] = [
    ['inflate bomb (1 GB inflated)', [hostileFiles[0]!]],
    ['100,000-page file', [hostileFiles[1]!]],
    ['slow file (about 1 s a page)', [hostileFiles[2]!]],
    [
      `mix: 2 bombs, 100,000 pages, slow, ${realReports.length} real reports`,
      [
        hostileFiles[0]!,
        ...realReports.slice(0, 10),
        hostileFiles[1]!,
        secondBomb,
        hostileFiles[2]!,
        ...realReports.slice(10),
      ],
    ],
  ];
  let allGood = true;
  console.log(
    `deadline per file ${deadlineSeconds} s; decoded-memory cap per worker ${DEFAULT_READ_LIMITS.decodedMemoryMb} MB`,
  );
  for (const [label, files] of scenarios) {
    const { seconds, output } = await extractInChild(files);
    const hostileResults = output.results.filter((result) => !realReports.includes(result.file));
    const realResults = output.results.filter((result) => realReports.includes(result.file));
    const hostileFailedInTime = hostileResults.every(
      (result) => result.code !== 'read' && result.readingSeconds <= deadlineSeconds + 2,
    );
    const realRead = realResults.filter((result) => result.code === 'read').length;
    const ok = output.peakRssMb < 500 && hostileFailedInTime && realRead === realResults.length;
    allGood &&= ok;
    console.log(
      `\n${label}: ${seconds.toFixed(1)} s, peak ${output.peakRssMb.toFixed(0)} MB${ok ? '' : '  << GOAL MISSED'}`,
    );
    for (const result of hostileResults)
      console.log(
        `  ${basename(result.file).padEnd(28)} ${result.code.padEnd(16)} after ${result.readingSeconds.toFixed(1).padStart(5)} s of reading (${result.seconds.toFixed(1)} s into the run)`,
      );
    if (realResults.length > 0)
      console.log(
        `  real reports read: ${realRead} of ${realResults.length} (last finished after ${Math.max(...realResults.map((result) => result.seconds)).toFixed(1)} s)`,
      );
  }
  console.log(
    `\n${allGood ? 'every goal met' : 'some goal missed'}: peak under 500 MB, each hostile file failed within its deadline, every real report read`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
