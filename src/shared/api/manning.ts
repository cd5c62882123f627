import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';
import { MANNING_HORIZON_DAYS } from '../domain/manning';
import { procedure } from './procedure';
import { idSchema, isoDateSchema, optionalIsoDateSchema } from './fields';

const rangeInput = {
  vesselId: idSchema,
  /** First day; today by default. */
  from: isoDateSchema.optional(),
  days: z.number().int().min(1, 'At least 1 day').max(366, 'At most 366 days').default(MANNING_HORIZON_DAYS),
};

const dateRunSchema = z.object({ from: z.string(), to: z.string() });

/** A must-be-aboard duty (a title, or the watchkeeping officers together) with nobody aboard on some days. */
export const dutyGapSchema = z.object({
  duty: z.string(),
  /** "Captain", "Watchkeeping officer", or the position's title. */
  label: z.string(),
  positionIds: z.array(z.string()),
  days: z.number().int().nonnegative(),
  runs: z.array(dateRunSchema),
});
export type DutyGap = z.infer<typeof dutyGapSchema>;

/** A day of a person's strip: aboard, or on rotation leave. */
export const MANNING_PHASES = ['aboard', 'leave'] as const;
export type ManningPhase = (typeof MANNING_PHASES)[number];

export const manningCrewSchema = z.object({
  assignmentId: z.string(),
  personId: z.string(),
  name: z.string(),
  positionId: z.string(),
  positionTitle: z.string(),
  department: z.enum(DEPARTMENTS),
  mustBeAboard: z.boolean(),
  rotation: z.string().nullable(),
  rotationRestart: z.string().nullable(),
  /** Per day of the range: aboard, on leave, or null when not assigned that day. */
  phases: z.array(z.enum(MANNING_PHASES).nullable()),
});
export type ManningCrew = z.infer<typeof manningCrewSchema>;

export const staggerChangeSchema = z.object({
  assignmentId: z.string(),
  personId: z.string(),
  name: z.string(),
  positionTitle: z.string(),
  department: z.enum(DEPARTMENTS),
  rotation: z.string(),
  /** The restart the assignment has now (null: none) and the one proposed. */
  currentRestart: z.string().nullable(),
  restart: z.string(),
});
export type StaggerChange = z.infer<typeof staggerChangeSchema>;

export const manningProcedures = {
  'vessels.manning': procedure(
    "Who is aboard a vessel on each day of a range (90 days from today by default), by department, and the days a must-be-aboard position has nobody aboard",
    z.object(rangeInput),
    z.object({
      vesselId: z.string(),
      from: z.string(),
      to: z.string(),
      aboard: z.record(z.enum(DEPARTMENTS), z.array(z.number().int().nonnegative())),
      crew: z.array(manningCrewSchema),
      gaps: z.array(dutyGapSchema),
    }),
  ),
  'vessels.proposeStagger': procedure(
    'New rotation start days that cover must-be-aboard positions and spread leave; nothing is changed until applied',
    z.object(rangeInput),
    z.object({ from: z.string(), to: z.string(), changes: z.array(staggerChangeSchema), before: z.array(dutyGapSchema), after: z.array(dutyGapSchema) }),
  ),
  'vessels.applyStagger': procedure(
    'Set the rotation restarts of a proposal (or put the previous ones back, to undo), all or none',
    z.object({
      vesselId: idSchema,
      changes: z
        .array(z.object({ assignmentId: idSchema, from: optionalIsoDateSchema, to: optionalIsoDateSchema }))
        .min(1, 'Nothing to change')
        .max(500, 'At most 500 changes at once'),
    }),
    z.object({ changed: z.number().int().nonnegative() }),
  ),
};
