export * from './instrument';
export * from './names';
export * from './norms';
export * from './options';
export * from './report';
