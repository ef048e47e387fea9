export * from './database.ts';
export * from './create-db.ts';
export * from './migrate.ts';
export * from './local-authority.repository.ts';
export * from './inspection.repository.ts';
export * from './import-run.repository.ts';
export * from './sync.repository.ts';
