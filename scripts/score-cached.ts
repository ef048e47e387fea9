/**
 * Developer tool: re-parses the corpus from cached text runs (made once by `--cache`) and scores it
 * with ../shared/tools/compare-extract.py. Seconds instead of half a minute per try.
 *   node scripts/score-cached.ts --cache   # read every PDF once into /tmp/corpus-runs
 *   node scripts/score-cached.ts [filter]  # parse the cached runs and score (filter: substring of the file)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isExtractionFailure } from '../src/domain/index.ts';
import { failure, parseReportText } from '../src/extract/extract-report.ts';
import { readPdfText, type PdfPage } from '../src/extract/pdf-text.reader.ts';
import { buildReportText } from '../src/extract/report-text.ts';
import { withListingDate } from '../src/extract/listing-date.ts';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const cache = process.env.CSCI_RUNS_CACHE ?? '/tmp/corpus-runs';
const files = readdirSync(join(corpus, 'reports')).flatMap((dir) => readdirSync(join(corpus, 'reports', dir)).map((file) => `${dir}/${file}`)).sort();
const argument = process.argv[2];

if (argument === '--cache') {
  for (const file of files) {
    try {
      const pages = await readPdfText(readFileSync(join(corpus, 'reports', file)));
      mkdirSync(dirname(join(cache, file)), { recursive: true });
      writeFileSync(join(cache, `${file}.json`), JSON.stringify(pages));
    } catch (error) {
      console.log(file, (error as Error).message);
    }
  }
} else {
  const out: string[] = [];
  for (const file of files.filter((name) => !argument || name.includes(argument))) {
    const cached = join(cache, `${file}.json`);
    if (!existsSync(cached)) {
      out.push(JSON.stringify(failure(file, new Error('not cached (not a PDF?)'))));
      continue;
    }
    const pages = JSON.parse(readFileSync(cached, 'utf8')) as PdfPage[];
    let result;
    try {
      result = withListingDate(parseReportText(buildReportText(pages), file));
    } catch (error) {
      result = failure(file, error);
    }
    if (isExtractionFailure(result) && argument) console.error(file, result.error.message);
    out.push(JSON.stringify(result));
  }
  writeFileSync('/tmp/cached-out.jsonl', out.join('\n') + '\n');
  try {
    process.stdout.write(execFileSync('python3', [join(corpus, '../tools/compare-extract.py'), join(corpus, 'labels.csv'), join(corpus, 'recommendations.jsonl'), '/tmp/cached-out.jsonl'], { encoding: 'utf8' }));
  } catch (error) {
    process.stdout.write((error as { stdout: string }).stdout);
  }
}
