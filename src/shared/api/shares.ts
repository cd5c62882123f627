import { z } from 'zod';
import { shareSchema } from '../sync/shares';
import { procedure } from './procedure';

/** Sharing a candidate with another organisation on the sync server (docs/sync.md#sharing), as a device sees it. */
export const shareOrgSchema = z.object({ id: z.string(), name: z.string() });
export type ShareOrg = z.infer<typeof shareOrgSchema>;

export const candidateShareSchema = shareSchema.extend({
  /** The candidate's name as this computer holds it; null when it holds no such person. */
  personName: z.string().nullable(),
});
export type CandidateShare = z.infer<typeof candidateShareSchema>;

export const sharedInSchema = z.object({
  shareId: z.string(),
  personId: z.string(),
  name: z.string(),
  fromOrgName: z.string(),
  sharedAt: z.string(),
});
export type SharedIn = z.infer<typeof sharedInSchema>;

const id = z.string().trim().min(1, 'Choose a candidate').max(64);

export const shareProcedures = {
  'shares.directory': procedure('The organisations on the sync server a candidate may be shared with (needs the server)', z.object({}), z.array(shareOrgSchema)),
  'shares.list': procedure(
    'Shares this organisation made or received, optionally of one candidate (needs the server)',
    z.object({ personId: id.optional(), includeRevoked: z.boolean().default(false) }),
    z.array(candidateShareSchema),
  ),
  'shares.create': procedure(
    'Share a candidate’s file with another organisation (needs the server)',
    z.object({ personId: id, toOrgId: z.string().trim().min(1, 'Choose an organisation to share with').max(64) }),
    candidateShareSchema,
  ),
  'shares.revoke': procedure('Stop sharing a candidate; the other organisation’s computers remove the file at their next sync', z.object({ id: z.string().trim().min(1).max(64) }), candidateShareSchema),
  'shares.received': procedure('Candidates another organisation shared with this one, as this computer holds them', z.object({}), z.array(sharedInSchema)),
};
