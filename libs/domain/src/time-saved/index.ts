export * from './calendar';
export * from './entries';
export * from './roi';
export * from './costs';
export * from './people';
