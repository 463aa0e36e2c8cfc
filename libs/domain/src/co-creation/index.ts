export * from './thread';
export * from './invitation';
export * from './proposal';
export * from './offer';
