import { perCore } from '../per-core';
import { DocumentVerifier } from './verifier';

/**
 * One verifier (and so one pool of OCR workers) per core, shared by `documents.verify` and the stored-document
 * procedures. It starts on first use, not with the core, and is shut down with it.
 */
export const verifierOf = perCore(
  () => new DocumentVerifier(),
  (verifier) => verifier.close(),
);
