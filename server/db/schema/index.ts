export * from './users.ts';
export * from './items.ts';
export * from './attempts.ts';
export * from './essays.ts';
export * from './groups.ts';
export * from './learning.ts';
export * from './reports.ts';
