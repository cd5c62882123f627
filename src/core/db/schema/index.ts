/** Every table of the local database; drizzle-kit generates migrations from this module. */
export * from './settings';
export * from './fleet';
export * from './fleet-settings';
export * from './documents';
export * from './assessments';
export * from './fit';
export * from './questionnaires';
export * from './recruitment';
export * from './sync';
export * from './shares';
export * from './users';
export * from './audit';
