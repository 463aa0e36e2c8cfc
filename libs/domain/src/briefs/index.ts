export * from './workflow';
export * from './validation';
export * from './roo';
export * from './diff';
export * from './template';
