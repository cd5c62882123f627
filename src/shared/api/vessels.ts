import { z } from 'zod';
import { DEPARTMENTS, EMPLOYMENT_KINDS, ROTATION_PHASES, VESSEL_KINDS, VESSEL_USES, departmentOfTitle, type Department } from '../domain/crew';
import { isValidImoNumber, normaliseImoNumber } from '../domain/imo';
import { assignedPositionFields } from './assignments';
import { procedure } from './procedure';
import {
  archivedFilterSchema,
  byIdSchema,
  countryCodeSchema,
  csvDownloadSchema,
  idSchema,
  isoDateSchema,
  optionalText,
  recordStamps,
  requiredText,
  rotationSchema,
} from './fields';
import { domainWords, positionOf } from '../words/domain';

const vesselFields = {
  name: requiredText(100, 'Enter the vessel name'),
  kind: z.enum(VESSEL_KINDS, { message: 'Choose motor or sail' }),
  lengthM: z.number({ message: 'Enter the length in metres as a number, e.g. 48.5' }).positive('The length must be more than 0 m').max(200, 'At most 200 m'),
  grossTonnage: z.number({ message: 'Enter the gross tonnage as a number, e.g. 499 or 1250 (no thousands separator)' }).nonnegative('Cannot be negative').max(50_000, 'At most 50,000 GT').nullish().transform((v) => v ?? null),
  flag: countryCodeSchema,
  imoNumber: optionalText(20)
    .refine((v) => v === null || isValidImoNumber(v), { message: 'Not a valid IMO number (7 digits; the last is a check digit)' })
    .transform((v) => (v === null ? null : normaliseImoNumber(v))),
  officialNumber: optionalText(40),
  homePort: optionalText(100),
  use: z.enum(VESSEL_USES, { message: 'Choose private, charter or both' }),
  /** The cruising areas of its itinerary (ids of the areas list the app ships), for the right to work. */
  cruisingAreas: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'Not a cruising area')).max(20, 'At most 20 areas').default([]),
};

const requireIdentifier = <T extends { imoNumber: string | null; officialNumber: string | null }>(value: T, ctx: z.RefinementCtx) => {
  if (value.imoNumber === null && value.officialNumber === null) {
    ctx.addIssue({ code: 'custom', path: ['imoNumber'], message: 'Give the IMO number or the official number' });
  }
};

export const vesselInputSchema = z.object(vesselFields).superRefine(requireIdentifier);
export type VesselInput = z.input<typeof vesselInputSchema>;
export const vesselUpdateSchema = z.object({ id: idSchema, ...vesselFields }).superRefine(requireIdentifier);

export const vesselSchema = z.object({
  ...recordStamps,
  name: z.string(),
  kind: z.enum(VESSEL_KINDS),
  lengthM: z.number(),
  grossTonnage: z.number().nullable(),
  flag: z.string(),
  imoNumber: z.string().nullable(),
  officialNumber: z.string().nullable(),
  homePort: z.string().nullable(),
  use: z.enum(VESSEL_USES),
  cruisingAreas: z.array(z.string()),
});
export type Vessel = z.infer<typeof vesselSchema>;

export const vesselSummarySchema = vesselSchema.extend({
  positions: z.number().int(),
  headcount: z.number().int(),
  currentCrew: z.number().int(),
  vacancies: z.number().int(),
});
export type VesselSummary = z.infer<typeof vesselSummarySchema>;

const positionFields = {
  department: z.enum(DEPARTMENTS, { message: 'Choose a department' }),
  title: requiredText(60, 'Enter a title (e.g. Chief Stew, or Deck/Stew for a dual role)'),
  headcount: z.number({ message: 'Enter how many people' }).int('A whole number').min(1, 'At least 1').max(99, 'At most 99'),
  rotation: rotationSchema,
  employmentKind: z.enum(EMPLOYMENT_KINDS, { message: 'Choose an employment kind' }),
  /** Left out: on for a captain, chief engineer or officer of the watch when created, unchanged when updated. */
  mustBeAboard: z.boolean().optional(),
};

