import { parseArgs } from 'node:util';
import { isExtractionFailure } from '../../domain/index.ts';
import { findReports, readReports } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { plural } from '../plural.ts';
import { progressReporter } from '../progress.ts';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Read Ofsted report PDFs and print one JSON line per file',
  usage: 'csci extract <file.pdf|folder>... [--workers N]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { workers: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('Give at least one PDF file or folder.');
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
      throw new UsageError('--workers must be a whole number, 0 or more.');
    const files = await findReports(positionals);
    if (files.length === 0) {
      io.stderr.write('No PDF files found.\n');
      return 1;
    }
    // Results come out as files finish, so one slow file holds back no other.
    const progress = progressReporter(io.stderr, 'Extracting');
    let failures = 0;
    for await (const result of readReports(files, { workers, order: 'finished', onProgress: progress.update })) {
      if (isExtractionFailure(result)) failures++;
      // A report that prints no publication date takes the one Ofsted's listing gives (its file name).
      io.stdout.write(JSON.stringify(result) + '\n');
    }
    progress.stop();
    if (failures > 0) io.stderr.write(`${failures} of ${plural(files.length, 'file')} could not be read.\n`);
    return failures > 0 ? 1 : 0;
  },
};
