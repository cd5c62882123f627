import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';
import { CERTIFICATE_KINDS } from '../domain/certificates';
import { VISA_KINDS } from '../fit/model';
import { APPLICATION_STAGES, REQUISITION_STATUSES } from '../recruitment/pipeline';
import { byIdSchema, idSchema, isoDateSchema, optionalIsoDateSchema, optionalText, recordStamps, requiredText, rotationSchema } from './fields';
import { procedure } from './procedure';

/**
 * Requisitions, applications and hiring (issue 16; docs/recruitment.md). Moves between states are checked in the
 * core against the tables of src/shared/recruitment/pipeline.ts.
 */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const salarySchema = z
  .number({ message: 'Enter the salary as a whole number' })
  .int('Whole units of the currency')
  .min(0, 'Cannot be negative')
  .max(10_000_000, 'At most 10,000,000')
  .nullish()
  .transform((v) => v ?? null);

export const requirementsSchema = z.object({
  certificates: z.array(z.enum(CERTIFICATE_KINDS)).max(40).default([]),
  minYearsAtSea: z.number().min(0, 'Cannot be negative').max(50, 'At most 50 years').nullish().transform((v) => v ?? null),
  languages: z.array(requiredText(40, 'A language cannot be blank')).max(20).default([]),
  visas: z.array(z.enum(VISA_KINDS)).max(10).default([]),
});
export type Requirements = z.output<typeof requirementsSchema>;

const requisitionFields = {
  title: requiredText(100, 'Enter the title of the job'),
  startDate: isoDateSchema,
  rotation: rotationSchema,
  salaryMin: salarySchema,
  salaryMax: salarySchema,
  currency: optionalText(3)
    .transform((v) => v?.toUpperCase() ?? null)
    .refine((v) => v === null || KNOWN_CURRENCIES.has(v), { message: 'Choose a currency by its three-letter code (EUR, USD, GBP…)' }),
  places: z.number({ message: 'Enter the number of places' }).int('Whole places').min(1, 'At least one place').max(50, 'At most 50 places').default(1),
  requirements: requirementsSchema,
};

/** A salary range needs its currency, and its minimum may not exceed its maximum. */
function checkSalary(v: { salaryMin: number | null; salaryMax: number | null; currency: string | null }, ctx: z.RefinementCtx): void {
  if (v.salaryMin !== null && v.salaryMax !== null && v.salaryMin > v.salaryMax) {
    ctx.addIssue({ code: 'custom', path: ['salaryMin'], message: `The minimum salary (${v.salaryMin}) is above the maximum (${v.salaryMax})` });
  }
  if ((v.salaryMin !== null || v.salaryMax !== null) && v.currency === null) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'Give the currency of the salary' });
}

export const requisitionInputSchema = z.object({ positionId: idSchema, ...requisitionFields }).superRefine(checkSalary);
export const requisitionUpdateSchema = z.object({ id: idSchema, ...requisitionFields }).superRefine(checkSalary);

const stageCountsSchema = z.object(Object.fromEntries(APPLICATION_STAGES.map((s) => [s, z.number().int()])) as Record<(typeof APPLICATION_STAGES)[number], z.ZodNumber>);

export const requisitionSchema = z.object({
  ...recordStamps,
  positionId: z.string(),
  vesselId: z.string(),
  vessel: z.string(),
  title: z.string(),
  department: z.enum(DEPARTMENTS),
  startDate: z.string(),
  rotation: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  currency: z.string().nullable(),
  places: z.number().int(),
  requirements: z.object({ certificates: z.array(z.string()), minYearsAtSea: z.number().nullable(), languages: z.array(z.string()), visas: z.array(z.string()) }),
  status: z.enum(REQUISITION_STATUSES),
  openedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdBy: z.string(),
  /** Figures: candidates per stage, hires made, days open so far (or until it ended), days from opening to filled. */
  stages: stageCountsSchema,
  placed: z.number().int(),
  daysOpen: z.number().int().nullable(),
  daysToFill: z.number().int().nullable(),
});
export type Requisition = z.infer<typeof requisitionSchema>;

