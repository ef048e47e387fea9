/**
 * Developer tool: re-parses a corpus from cached text runs (made once by `--cache`) and scores it with
 * the shared scorer: ../shared/tools/compare-extract.py for the reports, compare-visits.py for the
 * focused-visit letters. Seconds instead of half a minute per try.
 *   node scripts/score-cached.ts [--letters] --cache        # read every PDF once into the cache
 *   node scripts/score-cached.ts [--letters] [filter] [-v]  # parse the cached runs and score
 * filter: a substring of the file's path; -v: the letters scorer's details.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isExtractionFailure } from '../src/domain/index.ts';
import { failure, parseReportText } from '../src/extract/extract-report.ts';
import { readPdfText, type PdfPage } from '../src/extract/pdf-text.reader.ts';
import { buildReportText } from '../src/extract/report-text.ts';
import { withListingDate } from '../src/extract/listing-date.ts';

interface CorpusSetting {
  readonly folder: string;
  readonly cache: string;
  readonly output: string;
  /** The scorer and its two label files, relative to the corpus folder. */
  readonly scorer: readonly [string, string, string];
}

const REPORTS: CorpusSetting = {
  folder: 'corpus',
  cache: process.env.CSCI_RUNS_CACHE ?? '/tmp/corpus-runs',
  output: '/tmp/cached-out.jsonl',
  scorer: ['../tools/compare-extract.py', 'labels.csv', 'recommendations.jsonl'],
};
const LETTERS: CorpusSetting = {
  folder: 'corpus-visits',
  cache: '/tmp/visits-runs',
  output: '/tmp/visits-cached-out.jsonl',
  scorer: ['../tools/compare-visits.py', 'labels.csv', 'items.jsonl'],
};

const options = process.argv.slice(2);
const setting = options.includes('--letters') ? LETTERS : REPORTS;
const corpus = new URL(`../../shared/${setting.folder}/`, import.meta.url).pathname;
const filter = options.find((value) => !value.startsWith('-'));
const files = readdirSync(join(corpus, 'reports'))
  .flatMap((dir) => readdirSync(join(corpus, 'reports', dir)).map((file) => `${dir}/${file}`))
  .sort();

if (options.includes('--cache')) {
  for (const file of files) {
    try {
      const pages = await readPdfText(readFileSync(join(corpus, 'reports', file)));
      mkdirSync(dirname(join(setting.cache, file)), { recursive: true });
      writeFileSync(join(setting.cache, `${file}.json`), JSON.stringify(pages));
    } catch (error) {
      console.log(file, (error as Error).message);
    }
  }
} else {
  const lines = files
    .filter((name) => !filter || name.includes(filter))
    .map((file) => JSON.stringify(parseCached(file)));
  writeFileSync(setting.output, lines.join('\n') + '\n');
  const [scorer, labels, items] = setting.scorer;
  const verbose = options.includes('-v') ? ['-v'] : [];
  try {
    const args = [join(corpus, scorer), join(corpus, labels), join(corpus, items), setting.output, ...verbose];
    process.stdout.write(execFileSync('python3', args, { encoding: 'utf8' }));
  } catch (error) {
    process.stdout.write((error as { stdout: string }).stdout);
  }
}

function parseCached(file: string): unknown {
  const cached = join(setting.cache, `${file}.json`);
  if (!existsSync(cached)) return failure(file, new Error('not cached (not a PDF?)'));
  const pages = JSON.parse(readFileSync(cached, 'utf8')) as PdfPage[];
  try {
    return withListingDate(parseReportText(buildReportText(pages), file));
  } catch (error) {
    const result = failure(file, error);
    if (isExtractionFailure(result) && filter) console.error(file, result.error.message);
    return result;
  }
}
