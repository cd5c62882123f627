import { z } from 'zod';
import { LANGUAGE_LEVELS } from '../recruitment/pipeline';
import { byIdSchema, idSchema, optionalText, requiredText } from './fields';
import { personSchema } from './people';
import { procedure } from './procedure';

/** Candidates as people: duplicates and merging, the facts of a yacht CV, the CV itself (issue 16; docs/recruitment.md). */
export const duplicateSchema = z.object({
  personId: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  otherId: z.string(),
  otherName: z.string(),
  otherDateOfBirth: z.string(),
  /** Why they look like one person, in words: "same passport number 123456789". */
  reasons: z.array(z.string()),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

export const cvReferenceSchema = z.object({
  name: requiredText(100, 'Enter the referee’s name'),
  role: requiredText(100, 'Enter the referee’s role (Captain, Chief Stew…)'),
  vessel: optionalText(100),
  contact: optionalText(200),
});

export const candidateProfileInputSchema = z.object({
  personId: idSchema,
  languageLevels: z.record(requiredText(40, 'A language cannot be blank'), z.enum(LANGUAGE_LEVELS)).default({}),
  smoker: z.boolean().nullable().default(null),
  visibleTattoos: z.boolean().nullable().default(null),
  drivingLicence: optionalText(100),
  summary: optionalText(1500),
  references: z.array(cvReferenceSchema).max(8, 'At most 8 references').default([]),
});

export const candidateProfileSchema = z.object({
  personId: z.string(),
  languageLevels: z.record(z.string(), z.enum(LANGUAGE_LEVELS)),
  smoker: z.boolean().nullable(),
  visibleTattoos: z.boolean().nullable(),
  drivingLicence: z.string().nullable(),
  summary: z.string().nullable(),
  references: z.array(z.object({ name: z.string(), role: z.string(), vessel: z.string().nullable(), contact: z.string().nullable() })),
});

const cvInputSchema = z.object({ personId: idSchema, contacts: z.boolean().default(true) });

export const candidateProcedures = {
  'people.duplicates': procedure(
    'People who look like the same person (same name and date of birth, same e-mail, same passport number read from a document); one person’s or everyone’s',
    z.object({ personId: idSchema.optional() }),
    z.array(duplicateSchema),
  ),
  'people.merge': procedure(
    'Merge two records of one person: every record of the second (assignments, documents, results, applications…) moves to the first, and the second is archived',
    z.object({ keepId: idSchema, mergeId: idSchema }),
    z.object({ person: personSchema, moved: z.record(z.string(), z.number().int()) }),
  ),
  'candidates.profile': procedure('The facts of a person’s yacht CV beyond the crew record', byIdSchema, candidateProfileSchema),
  'candidates.saveProfile': procedure('Save the facts of a person’s yacht CV', candidateProfileInputSchema, candidateProfileSchema),
  'cv.pdf': procedure(
    'A person’s yacht CV as PDF (two pages at most), with or without contact details',
    cvInputSchema,
    z.object({ fileName: z.string(), contentBase64: z.string(), pages: z.number().int() }),
  ),
  'cv.markdown': procedure('A person’s yacht CV as Markdown, with or without contact details', cvInputSchema, z.object({ fileName: z.string(), markdown: z.string() })),
};
