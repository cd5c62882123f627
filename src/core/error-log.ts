import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Past this size the log is moved to `harmony.log.1` (replacing the one before) and started again. */
const MAX_LOG_BYTES = 1_000_000;

/** Unexpected errors (bugs) with their stack traces: never shown to a person, kept here for whoever fixes them. */
export const errorLogFile = (dataDir: string): string => join(dataDir, 'logs', 'harmony.log');

/** Appends an error with its stack; returns the log's path, or null when it could not be written. Never throws. */
export function logUnexpectedError(dataDir: string, context: string, error: unknown): string | null {
  const file = errorLogFile(dataDir);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
    } catch {
      // No log yet.
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    appendFileSync(file, `${new Date().toISOString()} ${context}\n${detail}\n\n`, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}
