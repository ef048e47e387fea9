/**
 * Developer tool: re-parses the focused-visit letters from cached text runs (made once by `--cache`)
 * and scores them with ../shared/tools/compare-visits.py, as scripts/score-cached.ts does for reports.
 *   node scripts/score-visits-cached.ts --cache   # read every letter once into /tmp/visits-runs
 *   node scripts/score-visits-cached.ts [filter] [-v]  # parse the cached runs and score
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { failure, parseReportText } from '../src/extract/extract-report.ts';
import { readPdfText, type PdfPage } from '../src/extract/pdf-text.reader.ts';
import { buildReportText } from '../src/extract/report-text.ts';
import { withListingDate } from '../src/extract/listing-date.ts';

const corpus = new URL('../../shared/corpus-visits/', import.meta.url).pathname;
const cache = '/tmp/visits-runs';
const files = readdirSync(join(corpus, 'reports')).flatMap((dir) => readdirSync(join(corpus, 'reports', dir)).map((file) => `${dir}/${file}`)).sort();
const argument = process.argv.slice(2).find((value) => !value.startsWith('-'));

if (process.argv.includes('--cache')) {
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
    out.push(JSON.stringify(result));
  }
  writeFileSync('/tmp/visits-cached-out.jsonl', out.join('\n') + '\n');
  const verbose = process.argv.includes('-v') ? ['-v'] : [];
  try {
    process.stdout.write(execFileSync('python3', [join(corpus, '../tools/compare-visits.py'), join(corpus, 'labels.csv'), join(corpus, 'items.jsonl'), '/tmp/visits-cached-out.jsonl', ...verbose], { encoding: 'utf8' }));
  } catch (error) {
    process.stdout.write((error as { stdout: string }).stdout);
  }
}
