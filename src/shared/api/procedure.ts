import type { z } from 'zod';

/** One callable of the API: a name in the contract, a zod input and a zod output. */
export interface Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** One line for humans: shown in API listings and error messages. */
  readonly summary: string;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
): Procedure<I, O> {
  return { summary, input, output };
}
