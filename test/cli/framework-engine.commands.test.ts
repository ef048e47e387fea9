/** csci deadline, workdays and schedule, run through the CLI entry point with captured output. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { describeBacktest, describeOutlook } from '../../src/cli/commands/schedule.command.ts';
import { resolveCouncil, urnFromPath, type ReportSet } from '../../src/services/index.ts';
import { backtest, councilOutlook, type InspectionRecord } from '../../src/rules/index.ts';
import { CORPUS_REPORTS_DIR, corpusMissing } from '../helpers/corpus.ts';

async function csci(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(argv, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
  });
  return { code, stdout, stderr };
}

describe('csci deadline', () => {
  test('prints the action-plan due date first: 13 June 2017 gives 2017-09-20', async () => {
    const { code, stdout } = await csci('deadline', '--published', '2017-06-13');
    assert.equal(code, 0);
    assert.match(stdout.split('\n')[0]!, /^2017-09-20 {2}Written statement of action/);
  });
  test('--json lists every deadline that applies, with its legal basis: 8 December 2017 gives 2018-03-21', async () => {
    const { code, stdout } = await csci('deadline', '--published', '2017-12-08', '--json');
    assert.equal(code, 0);
    const { deadlines } = JSON.parse(stdout) as {
      deadlines: { id: string; due: string; legalBasis: { citation: string } }[];
    };
    assert.deepEqual(
      deadlines.map((deadline) => [deadline.id, deadline.due]),
      [
        ['council-publishes-report', '2018-01-24'],
        ['written-statement-of-action', '2018-03-21'],
      ],
    );
    assert.ok(deadlines.every((deadline) => deadline.legalBasis.citation.length > 0));
  });
  test('a focused visit letter with areas for priority action: draft and final plans', async () => {
    const { stdout } = await csci('deadline', '--priority-action-letter', '2021-12-20', '--json');
    assert.deepEqual(
      (JSON.parse(stdout) as { deadlines: { due: string }[] }).deadlines.map((deadline) => deadline.due),
      ['2022-01-20', '2022-03-31'],
    );
  });
  test('an impossible date is a clear error (exit 1); a missing option is a usage error (exit 2)', async () => {
    const bad = await csci('deadline', '--published', '2017-02-30');
    assert.deepEqual(
      [bad.code, bad.stderr],
      [1, 'csci deadline: --published must be a date that exists, written YYYY-MM-DD; "2017-02-30" is not one.\n'],
    );
    const usage = await csci('deadline');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /usage: csci deadline/);
  });
});

describe('csci workdays', () => {
  test('add prints the date; between prints the count', async () => {
    assert.deepEqual(await csci('workdays', 'add', '2017-06-13', '70'), {
      code: 0,
      stdout: '2017-09-20\n',
      stderr: '',
    });
    assert.deepEqual(await csci('workdays', 'between', '2017-12-08', '2018-03-21'), {
      code: 0,
      stdout: '70\n',
      stderr: '',
    });
  });
  test('bad input gets a clear error (exit 1); a malformed call is a usage error (exit 2)', async () => {
    assert.deepEqual(await csci('workdays', 'add', '2017-06-13', '-3'), {
      code: 1,
      stdout: '',
      stderr: 'csci workdays: The number of working days must be a whole number, 0 or more (got -3).\n',
    });
    assert.equal((await csci('workdays', 'add', '2017-02-30', '3')).code, 1);
    assert.equal((await csci('workdays', 'add', '2017-06-13', 'ten')).code, 1);
    assert.equal((await csci('workdays', 'add', '2017-06-13')).code, 2);
    assert.equal((await csci('workdays', 'subtract', '2017-06-13', '3')).code, 2);
  });
});

describe('csci schedule', () => {
  test("council keys: the URN from the folder name, or the printed name by the import's name key", () => {
    assert.equal(urnFromPath('reports/80459-derby/2017-06-13.pdf'), '80459');
    assert.equal(urnFromPath('downloads/derby.pdf'), undefined);
    const printed = [
      'Derby City Council',
      'London Borough of Barking & Dagenham',
      'City of London',
      'St Helens Council',
    ];
    const set: ReportSet = {
      histories: new Map(printed.map((name, index) => [`name:${index}`, []])),
      names: new Map(printed.map((name, index) => [`name:${index}`, new Set([name])])),
      files: printed.length,
      unreadable: 0,
    };
    assert.equal(resolveCouncil(set, 'derby'), 'name:0');
    assert.equal(resolveCouncil(set, 'Barking and Dagenham'), 'name:1');
    assert.equal(
      resolveCouncil(set, 'City of London'),
      'name:2',
      'City of London keeps a key (it used to become empty)',
    );
    assert.equal(resolveCouncil(set, 'St. Helens'), 'name:3', 'St and Saint match, as on import');
    assert.equal(resolveCouncil(set, 'Saint Helens'), 'name:3');
    assert.throws(() => resolveCouncil(set, 'Council'), { code: 'no-reports' });
  });
  test('the printed outlook marks rules and estimates, and the backtest prints both coverages', () => {
    const sif = (start: string, published: string, overall: 'good' | 'inadequate'): InspectionRecord => ({
      kind: 'sif',
      version: 'SIF',
      inspectionStart: start,
      inspectionEnd: start,
      published,
      judgements: { overall, leadership: overall, helpAndProtection: overall, childrenInCare: overall },
    });
    const short = (start: string, published: string): InspectionRecord => ({
      kind: 'ilacs-short',
      version: 'ILACS-2018',
      inspectionStart: start,
      inspectionEnd: start,
      published,
      judgements: { overall: 'good', leadership: 'good', helpAndProtection: 'good', childrenInCare: 'good' },
    });
    const histories = new Map<string, InspectionRecord[]>([
      ['1', [sif('2015-01-05', '2015-03-02', 'good'), short('2018-09-03', '2018-10-19')]],
      ['2', [sif('2015-06-01', '2015-07-27', 'inadequate')]],
    ]);
    const text = describeOutlook(councilOutlook('2', '2015-08-03', histories), 'Sandford');
    assert.match(text, /^Sandford \(2\) as at 3 August 2015, from 1 graded inspection public by then/);
    assert.match(
      text,
      /Next graded inspection \[rule: official text seen, secondary source, measured over the reports\]: Single inspection framework re-inspection\./,
    );
    assert.match(text, /Nominal window \[rule: secondary source\]: 1 December 2017 to 1 December 2018/);
    assert.match(text, /Empirical window \[estimate: measured over the reports\]: none/);
    assert.match(text, /Before it \[estimate: official text seen, secondary source\]: No focused visits expected/);
    assert.match(
      text,
      /2015-11-03 {2}Written statement of action \(the action plan\) \(70 working days, EIA 2006 s\.137\(3\)-\(4\); SI 2007\/462 reg 3\): running/,
    );
    const summary = describeBacktest(backtest(histories), 2);
    assert.match(summary, /Backtest: 1 next inspection predicted/);
    assert.match(summary, /Next kind right: +100\.0% \(1 of 1\)/);
    assert.match(summary, /Actual start in empirical window: 0\.0%/);
  });
  test('usage errors: no files, or not exactly one of --la and --backtest', async () => {
    assert.equal((await csci('schedule', '--backtest')).code, 2);
    assert.equal((await csci('schedule', 'reports')).code, 2);
    assert.equal((await csci('schedule', 'reports', '--la', '80459', '--backtest')).code, 2);
  });
  test('an impossible as-at date, or a folder with no reports, is a clear error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'csci-schedule-'));
    try {
      const noFiles = await csci('schedule', empty, '--la', '80459');
      assert.equal(noFiles.code, 1);
      assert.match(noFiles.stderr, /No PDF files were found/);
      assert.equal((await csci('schedule', empty, '--la', '80459', '--as-at', '2020-02-30')).code, 1);
      const unreadable = await csci('schedule', join(empty, 'missing.pdf'), '--la', '80459');
      assert.equal(unreadable.code, 1);
      assert.match(unreadable.stderr, /None of the 1 files could be read/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  describe('on real reports (Derby and Blackburn with Darwen)', { skip: corpusMissing }, () => {
    const derby = join(CORPUS_REPORTS_DIR, '80459-derby');
    const blackburn = join(CORPUS_REPORTS_DIR, '80430-blackburn-with-darwen');
    test('what comes next for Derby in June 2022, found by name', async () => {
      const { code, stdout, stderr } = await csci(
        'schedule',
        derby,
        blackburn,
        '--la',
        'Derby',
        '--as-at',
        '2022-06-01',
        '--json',
      );
      assert.equal(code, 0, stderr);
      const outlook = JSON.parse(stdout) as {
        council: string;
        latest: { inspectionStart: string };
        next: { kind: string; pathway: string };
        deadlines: { id: string; due: string; status: string }[];
      };
      assert.equal(outlook.council, '80459');
      assert.equal(outlook.latest.inspectionStart, '2022-03-21');
      assert.deepEqual([outlook.next.pathway, outlook.next.kind], ['short', 'ilacs-short']);
      // the ILACS report prints no publication date: the file name (Ofsted's listed date, 11 May 2022) gives it
      const plan = outlook.deadlines.find((deadline) => deadline.id === 'written-statement-of-action');
      assert.deepEqual([plan?.due, plan?.status], ['2022-08-19', 'running']);
    });
    test('a council with no reports among those read is a clear error', async () => {
      const { code, stderr } = await csci('schedule', derby, '--la', '99999');
      assert.equal(code, 1);
      assert.match(stderr, /No reports were found for the local authority "99999"/);
    });
    test('--backtest --json gives the four figures', async () => {
      const { code, stdout } = await csci('schedule', derby, blackburn, '--backtest', '--json');
      assert.equal(code, 0);
      const result = JSON.parse(stdout) as Record<string, number>;
      assert.deepEqual(Object.keys(result), [
        'cases',
        'kindAccuracy',
        'nominalWindowCoverage',
        'empiricalWindowCoverage',
      ]);
      assert.equal(result.cases, 4);
      // Blackburn's good SIF was followed by a standard inspection, not the short one the rule expects
      assert.equal(result.kindAccuracy, 0.75);
    });
  });
});
