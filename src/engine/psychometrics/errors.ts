import type { Issue } from '../../shared/api/envelope';

/**
 * Bad input (a file, a definition, a response out of range). `issues` name the place (`row 5, column i23`,
 * `items.3.keyed`) so a person can fix it; the core turns this into a VALIDATION error.
 */
export class PsychometricsInputError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [{ path: '', message }],
  ) {
    super(message);
    this.name = 'PsychometricsInputError';
  }
}

/** At most this many issues are listed in a message; the rest are counted. */
const LISTED_ISSUES = 8;

export function inputError(what: string, issues: Issue[]): PsychometricsInputError {
  const listed = issues.slice(0, LISTED_ISSUES).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > LISTED_ISSUES ? `; and ${issues.length - LISTED_ISSUES} more` : '';
  return new PsychometricsInputError(`${what}: ${listed.join('; ')}${more}`, issues);
}