export const recruitmentFiguresSchema = z.object({
  requisitions: z.object(Object.fromEntries(REQUISITION_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof REQUISITION_STATUSES)[number], z.ZodNumber>),
  hires: z.number().int(),
  /** Days from an application's creation to its placement: median and mean over every hire. */
  timeToHire: z.object({ median: z.number().nullable(), mean: z.number().nullable() }),
  timeToFill: z.object({ median: z.number().nullable(), mean: z.number().nullable() }),
  sourceOfHires: z.array(z.object({ source: z.string(), hires: z.number().int(), applications: z.number().int() })),
});

const sourceSchema = requiredText(60, 'Say where the candidate came from (agency, referral, direct…)');

export const applicationSchema = z.object({
  ...recordStamps,
  requisitionId: z.string(),
  requisitionTitle: z.string(),
  vesselId: z.string(),
  vessel: z.string(),
  personId: z.string(),
  personName: z.string(),
  stage: z.enum(APPLICATION_STAGES),
  source: z.string(),
  agency: z.string().nullable(),
  exitReason: z.string().nullable(),
  offerStartDate: z.string().nullable(),
  offerRotation: z.string().nullable(),
  offerSalary: z.number().nullable(),
  assignmentId: z.string().nullable(),
  stageChangedAt: z.string(),
  placedAt: z.string().nullable(),
  /** The first submission of this candidate to this vessel, by whoever made it (maybe another application). */
  firstSubmission: z.object({ applicationId: z.string(), agency: z.string().nullable(), submittedAt: z.string(), submittedBy: z.string() }).nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationMoveSchema = z.object({
  id: z.string(),
  fromStage: z.enum(APPLICATION_STAGES).nullable(),
  toStage: z.enum(APPLICATION_STAGES),
  reason: z.string().nullable(),
  movedBy: z.string(),
  createdAt: z.string(),
});

const offerSchema = z.object({ startDate: isoDateSchema, rotation: rotationSchema, salary: salarySchema });

export const requisitionProcedures = {
  'requisitions.list': procedure(
    'Requisitions with their figures (candidates per stage, days open, time to fill), open ones first',
    z.object({ status: z.enum(REQUISITION_STATUSES).optional() }),
    z.array(requisitionSchema),
  ),
  'requisitions.get': procedure('One requisition with its figures', byIdSchema, requisitionSchema),
  'requisitions.defaults': procedure(
    "A new requisition's fields taken from a position: title, department, rotation, required certificates, visas for the itinerary",
    z.object({ positionId: idSchema }),
    z.object({ positionId: z.string(), title: z.string(), department: z.enum(DEPARTMENTS), rotation: z.string().nullable(), places: z.number().int(), requirements: requirementsSchema }),
  ),
  'requisitions.create': procedure('Open a requisition (as a draft) for a vessel position', requisitionInputSchema, requisitionSchema),
  'requisitions.update': procedure('Change a requisition that is not finished', requisitionUpdateSchema, requisitionSchema),
  'requisitions.move': procedure(
    'Move a requisition to another status (draft → open → paused → filled / closed / cancelled; only valid moves)',
    z.object({ id: idSchema, status: z.enum(REQUISITION_STATUSES) }),
    requisitionSchema,
  ),
  'requisitions.figures': procedure('Figures across requisitions: how many in each status, time to hire, time to fill, source of hires', z.object({}), recruitmentFiguresSchema),
  'applications.list': procedure(
    'Applications of a requisition or a candidate (or all), with the first submission of each candidate to the vessel',
    z.object({ requisitionId: idSchema.optional(), personId: idSchema.optional() }),
    z.array(applicationSchema),
  ),
  'applications.create': procedure(
    'Put a candidate on a requisition (they start as sourced)',
    z.object({ requisitionId: idSchema, personId: idSchema, source: sourceSchema, agency: optionalText(100) }),
    applicationSchema,
  ),
  'applications.move': procedure(
    'Move an application to another stage (forward, or out as rejected / withdrawn with a reason; offered needs the start date)',
    z.object({ id: idSchema, stage: z.enum(APPLICATION_STAGES), reason: optionalText(500), offer: offerSchema.optional() }),
    applicationSchema,
  ),
  'applications.history': procedure('Every stage change of an application, oldest first', byIdSchema, z.array(applicationMoveSchema)),
  'applications.hire': procedure(
    'Hire an offered candidate: creates their assignment on the position from the offer and fills the requisition when its places are taken',
    z.object({ id: idSchema, startDate: optionalIsoDateSchema.optional() }),
    z.object({ application: applicationSchema, assignmentId: z.string(), requisition: requisitionSchema }),
  ),
};