/** A known title belongs to one department: "Chief Engineer" under Interior is a slip, not a custom role. */
const titleInDepartment = <T extends { department: Department; title: string }>(value: T, ctx: z.RefinementCtx) => {
  const belongs = departmentOfTitle(value.title);
  if (belongs !== null && belongs !== value.department) {
    ctx.addIssue({
      code: 'custom',
      path: ['department'],
      message: `${value.title.trim()} is ${positionOf(belongs)}: choose ${domainWords.departments[belongs]}, or give a title of your own`,
    });
  }
};

export const positionInputSchema = z.object({ vesselId: idSchema, ...positionFields }).superRefine(titleInDepartment);
export type PositionInput = z.input<typeof positionInputSchema>;
export const positionUpdateSchema = z.object({ id: idSchema, ...positionFields }).superRefine(titleInDepartment);

export const positionSchema = z.object({
  ...recordStamps,
  vesselId: z.string(),
  department: z.enum(DEPARTMENTS),
  title: z.string(),
  headcount: z.number().int(),
  rotation: z.string().nullable(),
  employmentKind: z.enum(EMPLOYMENT_KINDS),
  mustBeAboard: z.boolean(),
});
export type Position = z.infer<typeof positionSchema>;

/** A person in (or joining, or who left) a vessel position, as the vessel view lists them. */
export const crewMemberSchema = z.object({
  ...assignedPositionFields,
  personId: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  nationalities: z.array(z.string()),
  /** Onboard or on leave by rotation (current crew), null for planned joiners and past crew. */
  phase: z.enum(ROTATION_PHASES).nullable(),
});
export type CrewMember = z.infer<typeof crewMemberSchema>;

export const positionStaffingSchema = positionSchema.extend({
  current: z.number().int(),
  planned: z.number().int(),
  vacancies: z.number().int(),
});
export type PositionStaffing = z.infer<typeof positionStaffingSchema>;

const asOf = { asOf: isoDateSchema.optional() };

export const vesselProcedures = {
  'vessels.list': procedure(
    'Vessels with their headcount, current crew and vacancies',
    z.object({ archived: archivedFilterSchema, ...asOf }).default({ archived: 'exclude' }),
    z.array(vesselSummarySchema),
  ),
  'vessels.get': procedure(
    'One vessel: positions with vacancies, current crew, planned joiners and past crew on a date (today by default)',
    z.object({ id: idSchema, ...asOf }),
    z.object({
      vessel: vesselSchema,
      asOf: z.string(),
      positions: z.array(positionStaffingSchema),
      currentCrew: z.array(crewMemberSchema),
      plannedJoiners: z.array(crewMemberSchema),
      pastCrew: z.array(crewMemberSchema),
    }),
  ),
  'vessels.create': procedure('Add a vessel', vesselInputSchema, vesselSchema),
  'vessels.update': procedure('Change a vessel', vesselUpdateSchema, vesselSchema),
  'vessels.archive': procedure('Archive a vessel (it can be restored)', byIdSchema, vesselSchema),
  'vessels.restore': procedure('Restore an archived vessel', byIdSchema, vesselSchema),
  'vessels.exportCrew': procedure(
    "A vessel's crew list (current crew and planned joiners) as CSV",
    z.object({ id: idSchema, ...asOf }),
    csvDownloadSchema,
  ),
  'positions.create': procedure('Add a position to a vessel', positionInputSchema, positionSchema),
  'positions.update': procedure('Change a position', positionUpdateSchema, positionSchema),
  'positions.archive': procedure('Archive a position (it can be restored)', byIdSchema, positionSchema),
  'positions.restore': procedure('Restore an archived position', byIdSchema, positionSchema),
};
