import { z } from 'zod';

/**
 * Every procedure answers with an envelope, never a thrown error: Electron passes only an error's message
 * across IPC, so errors travel as data (docs/architecture.md#the-typed-api).
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'CANCELLED',
  'UNSUPPORTED',
  'DB_LOCKED',
  'DB_CORRUPT',
  'DB_UNAVAILABLE',
  'FORBIDDEN',
  'DISK_FULL',
  /** The app is busy with other large requests: try again shortly. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

/** Renders zod issues as `field.path: message`, the form a person can act on. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: Issue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
