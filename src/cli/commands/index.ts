import type { Command } from '../command.ts';
import { extractCommand } from './extract.command.ts';

/** Every `csci` command. Add new commands here. */
export const COMMANDS: readonly Command[] = [extractCommand];
