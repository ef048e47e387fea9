/**
 * `csci users add|list|remove|set-role` and `csci tokens create|revoke`: the first admin and
 * everyone after, from the machine that holds the database. No default password anywhere: a user
 * added without `--password-stdin` gets a one-time link to set one (24 hours). Audited as the
 * command line.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { COMMAND_LINE_ACTOR } from '../../domain/actor.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

async function readPassword(io: CliIo): Promise<string> {
  const input = io.stdin ?? process.stdin;
  let text = '';
  for await (const chunk of input)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

function publicUrl(): string {
  return loadConfig().publicUrl ?? 'http://localhost:3000';
}

const USERS_USAGE = [
  'csci users add EMAIL --role admin|editor|viewer [--council URN]... [--name NAME] [--password-stdin] [--data-dir DIR]',
  '       csci users list [--json] [--data-dir DIR]',
  '       csci users remove EMAIL [--data-dir DIR]',
  '       csci users set-role EMAIL ROLE [--data-dir DIR]',
].join('\n');

export const usersCommand: Command = {
  name: 'users',
  summary: 'Add, list and remove people, and set their role (admin, editor, viewer)',
  usage: USERS_USAGE,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        ...DATA_DIR_OPTION,
        role: { type: 'string' },
        council: { type: 'string', multiple: true },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const users = (run: Parameters<typeof withServices<number>>[1]) => withServices(values['data-dir'], run);
    switch (action) {
      case 'add': {
        const [email] = positionals;
        if (!email || positionals.length > 1) throw new UsageError('give one EMAIL');
        if (!values.role) throw new UsageError('give --role admin, editor or viewer');
        const password = values['password-stdin'] ? await readPassword(io) : undefined;
        return users(async (services) => {
          const { user, passwordLink } = await services.accounts.users.addUser(COMMAND_LINE_ACTOR, {
            email,
            role: values.role!,
            councils: values.council ?? [],
            ...(values.name !== undefined ? { name: values.name } : {}),
            ...(password !== undefined ? { password } : {}),
          });
          io.stdout.write(
            `Added ${user.email} (${user.name}) as ${user.role}${user.councils.length ? ` for ${user.councils.join(', ')}` : ''}.\n`,
          );
          if (passwordLink)
            io.stdout.write(
              `One-time link to set a password (valid until ${passwordLink.expiresAt}, shown once):\n${publicUrl()}${passwordLink.path}\n`,
            );
          return 0;
        });
      }
      case 'list':
        return users(async (services) => {
          const list = await services.accounts.users.listUsers(COMMAND_LINE_ACTOR);
          if (values.json)
            io.stdout.write(
              `${JSON.stringify(list.map(({ email, name, role, councils, hasPassword }) => ({ email, name, role, councils, hasPassword })))}\n`,
            );
          else if (list.length === 0)
            io.stdout.write('No users yet: add the first admin with `csci users add EMAIL --role admin`.\n');
          else
            for (const user of list)
              io.stdout.write(
                `${user.email}\t${user.role}\t${user.name}\t${user.councils.join(',') || '-'}${user.hasPassword ? '' : '\t(no password set)'}\n`,
              );
          return 0;
        });
      case 'remove': {
        const [email] = positionals;
        if (!email || positionals.length > 1) throw new UsageError('give one EMAIL');
        return users(async (services) => {
          const user = await services.accounts.users.getUserByEmail(COMMAND_LINE_ACTOR, email);
          await services.accounts.users.removeUser(COMMAND_LINE_ACTOR, user.id);
          io.stdout.write(`Removed ${user.email}; their sessions and API tokens ended with them.\n`);
          return 0;
        });
      }
      case 'set-role': {
        const [email, role] = positionals;
        if (!email || !role || positionals.length > 2) throw new UsageError('give EMAIL and ROLE');
        return users(async (services) => {
          const user = await services.accounts.users.getUserByEmail(COMMAND_LINE_ACTOR, email);
          const changed = await services.accounts.users.setRole(COMMAND_LINE_ACTOR, user.id, role);
          io.stdout.write(`${changed.email} is now ${changed.role}.\n`);
          return 0;
        });
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'give an action: add, list, remove or set-role');
    }
  },
};

export const tokensCommand: Command = {
  name: 'tokens',
  summary: 'Create an API token for a user (printed once) or revoke one',
  usage: 'csci tokens create EMAIL [--label TEXT] [--data-dir DIR]\n       csci tokens revoke ID [--data-dir DIR]',
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { ...DATA_DIR_OPTION, label: { type: 'string' } },
    });
    switch (action) {
      case 'create': {
        const [email] = positionals;
        if (!email || positionals.length > 1) throw new UsageError('give one EMAIL');
        return withServices(values['data-dir'], async (services) => {
          const user = await services.accounts.users.getUserByEmail(COMMAND_LINE_ACTOR, email);
          const { token, secret } = await services.accounts.users.createToken(
            COMMAND_LINE_ACTOR,
            user.id,
            values.label,
          );
          io.stdout.write(
            `Token ${token.id} for ${user.email} ("${token.label}"); it is shown once, keep it safe:\n${secret}\n`,
          );
          return 0;
        });
      }
      case 'revoke': {
        const [id] = positionals;
        if (!id || !/^\d+$/.test(id) || positionals.length > 1)
          throw new UsageError('give the token ID (a number, as `csci tokens create` printed it)');
        return withServices(values['data-dir'], async (services) => {
          const token = await services.accounts.users.revokeToken(COMMAND_LINE_ACTOR, Number(id));
          io.stdout.write(
            `Token ${token.id} of ${token.email} ("${token.label}") is revoked; it stops working at once.\n`,
          );
          return 0;
        });
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'give an action: create or revoke');
    }
  },
};
