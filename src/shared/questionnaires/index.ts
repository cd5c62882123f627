export * from './answers-file';
export * from './proctoring';
export * from './pulse';
