export * from './grade.ts';
export * from './framework.ts';
export * from './judgement-area.ts';
export * from './inspection-report.ts';
export * from './council.ts';
export * from './visit-letter.ts';
export * from './visit-letter-record.ts';
