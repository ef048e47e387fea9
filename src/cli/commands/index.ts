import type { Command } from '../command.ts';
import { extractCommand } from './extract.command.ts';
import { importCommand } from './import.command.ts';
import { statsCommand } from './stats.command.ts';
import { historyCommand } from './history.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { deadlineCommand } from './deadline.command.ts';
import { workdaysCommand } from './workdays.command.ts';
import { scheduleCommand } from './schedule.command.ts';
import { paperCommand } from './paper.command.ts';
import { tokensCommand, usersCommand } from './users.command.ts';
import { syncCommand } from './sync.command.ts';
import { subscriptionsCommand } from './subscriptions.command.ts';
import { remindCommand } from './remind.command.ts';
import { plansCommand } from './plans.command.ts';

/** Every `csci` command. Add new commands here. */
export const COMMANDS: readonly Command[] = [
  extractCommand,
  importCommand,
  statsCommand,
  historyCommand,
  migrateCommand,
  deadlineCommand,
  workdaysCommand,
  scheduleCommand,
  usersCommand,
  tokensCommand,
  syncCommand,
  subscriptionsCommand,
  paperCommand,
  remindCommand,
  plansCommand,
];
