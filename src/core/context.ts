import type Database from 'better-sqlite3';
import type { EventBus } from './api/event-bus';
import type { CredentialEvents } from './auth/credential-events';
import type { CoreState } from './core-state';
import type { Db } from './db/database';

/** What every service is built with. The database is fetched per call: a restore can swap it. */
export interface ServiceContext {
  readonly state: CoreState;
  readonly events: EventBus;
  /** Passwords set and used, for the keyring of encryption at rest (auth/credential-events.ts). */
  readonly credentials: CredentialEvents;
  /**
   * The connection to use now. While a long write (an import) runs, a caller outside it gets a read-only
   * connection that sees the last commit and none of the import's rows; writes through it are refused with
   * DB_LOCKED (src/core/db/writes.ts).
   */
  db(): Db;
  sqlite(): Database.Database;
  /** Registers clean-up to run when the core closes (worker pools, OCR schedulers, timers). */
  onClose(dispose: () => void | Promise<void>): void;
}
