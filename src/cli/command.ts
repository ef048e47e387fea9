/** The shape every `csci` command has. Commands call services and pure modules, print, and return an exit code. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where `--password-stdin` reads from (process.stdin when absent). */
  readonly stdin?: NodeJS.ReadableStream;
}

export interface Command {
  readonly name: string;
  /** One line for `csci help`. */
  readonly summary: string;
  /** Usage lines shown by `csci help <command>` and on a usage error. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
