import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';
import { procedure } from './procedure';
import { byIdSchema, idSchema, isoDateSchema, optionalIsoDateSchema, recordStamps, rotationSchema } from './fields';

/** How an assignment shows in lists (a vessel's crew, a person's placement and history). */
export const assignedPositionFields = {
  assignmentId: z.string(),
  positionId: z.string(),
  positionTitle: z.string(),
  department: z.enum(DEPARTMENTS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  rotation: z.string().nullable(),
  /** A day a new "on" period starts (a staggered rotation, docs/manning.md); null when the cycle runs from the start. */
  rotationRestart: z.string().nullable(),
};

const datesInOrder = <T extends { startDate: string; endDate?: string | null; rotation?: string | null; rotationRestart?: string | null }>(value: T, ctx: z.RefinementCtx) => {
  if (value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date is before the start date' });
  }
  if (!value.rotationRestart) return;
  if (value.rotation === null) ctx.addIssue({ code: 'custom', path: ['rotationRestart'], message: 'Only a rotation can restart: give the rotation, or clear the restart' });
  else if (value.rotationRestart < value.startDate) ctx.addIssue({ code: 'custom', path: ['rotationRestart'], message: 'The rotation cannot restart before the assignment starts' });
  else if (value.endDate && value.rotationRestart > value.endDate) ctx.addIssue({ code: 'custom', path: ['rotationRestart'], message: 'The rotation cannot restart after the assignment ends' });
};

const assignmentFields = {
  startDate: isoDateSchema,
  endDate: optionalIsoDateSchema,
};

export const assignmentInputSchema = z
  .object({
    personId: idSchema,
    positionId: idSchema,
    ...assignmentFields,
    /** Left out: the position's rotation. Null: no rotation. */
    rotation: rotationSchema.optional(),
  })
  .superRefine(datesInOrder);
export type AssignmentInput = z.input<typeof assignmentInputSchema>;

export const assignmentUpdateSchema = z
  .object({
    id: idSchema,
    ...assignmentFields,
    rotation: rotationSchema,
    /** Left out: unchanged. Blank or null: the cycle runs from the start date again. */
    rotationRestart: optionalIsoDateSchema.optional(),
  })
  .superRefine(datesInOrder);

export const assignmentSchema = z.object({
  ...recordStamps,
  personId: z.string(),
  positionId: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  rotation: z.string().nullable(),
  rotationRestart: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentProcedures = {
  'assignments.create': procedure(
    'Assign a person to a vessel position (refused with CONFLICT if it overlaps another of their assignments)',
    assignmentInputSchema,
    assignmentSchema,
  ),
  'assignments.update': procedure('Change the dates or rotation of an assignment (e.g. end it)', assignmentUpdateSchema, assignmentSchema),
  'assignments.archive': procedure('Archive an assignment (it can be restored)', byIdSchema, assignmentSchema),
  'assignments.restore': procedure('Restore an archived assignment', byIdSchema, assignmentSchema),
};
