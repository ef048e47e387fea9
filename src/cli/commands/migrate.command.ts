import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { plural } from '../plural.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date and load the local authority register if empty',
  usage: 'csci migrate [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...DATA_DIR_OPTION } });
    return withServices(values['data-dir'], async (services) => {
      const { appliedMigrations, councilsLoaded } = services.startup;
      io.stdout.write(
        `${services.store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} store ready. ` +
          `${appliedMigrations.length === 0 ? 'No migration was pending' : `Applied: ${appliedMigrations.join(', ')}`}. ` +
          `${councilsLoaded === 0 ? 'The register was already loaded' : `Loaded ${plural(councilsLoaded, 'council')} into the register`}.\n`,
      );
      return 0;
    });
  },
};
