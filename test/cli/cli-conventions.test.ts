/**
 * What every `csci` command does alike: `--help`, `--version`, one wording and exit status for a
 * date that does not exist, councils found from what people type as the web search finds them
 * (former codes included), no references to the project's own documents, and plural grammar.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { runCli } from '../../src/cli/main.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';

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

describe('csci <command> --help and csci --version', () => {
  for (const command of COMMANDS) {
    test(`csci ${command.name} --help prints its usage and exits 0`, async () => {
      for (const flag of ['--help', '-h']) {
        const result = await csci(command.name, flag);
        assert.deepEqual([result.code, result.stderr], [0, ''], `${command.name} ${flag}`);
        assert.match(result.stdout, new RegExp(`^usage: csci ${command.name}`));
        assert.ok(result.stdout.includes(command.summary));
      }
    });
  }
  test('--help after a subcommand or other options still shows the help, without running anything', async () => {
    const result = await csci('users', 'add', 'someone@example.org', '--help');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^usage: csci users add EMAIL/);
    assert.equal((await csci('stats', 'national', '--as-at', '2019-02-30', '-h')).code, 0);
  });
  test('csci help <command> says the same; an unknown one is a usage error', async () => {
    assert.equal((await csci('help', 'deadline')).stdout, (await csci('deadline', '--help')).stdout);
    assert.equal((await csci('help', 'nonsense')).code, 2);
  });
  test('--version prints the name and version from package.json', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    for (const flag of ['--version', '-V'])
      assert.deepEqual(await csci(flag), { code: 0, stdout: `${manifest.name} ${manifest.version}\n`, stderr: '' });
  });
});

describe('a date that does not exist', () => {
  const wording = (label: string, value: string) =>
    `${label} must be a date that exists, written YYYY-MM-DD; "${value}" is not one.`;
  let dataDir = '';
  before(() => {
    dataDir = makeTempDir('csci-cli-dates-');
  });
  test('gets the same wording and exit status 1 from every command that takes a date', async () => {
    const cases: [string[], string, string][] = [
      [['deadline', '--published', '2017-02-30'], '--published', '2017-02-30'],
      [['deadline', '--published', '2017-06-13', '--received', '2017-06-31'], '--received', '2017-06-31'],
      [['deadline', '--priority-action-letter', '2021-13-01'], '--priority-action-letter', '2021-13-01'],
      [['workdays', 'add', '2017-02-30', '3'], 'The start date', '2017-02-30'],
      [['workdays', 'between', '2017-02-01', '2017-02-29'], 'The second date', '2017-02-29'],
      [['stats', 'national', '--as-at', '2019-02-29', '--data-dir', dataDir], '--as-at', '2019-02-29'],
      [
        ['stats', 'region', '--la', 'Barnsley', '--as-at', '31/03/2025', '--data-dir', dataDir],
        '--as-at',
        '31/03/2025',
      ],
      [['schedule', dataDir, '--la', 'Barnsley', '--as-at', '2025-04-31'], '--as-at', '2025-04-31'],
      [
        [
          'paper',
          'committee',
          '--inspection',
          '1',
          '--out',
          join(dataDir, 'paper.docx'),
          '--date',
          '2025-09-31',
          '--data-dir',
          dataDir,
        ],
        '--date',
        '2025-09-31',
      ],
    ];
    for (const [argv, label, value] of cases) {
      const result = await csci(...argv);
      assert.deepEqual(
        [result.code, result.stdout, result.stderr],
        [1, '', `csci ${argv[0]}: ${wording(label, value)}\n`],
        argv.join(' '),
      );
    }
  });
});

describe('--la: councils found as the web search finds them', () => {
  let dataDir = '';
  before(async () => {
    dataDir = makeTempDir('csci-cli-la-');
    assert.equal((await csci('migrate', '--data-dir', dataDir)).code, 0);
  });
  const historyHead = async (la: string) => {
    const result = await csci('history', '--la', la, '--data-dir', dataDir);
    return { ...result, head: result.stdout.split('\n')[0] };
  };
  test('a URN, an LA code, a GSS code, a printed name or a unique part of a name', async () => {
    for (const la of ['80458', '841', 'E06000005', 'darlington borough council', 'Darlingt'])
      assert.equal((await historyHead(la)).head, 'Darlington (URN 80458): 0 inspections stored', la);
  });
  test('former codes: Barnsley and Sheffield before their 2025 renumbering, Bournemouth before BCP', async () => {
    assert.equal((await historyHead('E08000016')).head, 'Barnsley (URN 80426): 0 inspections stored');
    assert.equal((await historyHead('e08000019')).head, 'Sheffield (URN 80551): 0 inspections stored');
    assert.equal(
      (await historyHead('E06000028')).head,
      'Bournemouth, Christchurch and Poole (URN 2532287): 0 inspections stored',
    );
    assert.equal(
      (await historyHead('837')).head,
      'Bournemouth, Christchurch and Poole (URN 2532287): 0 inspections stored',
    );
    const region = await csci(
      'stats',
      'region',
      '--la',
      'E08000016',
      '--as-at',
      '2024-03-31',
      '--json',
      '--data-dir',
      dataDir,
    );
    assert.equal(region.code, 0, region.stderr);
    assert.equal((JSON.parse(region.stdout) as { la: { urn: string } }).la.urn, '80426');
  });
  test('Barnsley and Sheffield answer to their old and new ONS codes at any date, before and after the change', async () => {
    // E08000016 and E08000019 were in use until 31 March 2025; E08000038 and E08000039 from 1 April 2025.
    const cases = [
      ['80426', ['E08000016', 'E08000038']],
      ['80551', ['E08000019', 'E08000039']],
    ] as const;
    for (const [urn, codes] of cases)
      for (const code of codes)
        for (const asAt of ['2014-06-30', '2019-06-30', '2025-03-31', '2025-04-01', '2026-06-30']) {
          const region = await csci('stats', 'region', '--la', code, '--as-at', asAt, '--json', '--data-dir', dataDir);
          assert.equal(region.code, 0, `${code} at ${asAt}: ${region.stderr}`);
          assert.equal((JSON.parse(region.stdout) as { la: { urn: string } }).la.urn, urn, `${code} at ${asAt}`);
        }
  });
  test('an abolished council still answers to its own code and name', async () => {
    assert.equal((await historyHead('E10000021')).head, 'Northamptonshire (URN 121939): 0 inspections stored');
    assert.equal((await historyHead('Cumbria')).head, 'Cumbria (URN 135513): 0 inspections stored');
  });
  test('an ambiguous name lists the councils it matches (exit 1)', async () => {
    const result = await historyHead('Northamptonshire');
    // "Northamptonshire" names the abolished county exactly; its part in two successors' names does not make it ambiguous.
    assert.equal(result.head, 'Northamptonshire (URN 121939): 0 inspections stored');
    const north = await historyHead('Northampton');
    assert.equal(north.code, 1);
    assert.match(
      north.stderr,
      /^csci history: "Northampton" matches 3 councils: North Northamptonshire \(URN 2637539\); Northamptonshire \(URN 121939, abolished 2021-04-01\); West Northamptonshire \(URN 2637548\)\. Give the URN or more of the name\.\n$/,
    );
  });
  test('an unknown name lists the closest councils (exit 1)', async () => {
    const result = await historyHead('Darlingtn');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^csci history: No council in the register matches "Darlingtn"\. The closest: Darlington \(URN 80458\); /,
    );
    const typo = await historyHead('Sheffeild');
    assert.match(typo.stderr, /The closest: Sheffield \(URN 80551\)/);
  });
});

describe('output for people', () => {
  test('councils missing from the national figures are named, not only numbered', async () => {
    const dataDir = makeTempDir('csci-cli-missing-');
    const result = await csci('stats', 'national', '--as-at', '2020-03-31', '--data-dir', dataDir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /0 councils included; 151 with no such grade by then: Barking and Dagenham \(80486\), Barnet \(80487\), Barnsley \(80426\), /,
    );
    // Councils that did not exist on the date are not counted as missing.
    assert.doesNotMatch(result.stdout, /Cumberland|North Northamptonshire|\(137316\)/);
  });
  test('plural grammar: 1 file, 2 files', async () => {
    const folder = makeTempDir('csci-cli-plural-');
    writeFileSync(join(folder, 'one.pdf'), 'not a pdf');
    const one = await csci('extract', join(folder, 'one.pdf'), '--workers', '0');
    assert.deepEqual([one.code, one.stderr], [1, '1 of 1 file could not be read.\n']);
    writeFileSync(join(folder, 'two.pdf'), 'not a pdf either');
    const two = await csci('extract', folder, '--workers', '0');
    assert.equal(two.stderr, '2 of 2 files could not be read.\n');
  });
  test("no references to the project's own documents or unexplained evidence codes in what the rules say", async () => {
    const deadline = await csci('deadline', '--published', '2017-06-13', '--json');
    const priority = await csci('deadline', '--priority-action-letter', '2021-12-20', '--json');
    const text = await csci('deadline', '--published', '2017-06-13');
    for (const output of [deadline.stdout, priority.stdout, text.stdout])
      assert.doesNotMatch(output, /DOMAIN\.md|DESIGN\.md|§|seed document/);
  });
});
