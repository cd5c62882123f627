import { AppError } from '../api/errors';
import type { FileCipher } from '../files/blob-store';
import type { Keyring } from './keyring';
import { isSealed, openBytes, sealBytes, SealedFileError } from './sealed-format';

/** A sealed file that cannot be opened, in words: what is wrong, and the file. */
export function sealedFileProblem(error: unknown, what: string): unknown {
  if (!(error instanceof SealedFileError)) return error;
  const because: Record<SealedFileError['problem'], string> = {
    'not-sealed': 'it is not an encrypted file',
    'newer-version': 'it was encrypted by a newer version of Harmony Crew. Update Harmony Crew, then try again',
    'other-key': 'it was encrypted with the key of another data folder, which this one does not have',
    damaged: 'it was altered or damaged after it was stored (its encryption check failed)',
  };
  return new AppError(error.problem === 'damaged' ? 'DB_CORRUPT' : 'VALIDATION', `${what} cannot be opened: ${because[error.problem]}.`);
}

/**
 * The blob store's cipher for a data folder: seals with the keyring's data key once the owner exists (before that
 * files are stored as they come and sealed by the migration at the first unlock), opens what is sealed and passes
 * what is still plain through.
 */
export function fileCipherOf(keyring: Keyring): FileCipher {
  return {
    seal(plain) {
      const recipient = keyring.recipient();
      return recipient ? sealBytes(plain, recipient) : plain;
    },
    open(stored, name) {
      if (!isSealed(stored)) return stored;
      try {
        return openBytes(stored, keyring.openingKeys());
      } catch (error) {
        throw sealedFileProblem(error, `The stored file ${name}`);
      }
    },
  };
}
