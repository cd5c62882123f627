import { eq } from 'drizzle-orm';
import type { Output, ParsedInput } from '../../shared/api';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { candidateProfiles } from '../db/schema';
import { write } from '../db/writes';
import { getPersonRow } from '../people/service';

/** The facts of a yacht CV the crew record does not hold (docs/recruitment.md#the-yacht-cv); blank until given. */
type Profile = Output<'candidates.profile'>;

export function candidateProfile(ctx: ServiceContext, personId: string): Profile {
  getPersonRow(ctx, personId);
  const row = ctx.db().select().from(candidateProfiles).where(eq(candidateProfiles.personId, personId)).get();
  if (!row) return { personId, languageLevels: {}, smoker: null, visibleTattoos: null, drivingLicence: null, summary: null, references: [] };
  return { personId, languageLevels: row.languageLevels, smoker: row.smoker, visibleTattoos: row.visibleTattoos, drivingLicence: row.drivingLicence, summary: row.summary, references: row.references };
}

export function saveCandidateProfile(ctx: ServiceContext, { personId, ...fields }: ParsedInput<'candidates.saveProfile'>): Profile {
  write(ctx.sqlite(), () => {
    const person = getPersonRow(ctx, personId);
    if (person.archivedAt !== null) throw new AppError('CONFLICT', `${person.givenNames} ${person.surname} is archived; restore them first`);
    ctx.db().insert(candidateProfiles).values({ personId, ...fields }).onConflictDoUpdate({ target: candidateProfiles.personId, set: fields }).run();
  });
  return candidateProfile(ctx, personId);
}
