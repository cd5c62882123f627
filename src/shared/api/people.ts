import { z } from 'zod';
import { ASSIGNMENT_STATES, DEPARTMENTS, PERSON_STATUSES, ROTATION_PHASES } from '../domain/crew';
import { isIsoDate } from '../domain/dates';
import { assignedPositionFields } from './assignments';
import { procedure } from './procedure';
import {
  archivedFilterSchema,
  byIdSchema,
  countryCodeSchema,
  csvDownloadSchema,
  csvFileSchema,
  idSchema,
  isoDateSchema,
  optionalText,
  recordStamps,
  requiredText,
} from './fields';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Born after 1900 and not in the future (the check runs against the caller's today). */
const dateOfBirthSchema = isoDateSchema
  .refine((value) => !isIsoDate(value) || value >= '1900-01-01', { message: 'The date of birth is before 1900' })
  .refine((value) => !isIsoDate(value) || value <= new Date().toISOString().slice(0, 10), { message: 'The date of birth is in the future' });

const emailFormat = z.email();

const personFields = {
  givenNames: requiredText(100, 'Enter the given names'),
  surname: requiredText(100, 'Enter the surname'),
  dateOfBirth: dateOfBirthSchema,
  nationalities: z.array(countryCodeSchema).max(5, 'At most 5 nationalities').default([]),
  languages: z.array(requiredText(40, 'A language cannot be blank')).max(20, 'At most 20 languages').default([]),
  email: optionalText(200)
    .refine((v) => v === null || emailFormat.safeParse(v).success, { message: 'Not a valid e-mail address' })
    .transform((v) => v?.toLowerCase() ?? null),
  phone: optionalText(40),
  emergencyContactName: optionalText(100),
  emergencyContactPhone: optionalText(40),
  emergencyContactRelation: optionalText(40),
  /** Days of notice they must give to leave a post; blank = not on record (candidate fit assumes a default). */
  noticeDays: z
    .number({ message: 'Enter the notice period in days' })
    .int('Whole days')
    .min(0, 'Cannot be negative')
    .max(365, 'At most 365 days')
    .nullish()
    .transform((v) => v ?? null),
};

export const personInputSchema = z.object(personFields);
export type PersonInput = z.input<typeof personInputSchema>;
export type ParsedPersonInput = z.output<typeof personInputSchema>;
export const personUpdateSchema = z.object({ id: idSchema, ...personFields });

export const personStatusSchema = z.enum(PERSON_STATUSES);
/** The crew list filters live records: every status but archived (the archived filter says which). */
export const listStatusSchema = personStatusSchema.exclude(['archived']);
export type ListStatus = z.infer<typeof listStatusSchema>;

/** Where a person is assigned now, or next (for someone joining). */
export const placementSchema = z.object({
  ...assignedPositionFields,
  vesselId: z.string(),
  vesselName: z.string(),
});
export type Placement = z.infer<typeof placementSchema>;

export const personSchema = z.object({
  ...recordStamps,
  givenNames: z.string(),
  surname: z.string(),
  dateOfBirth: z.string(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  emergencyContactRelation: z.string().nullable(),
  photoHash: z.string().nullable(),
  noticeDays: z.number().int().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const crewListRowSchema = personSchema
  .pick({ id: true, givenNames: true, surname: true, dateOfBirth: true, nationalities: true, email: true, archivedAt: true })
  .extend({ status: personStatusSchema, placement: placementSchema.nullable() });
export type CrewListRow = z.infer<typeof crewListRowSchema>;

/** Columns the crew list sorts by (name, then id, breaks ties). */
export const CREW_LIST_SORTS = ['name', 'position', 'status', 'nationality', 'email'] as const;
export type CrewListSort = (typeof CREW_LIST_SORTS)[number];

export const crewListInputSchema = z.object({
  /** Words matched as prefixes of the names or e-mail, in any order ("smi jo" finds Joanna Smith). */
  search: z.string().max(200).default(''),
  vesselId: idSchema.optional(),
  department: z.enum(DEPARTMENTS).optional(),
  /** Matches titles that start with it, ignoring case. */
  positionTitle: z.string().trim().min(1).max(60).optional(),
  status: listStatusSchema.optional(),
  archived: archivedFilterSchema,
  asOf: isoDateSchema.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: z.enum(CREW_LIST_SORTS).default('name'),
  descending: z.boolean().default(false),
});
export type CrewListInput = z.input<typeof crewListInputSchema>;

export const assignmentStateSchema = z.enum(ASSIGNMENT_STATES);

export const assignmentHistoryItemSchema = placementSchema.extend({
  state: assignmentStateSchema,
  phase: z.enum(ROTATION_PHASES).nullable(),
  archivedAt: z.string().nullable(),
});
export type AssignmentHistoryItem = z.infer<typeof assignmentHistoryItemSchema>;

/** One problem found in an imported file: the line (1 is the header), the column (if one) and what is wrong. */
export const importProblemSchema = z.object({ line: z.number().int().nullable(), column: z.string().nullable(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importReportSchema = z.object({
  /** File-level problems (encoding, headers, empty file): when present, nothing can be imported. */
  fileProblems: z.array(importProblemSchema),
  rows: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  rowProblems: z.array(importProblemSchema),
  /** Rows that will be stored but deserve a look (a person under 16: most often a slip in the date of birth). */
  rowWarnings: z.array(importProblemSchema),
  /** The first valid rows, as they will be stored. */
  preview: z.array(z.object({ line: z.number().int(), givenNames: z.string(), surname: z.string(), dateOfBirth: z.string(), nationalities: z.array(z.string()), email: z.string().nullable() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const peopleProcedures = {
  'people.list': procedure(
    'The crew list: people filtered by name, vessel, department, position and status, a page at a time with the total',
    crewListInputSchema,
    z.object({ total: z.number().int().nonnegative(), offset: z.number().int(), rows: z.array(crewListRowSchema), asOf: z.string() }),
  ),
  'people.get': procedure(
    'One person with their status and assignment history',
    z.object({ id: idSchema, asOf: isoDateSchema.optional() }),
    z.object({ person: personSchema, status: personStatusSchema, placement: placementSchema.nullable(), assignments: z.array(assignmentHistoryItemSchema), asOf: z.string() }),
  ),
  'people.create': procedure('Add a person', personInputSchema, personSchema),
  'people.update': procedure('Change a person', personUpdateSchema, personSchema),
  'people.archive': procedure('Archive a person (they can be restored)', byIdSchema, personSchema),
  'people.restore': procedure('Restore an archived person', byIdSchema, personSchema),
  'people.setPhoto': procedure(
    "Set a person's photo (JPEG, PNG or WebP; resized and stored by content hash), or remove it with null",
    z.object({ id: idSchema, contentBase64: z.string().max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, 'The photo is too large (at most 10 MB)').nullable() }),
    personSchema,
  ),
  'people.photo': procedure(
    "A person's photo as a data URL (null when there is none)",
    byIdSchema,
    z.object({ dataUrl: z.string().nullable() }),
  ),
  'people.importPreview': procedure('Check a CSV of people without storing anything: a per-row report', csvFileSchema, importReportSchema),
  'people.import': procedure(
    'Import the valid rows of a CSV of people in one transaction (a task: progress, cancellable); invalid rows are reported and skipped',
    csvFileSchema,
    z.object({ imported: z.number().int().nonnegative(), skipped: z.number().int().nonnegative(), report: importReportSchema }),
  ),
  'people.exportCsv': procedure(
    'People as CSV, in the columns the import reads',
    z.object({ archived: archivedFilterSchema }).default({ archived: 'exclude' }),
    csvDownloadSchema,
  ),
};
