/** `csci`: the command-line entry point. */
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { UsageError, type Command, type CliIo } from './command.ts';
import { COMMANDS } from './commands/index.ts';

const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-V']);

/** The version in package.json, read once when asked. */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${manifest.name} ${manifest.version}`;
}

function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${command.summary}\n`;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    'usage: csci <command> [options]',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)} ${command.summary}`),
    '',
    "csci <command> --help (or csci help <command>) shows a command's options; csci --version the version.",
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name !== undefined && VERSION_FLAGS.has(name)) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!name || name === 'help' || HELP_FLAGS.has(name)) {
    const topicName = args[0];
    const topic = COMMANDS.find((command) => command.name === topicName);
    if (topic) {
      io.stdout.write(commandHelp(topic));
      return 0;
    }
    if (topicName !== undefined) {
      io.stderr.write(`csci: unknown command "${topicName}". Run "csci help" for the list.\n`);
      return 2;
    }
    (name ? io.stdout : io.stderr).write(overview());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`csci: unknown command "${name}". Run "csci help" for the list.\n`);
    return 2;
  }
  // `--help` anywhere among a command's arguments (before a lone `--`) asks for its help, not a run.
  const beforeSeparator = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeSeparator.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`csci ${name}: ${(error as Error).message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof DomainError) {
      io.stderr.write(`csci ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
  process.exitCode = code;
}
