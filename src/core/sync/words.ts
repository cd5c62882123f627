import { SyncFailure } from './transport';

/** A failed sync in a captain's words: what happened and whether anything needs doing. */
export function describeSyncFailure(error: unknown): { code: string; message: string } {
  if (!(error instanceof SyncFailure)) {
    const code = (error as { code?: string }).code;
    if (code === 'DB_LOCKED') return { code, message: 'An import is running; sync waits until it has finished.' };
    return { code: 'INTERNAL', message: `Sync stopped on a fault: ${(error as Error).message}` };
  }
  switch (error.code) {
    case 'UNREACHABLE':
      return { code: error.code, message: 'The sync server cannot be reached. Changes are kept on this computer and sent when it can.' };
    case 'CLOCK_AHEAD':
      return { code: error.code, message: "This computer's clock is ahead of the server's. Set the date and time correctly; changes were re-stamped and will be sent." };
    case 'DEVICE_REVOKED':
      return { code: error.code, message: 'The office has revoked this computer. Ask for a new enrolment code to sync again.' };
    case 'WRONG_SERVER':
    case 'UNAUTHORIZED':
      return { code: error.code, message: 'The server does not know this computer. Enrol it again with a new code from the office.' };
    case 'SCHEMA_TOO_NEW':
      return { code: error.code, message: 'This app is newer than the sync server. Ask the office to update the server.' };
    case 'SCHEMA_TOO_OLD':
      return { code: error.code, message: "The sync server holds data written by a newer version of Harmony Crew. This computer's changes were sent; update the app here to receive the others'." };
    default:
      return { code: error.code, message: error.message };
  }
}

/**
 * Failures that another try will not mend: automatic sync stops until someone acts. An app older than the server's
 * data is not among them: its syncs still send its changes, and say each time why nothing comes back.
 */
export const needsPerson = (code: string): boolean => ['DEVICE_REVOKED', 'WRONG_SERVER', 'UNAUTHORIZED', 'SCHEMA_TOO_NEW'].includes(code);
