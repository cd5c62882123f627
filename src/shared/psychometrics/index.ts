export * from './instrument';
export * from './norms';
export * from './options';
export * from './report';
