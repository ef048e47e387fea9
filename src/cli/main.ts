/** `csci`: the command-line entry point. */
import { DomainError } from '../errors.ts';
import { UsageError, type CliIo } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = COMMANDS.find((command) => command.name === args[0]);
    if (topic) io.stdout.write(`usage: ${topic.usage}\n${topic.summary}\n`);
    else io.stdout.write(`usage: csci <command> [options]\n\n${COMMANDS.map((command) => `  ${command.name.padEnd(12)} ${command.summary}`).join('\n')}\n\ncsci help <command> shows a command's options.\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`csci: unknown command "${name}". Run "csci help" for the list.\n`);
    return 2;
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
