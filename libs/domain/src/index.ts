export * from './errors';
export * from './roles';
export * from './policy';
export * from './validation';
export * from './live-events';
export * from './briefs';
export * from './time-saved';
export * from './co-creation';
