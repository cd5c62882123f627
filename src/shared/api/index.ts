export * from './envelope';
export * from './procedure';
export * from './contract';
export * from './bridge';
export * from './tasks';
export * from './system';
export * from './documents';
