/**
 * `csci paper committee --inspection ID [--council URN] --out FILE.docx|.html|.pdf`: the
 * post-inspection committee report; `csci paper plan --plan ID --out FILE.docx|.xlsx|.html|.pdf`: the
 * action plan; `csci paper progress --plan ID [--since VERSION] --out FILE.docx|.html|.pdf`: the
 * progress report. Each is written to a file atomically (a failure leaves no partial file). The plan
 * papers are private: the command line reads them as its operator (COMMAND_LINE_ACTOR).
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatUkDate } from '../../calendar/index.ts';
import { COMMAND_LINE_ACTOR } from '../../domain/actor.ts';
import {
  PAPER_FORMATS,
  PLAN_PAPER_FORMATS,
  PROGRESS_REPORT_FORMATS,
  PdfPrinterUnavailableError,
  type PaperFormat,
  type Services,
} from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { parseOptionalDate } from '../date-argument.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

const USAGE = [
  'csci paper committee --inspection <id> [--council <urn or name>] --out FILE.docx|.html|.pdf [--source-url URL] [--date YYYY-MM-DD] [--data-dir DIR]',
  '  --inspection  the inspection id (as on /inspections/<id>); with --council, also its publication date',
  '  --council     the council the inspection must belong to',
  "  --source-url  Ofsted's address for the report, for the background papers (default: the one csci sync stored, if any)",
  '  --date        the date of the paper (default today)',
  'csci paper plan --plan <id> [--version N] --out FILE.docx|.xlsx|.html|.pdf [--date YYYY-MM-DD] [--data-dir DIR]',
  '  the action plan for submission: the working copy, or frozen version N; RAG ratings as at --date (default today)',
  'csci paper progress --plan <id> [--since N] --out FILE.docx|.html|.pdf [--date YYYY-MM-DD] [--data-dir DIR]',
  '  the progress report: the working copy against frozen version N (default the latest; none before the first submission)',
].join('\n');

function formatOf<F extends string>(file: string, formats: readonly F[]): F {
  const extension = extname(file).slice(1).toLowerCase();
  if (!(formats as readonly string[]).includes(extension))
    throw new UsageError(`--out must end in ${formats.map((format) => `.${format}`).join(', ')}; "${file}" does not.`);
  return extension as F;
}

function wholeNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${option} must be a whole number, not "${value}".`);
  return Number(value);
}

/** Writes the file whole or not at all. */
async function writeWhole(out: string, body: Buffer): Promise<void> {
  const partial = `${out}.partial-${process.pid}`;
  try {
    await writeFile(partial, body);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Says at once when a PDF cannot be printed here, before any work. */
function checkPrinting(services: Services, format: string): void {
  const printing = services.papers.pdfPrinting();
  if (format === 'pdf' && !printing.available) throw new PdfPrinterUnavailableError(printing.executablePath);
}

export const paperCommand: Command = {
  name: 'paper',
  summary:
    'Write a paper: the post-inspection committee report, an action plan or a progress report (Word, Excel, HTML print view or PDF)',
  usage: USAGE,
  async run(args, io) {
    const [kind, ...rest] = args;
    if (kind === 'plan' || kind === 'progress') {
      const { values } = parseArgs({
        args: rest,
        options: {
          plan: { type: 'string' },
          version: { type: 'string' },
          since: { type: 'string' },
          out: { type: 'string' },
          date: { type: 'string' },
          ...DATA_DIR_OPTION,
        },
      });
      const planId = wholeNumber(values.plan, '--plan');
      if (planId === undefined) throw new UsageError(`paper ${kind} needs --plan <id>.`);
      if (values.out === undefined)
        throw new UsageError(
          `paper ${kind} needs --out FILE (${(kind === 'plan' ? PLAN_PAPER_FORMATS : PROGRESS_REPORT_FORMATS).map((format) => `.${format}`).join(', ')}).`,
        );
      if (kind === 'plan' && values.since !== undefined)
        throw new UsageError('--since is for paper progress; paper plan takes --version.');
      if (kind === 'progress' && values.version !== undefined)
        throw new UsageError('--version is for paper plan; paper progress takes --since.');
      const out = values.out;
      const paper = await withServices(values['data-dir'], async (services) => {
        if (kind === 'plan') {
          const format = formatOf(out, PLAN_PAPER_FORMATS);
          checkPrinting(services, format);
          return services.papers.actionPlanFile(
            COMMAND_LINE_ACTOR,
            {
              planId,
              version: wholeNumber(values.version, '--version'),
              preparedOn: parseOptionalDate(values.date, '--date'),
            },
            format,
          );
        }
        const format = formatOf(out, PROGRESS_REPORT_FORMATS);
        checkPrinting(services, format);
        return services.papers.progressReportFile(
          COMMAND_LINE_ACTOR,
          { planId, since: wholeNumber(values.since, '--since'), preparedOn: parseOptionalDate(values.date, '--date') },
          format,
        );
      });
      await writeWhole(out, paper.body);
      io.stdout.write(
        `Wrote ${out} (${paper.body.length.toLocaleString('en-GB')} bytes): the ${kind === 'plan' ? 'action plan' : 'progress report'} of plan ${planId}, ${paper.subject.council.name}'s response to the inspection published ${formatUkDate(paper.subject.inspection.published)}.\n`,
      );
      return 0;
    }
    if (kind !== 'committee')
      throw new UsageError(
        kind === undefined
          ? 'say which paper: committee, plan or progress.'
          : `unknown paper "${kind}"; the papers are committee, plan and progress.`,
      );
    const { values } = parseArgs({
      args: rest,
      options: {
        inspection: { type: 'string' },
        council: { type: 'string' },
        out: { type: 'string' },
        'source-url': { type: 'string' },
        date: { type: 'string' },
        ...DATA_DIR_OPTION,
      },
    });
    if (values.inspection === undefined) throw new UsageError('paper committee needs --inspection <id>.');
    if (values.out === undefined) throw new UsageError('paper committee needs --out FILE.docx|.html|.pdf.');
    const out = values.out;
    const format = formatOf<PaperFormat>(out, PAPER_FORMATS);
    const sourceUrl = values['source-url'];
    if (sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(sourceUrl))
      throw new UsageError(`--source-url must be an http(s) address, not "${sourceUrl}".`);
    const inspection = values.inspection;
    const preparedOn = parseOptionalDate(values.date, '--date');
    const paper = await withServices(values['data-dir'], async (services) => {
      checkPrinting(services, format);
      return services.papers.committeeReportFile(
        { inspection, council: values.council, sourceAddress: sourceUrl, preparedOn },
        format,
      );
    });
    await writeWhole(out, paper.body);
    io.stdout.write(
      `Wrote ${out} (${paper.body.length.toLocaleString('en-GB')} bytes): the committee report on ${paper.data.council.name}'s inspection published ${formatUkDate(paper.data.inspection.published)}.\n`,
    );
    return 0;
  },
};
