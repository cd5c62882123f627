import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: unique across devices that create rows offline, and sortable by creation time (docs/architecture.md#the-write-path). */
export const newId = (): string => uuidv7();

/** Timestamps are stored as ISO 8601 UTC text: sortable, readable in exports, the same on every device. */
export const nowIso = (): string => new Date().toISOString();
