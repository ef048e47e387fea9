/** How the store-reading commands open the services: the configuration, or the SQLite store in --data-dir. */
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config.ts';
import { DomainError } from '../../errors.ts';
import { createServices, SQLITE_FILE, type Services } from '../../services/index.ts';

/** `--data-dir DIR` means the SQLite database in DIR, whatever DATABASE_URL says. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

export async function openServices(dataDir: string | undefined): Promise<Services> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new DomainError('bad-config', error.message);
    throw error;
  }
  if (dataDir !== undefined)
    return createServices({ ...config, dataDir }, { location: { sqlite: join(dataDir, SQLITE_FILE) } });
  return createServices(config);
}

/** Runs the body with services open, and closes them whatever happens. */
export async function withServices<T>(
  dataDir: string | undefined,
  body: (services: Services) => Promise<T>,
): Promise<T> {
  const services = await openServices(dataDir);
  try {
    return await body(services);
  } finally {
    await services.close();
  }
}
