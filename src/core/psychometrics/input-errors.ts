import { asInputError, PsychometricsInputError } from '../../engine/psychometrics';
import { AppError } from '../api/errors';

/** Bad input found by the engine or the file reader becomes a VALIDATION error whose issues name the row, column or field. */
export function asAppError(error: unknown): unknown {
  const input = asInputError(error);
  if (input instanceof PsychometricsInputError) return new AppError('VALIDATION', input.message, { issues: input.issues });
  return input;
}
