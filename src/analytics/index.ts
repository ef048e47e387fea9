export * from './facts.ts';
export * from './grade-at-date.ts';
export * from './national-distribution.ts';
export * from './group-position.ts';
export * from './inspection-history.ts';
export * from './latest-inspections.ts';
export * from './council-name.ts';
export * from './visit-themes.ts';
