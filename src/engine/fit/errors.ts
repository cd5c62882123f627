import type { Issue } from '../../shared/api/envelope';

/** Bad input to the fit engine (weights, a threshold, a preset); the core turns it into a VALIDATION error. */
export class FitInputError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [{ path: '', message }],
  ) {
    super(message);
    this.name = 'FitInputError';
  }
}
