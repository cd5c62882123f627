import type { VerificationReason, VerificationResult } from './documents';

/**
 * The answer for a file that could not be read at all: always review, with the reason in plain words. The
 * verifier and the `harmony verify` command both meet such files. Types only above: the engine imports this
 * module without the rest of the contract.
 */
export function unreadableAssessment(reason: Extract<VerificationReason, 'unreadable' | 'unsupported_type'>, message: string): Omit<VerificationResult, 'file' | 'ms'> {
  return {
    type: 'unknown',
    fields: {},
    mrz: null,
    checks: [{ id: 'file', ok: false, message }],
    status: 'review',
    reasons: [reason],
    confidence: null,
  };
}
