import { z } from 'zod';
import { reportedEventSchema } from './proctoring';

/**
 * The answers file a remote invitation's page produces (docs/questionnaires.md#the-answers-file): the payload as
 * JSON text, and an HMAC-SHA-256 of exactly that text under the invitation's own key. The payload is carried as
 * text so that reformatting the outer file does not break the signature, while any change to the answers does.
 */
export const ANSWERS_FORMAT = 'harmony-crew-answers/1';

export const answersFileSchema = z.object({
  format: z.literal(ANSWERS_FORMAT, { message: `is not a Harmony Crew answers file (format ${ANSWERS_FORMAT})` }),
  payload: z.string().min(2).max(2_000_000),
  /** Lower-case hex. */
  hmac: z.string().regex(/^[0-9a-f]{64}$/, 'is not an HMAC-SHA-256 in hex'),
});

export const answersPayloadSchema = z.object({
  invitationId: z.string().min(1).max(64),
  instrumentId: z.string().min(1).max(100),
  instrumentVersion: z.string().min(1).max(100),
  language: z.string().min(2).max(20),
  startedAt: z.string().max(40),
  finishedAt: z.string().max(40),
  /** In the order they were presented. */
  answers: z.array(z.object({ item: z.string().min(1).max(100), value: z.number(), ms: z.number().int().min(0).max(86_400_000), at: z.string().max(40) })).max(2_000),
  events: z.array(reportedEventSchema.extend({ at: z.string().max(40) })).max(2_000),
});
export type AnswersPayload = z.infer<typeof answersPayloadSchema>;
