import type { z } from 'zod';
import { refusalDetailsSchema } from '../../../shared/api';

/** What every form that sets a password says about it: length is what counts (no composition rules). */
export const PASSWORD_GUIDANCE = 'At least 10 characters. Length makes a password strong: a few unrelated words are easy to remember and hard to guess.';

/** A new password typed twice: `repeatPassword` must be the same as the field named. */
export function sameAs<K extends string>(field: K) {
  return (values: Record<K | 'repeatPassword', string>, context: z.RefinementCtx): void => {
    if (values[field] !== values.repeatPassword) context.addIssue({ code: 'custom', path: ['repeatPassword'], message: 'The two passwords are not the same' });
  };
}

/** When a throttled sign-in may be tried again, if the core said (`details.retryAt`, an ISO time). */
export function retryAtOf(details: unknown): Date | null {
  const parsed = refusalDetailsSchema.safeParse(details);
  if (!parsed.success || parsed.data.retryAt === undefined) return null;
  const at = new Date(parsed.data.retryAt);
  return Number.isNaN(at.getTime()) ? null : at;
}
