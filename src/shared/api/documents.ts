import { z } from 'zod';
import { DOCUMENT_TEXT_LIMITS, MAX_RESTRICTION_LENGTH, MAX_RESTRICTIONS, type DocumentTextField } from '../domain/document-limits';
import { isoDateSchema } from './fields';
import { procedure } from './procedure';

/**
 * Document verification (issue 4). The result object is the one `harmony verify --json` prints, so the CLI, the
 * API and phase 2's stored documents share one shape. Dates are ISO `YYYY-MM-DD`.
 */
export const documentTypes = ['passport', 'seamans_book', 'stcw_certificate', 'eng1_medical', 'unknown'] as const;
export const documentTypeSchema = z.enum(documentTypes);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const verificationStatuses = ['verified', 'review', 'rejected'] as const;
export const verificationStatusSchema = z.enum(verificationStatuses);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

/** Why a document is not verified; stable identifiers a screen or a script can branch on. */
export const verificationReasons = [
  'expired',
  'expires_during_tour',
  'mrz_check_digit',
  'mrz_format',
  'name_mismatch',
  'dob_mismatch',
  'medical_restriction',
  'medical_unfit',
  'specimen_or_unknown_state',
  'corrected_by_ocr',
  /** A reviewer changed a check-digit-covered field: only a person's acceptance can verify it. */
  'corrected_by_reviewer',
  'unreadable',
  'unsupported_type',
  'unknown_type',
  'low_confidence',
  'missing_fields',
  'invalid_date',
  'validity_exceeds_rule',
] as const;
export const verificationReasonSchema = z.enum(verificationReasons);
export type VerificationReason = z.infer<typeof verificationReasonSchema>;

/** Sex as travel documents print it (ICAO 9303): X is unspecified. */
export const SEXES = ['M', 'F', 'X'] as const;
export type Sex = (typeof SEXES)[number];

/** What a medical certificate says of fitness for sea service. */
export const FITNESS_LEVELS = ['fit', 'fit_with_restrictions', 'unfit'] as const;
export type Fitness = (typeof FITNESS_LEVELS)[number];

/** A text field of a document, bounded, with the message naming the field in words. */
const documentText = (field: DocumentTextField, words: string) =>
  z
    .string()
    .trim()
    .max(DOCUMENT_TEXT_LIMITS[field], `${words} can be at most ${DOCUMENT_TEXT_LIMITS[field]} characters long`)
    .optional();

export const documentFieldsSchema = z.object({
  surname: documentText('surname', 'A surname'),
  givenNames: documentText('givenNames', 'Given names'),
  dateOfBirth: isoDateSchema.optional(),
  nationality: documentText('nationality', 'A nationality'),
  documentNumber: documentText('documentNumber', 'A document number'),
  issuingState: documentText('issuingState', 'An issuing state'),
  sex: z.enum(SEXES).optional(),
  dateOfIssue: isoDateSchema.optional(),
  expiryDate: isoDateSchema.optional(),
  certificateNumber: documentText('certificateNumber', 'A certificate number'),
  certificateType: documentText('certificateType', 'A certificate name'),
  stcwReference: documentText('stcwReference', 'An STCW reference'),
  fitness: z.enum(FITNESS_LEVELS).optional(),
  restrictions: z
    .array(z.string().trim().max(MAX_RESTRICTION_LENGTH, `A restriction can be at most ${MAX_RESTRICTION_LENGTH} characters long`))
    .max(MAX_RESTRICTIONS, `At most ${MAX_RESTRICTIONS} restrictions`)
    .optional(),
});
export type DocumentFields = z.infer<typeof documentFieldsSchema>;

export const checkResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  message: z.string(),
  /** On a failed check that proves the document invalid (expired, unfit, a specimen): no reviewer can accept it. */
  rejects: z.boolean().optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const verificationResultSchema = z.object({
  file: z.string(),
  type: documentTypeSchema,
  fields: documentFieldsSchema,
  mrz: z.array(z.string()).nullable(),
  checks: z.array(checkResultSchema),
  status: verificationStatusSchema,
  reasons: z.array(verificationReasonSchema),
  /**
   * OCR's own confidence, 0–1, in what the verdict rests on (the MRZ when OCR read it, else the page text); null
   * where no OCR produced it (a file that could not be read, an MRZ read from its printed shapes, a sample record)
   * and beside a failed check, where it would read as reassurance.
   */
  confidence: z.number().min(0).max(1).nullable(),
  ms: z.number().nonnegative(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

export const personIdentitySchema = z.object({
  surname: z.string().trim().min(1, 'surname is required').max(DOCUMENT_TEXT_LIMITS.surname, `A surname can be at most ${DOCUMENT_TEXT_LIMITS.surname} characters long`),
  givenNames: z.string().trim().max(DOCUMENT_TEXT_LIMITS.givenNames, `Given names can be at most ${DOCUMENT_TEXT_LIMITS.givenNames} characters long`).default(''),
  dateOfBirth: isoDateSchema,
});
export type PersonIdentity = z.infer<typeof personIdentitySchema>;

export const plannedTourSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((tour) => tour.start <= tour.end, { message: 'the tour must end on or after its start', path: ['end'] });
export type PlannedTour = z.infer<typeof plannedTourSchema>;

/**
 * 40 MiB of file: a phone photo is a few MB. Base64 makes it ~53 MiB of JSON, inside the HTTP transport's
 * 64 MiB request limit (src/core/transports/http.ts), so both transports accept the same files.
 */
export const MAX_DOCUMENT_BYTES = 40 * 1024 * 1024;

export const documentProcedures = {
  'documents.verify': procedure(
    'Read a passport, seaman’s book, STCW certificate or ENG1 medical offline and check it (runs as a task)',
    z.object({
      fileName: z.string().min(1).max(500),
      /** The file's bytes, base64-encoded (the transports carry JSON). */
      contentBase64: z
        .string()
        .max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4, `the file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      person: personIdentitySchema.optional(),
      asOf: isoDateSchema.optional(),
      plannedTour: plannedTourSchema.optional(),
    }),
    verificationResultSchema,
  ),
};
