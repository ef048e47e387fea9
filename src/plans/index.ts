export * from './types.ts';
export * from './rag.ts';
export * from './coverage.ts';
export * from './measure-progress.ts';
export * from './compare.ts';
export * from './lifecycle.ts';
