/**
 * `csci paper committee --inspection ID [--council URN] --out FILE.docx|.html|.pdf`: the
 * post-inspection committee report, written to a file (atomically: a failure leaves no partial file).
 * The action-plan and progress papers wait for improvement plans.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatUkDate } from '../../calendar/index.ts';
import { ValidationError } from '../../errors.ts';
import { PAPER_FORMATS, PdfPrinterUnavailableError, type PaperFormat } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { parseOptionalDate } from '../date-argument.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

const USAGE = [
  'csci paper committee --inspection <id> [--council <urn or name>] --out FILE.docx|.html|.pdf [--source-url URL] [--date YYYY-MM-DD] [--data-dir DIR]',
  '  --inspection  the inspection id (as on /inspections/<id>); with --council, also its publication date',
  '  --council     the council the inspection must belong to',
  "  --source-url  Ofsted's address for the report, for the background papers (the store does not hold it)",
  '  --date        the date of the paper (default today)',
].join('\n');

function formatOf(file: string): PaperFormat {
  const extension = extname(file).slice(1).toLowerCase();
  if (!(PAPER_FORMATS as readonly string[]).includes(extension)) throw new UsageError(`--out must end in ${PAPER_FORMATS.map((format) => `.${format}`).join(', ')}; "${file}" does not.`);
  return extension as PaperFormat;
}

export const paperCommand: Command = {
  name: 'paper',
  summary: 'Write a committee paper: the post-inspection committee report (Word, HTML print view or PDF)',
  usage: USAGE,
  async run(args, io) {
    const [kind, ...rest] = args;
    if (kind === 'plan' || kind === 'progress') {
      throw new ValidationError(`csci paper ${kind} needs improvement plans, which are not built yet; only "csci paper committee" can be written.`, 'not-available');
    }
    if (kind !== 'committee') throw new UsageError(kind === undefined ? 'say which paper: committee.' : `unknown paper "${kind}"; the one available is committee.`);
    const { values } = parseArgs({
      args: rest,
      options: { inspection: { type: 'string' }, council: { type: 'string' }, out: { type: 'string' }, 'source-url': { type: 'string' }, date: { type: 'string' }, ...DATA_DIR_OPTION },
    });
    if (values.inspection === undefined) throw new UsageError('paper committee needs --inspection <id>.');
    if (values.out === undefined) throw new UsageError('paper committee needs --out FILE.docx|.html|.pdf.');
    const out = values.out;
    const format = formatOf(out);
    const sourceUrl = values['source-url'];
    if (sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(sourceUrl)) throw new UsageError(`--source-url must be an http(s) address, not "${sourceUrl}".`);
    const inspection = values.inspection;
    const preparedOn = parseOptionalDate(values.date, '--date');
    const paper = await withServices(values['data-dir'], async (services) => {
      // Say at once when a PDF cannot be printed here, before any work.
      const printing = services.papers.pdfPrinting();
      if (format === 'pdf' && !printing.available) throw new PdfPrinterUnavailableError(printing.executablePath);
      return services.papers.committeeReportFile({ inspection, council: values.council, sourceAddress: sourceUrl, preparedOn }, format);
    });
    const partial = `${out}.partial-${process.pid}`;
    try {
      await writeFile(partial, paper.body);
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    io.stdout.write(`Wrote ${out} (${paper.body.length.toLocaleString('en-GB')} bytes): the committee report on ${paper.data.council.name}'s inspection published ${formatUkDate(paper.data.inspection.published)}.\n`);
    return 0;
  },
};
