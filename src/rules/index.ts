export type { Evidence, EvidenceTag, Nature } from './evidence.ts';
export * from './deadlines.ts';
export * from './framework-version.ts';
export * from './consistency.ts';
export * from './inspection-history.ts';
export * from './gap-distribution.ts';
export * from './next-inspection.ts';
export * from './council-outlook.ts';
export * from './backtest.ts';
