import { z } from 'zod';

/**
 * Who made a change and the state of the sending computer's audit log, as they travel with sync
 * (docs/sync.md#who-made-a-change, docs/security.md#the-audit-head-on-the-server). Both ends parse them with the
 * protocol's schemas.
 */

/**
 * The user who made a change on the device that sent it: that computer's account id and user name. Accounts are
 * local to each computer, so the name travels with the id: the receiving computer has no account to look it up in.
 */
export const changeAuthorSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
});
export type ChangeAuthor = z.infer<typeof changeAuthorSchema>;

/** The `user` field of a change or a feed entry: present only when both the id and the name are known. */
export const authorField = (id: string | null, name: string | null): { user?: ChangeAuthor } => (id !== null && name !== null ? { user: { id, name } } : {});

/** The name the server knows the writing device by (its enrolment name), sent with each feed entry. */
export const deviceNameSchema = z.string().min(1).max(200);

/** The last entry of the device's audit log when it pushed: its sequence number and hash. */
export const auditHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'an audit hash is 64 hexadecimal digits');
export const auditHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: auditHashSchema });
export type AuditHead = z.infer<typeof auditHeadSchema>;
