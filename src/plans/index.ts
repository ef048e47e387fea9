export * from './types.ts';
export * from './rag.ts';
export * from './coverage.ts';
export * from './measure-progress.ts';
export * from './compare.ts';
export * from './lifecycle.ts';
export * from './reminders.ts';
export * from './import-rows.ts';
