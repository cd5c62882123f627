import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import type { AssignmentHistoryItem, ParsedPersonInput, Person } from '../../shared/api';
import { AppError, notFound } from '../api/errors';
import { currentUser } from '../auth/caller';
import { standings } from './standings';
import { assignmentState, openAssignment, rotationOf, rotationPhase } from '../db/assignment-status';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { people } from '../db/schema';
import { statement } from '../db/statements';
import { andScope, vesselCondition } from '../scope/sql';
import { seesRecord } from '../scope/records';
import { write } from '../db/writes';
import { todayIsoDate } from '../../shared/domain/dates';
import { insertPeople, sortKeyOf, toPerson, updatePersonRow, type PersonRow } from './records';

export function getPersonRow(ctx: ServiceContext, id: string): PersonRow {
  const row = ctx.db().select().from(people).where(eq(people.id, id)).get();
  if (!row) throw notFound('person', id);
  return row;
}

const fullName = (p: { givenNames: string; surname: string }) => `${p.givenNames} ${p.surname}`;

/**
 * The same person twice is refused: the same name and date of birth, or the same e-mail address. An archived
 * match is named as such, so the person can be restored instead of entered again.
 */
export function assertNotDuplicate(ctx: ServiceContext, input: ParsedPersonInput, exceptId?: string): void {
  const sameIdentity = and(eq(people.sortKey, sortKeyOf(input)), eq(people.dateOfBirth, input.dateOfBirth));
  const matches: SQL | undefined = input.email === null ? sameIdentity : or(sameIdentity, eq(people.email, input.email));
  const clash = ctx.db().select().from(people).where(and(matches, exceptId ? ne(people.id, exceptId) : undefined)).get();
  if (!clash) return;
  const byEmail = input.email !== null && clash.email === input.email;
  if (!seesRecord(ctx.sqlite(), 'person', clash.id)) {
    // Someone the user does not see (docs/security.md#scope): said without naming them.
    const what = byEmail ? `the e-mail address ${input.email}` : 'this name and date of birth';
    throw new AppError('CONFLICT', `Someone outside the vessels you see already has ${what}: ask a user who sees the whole organisation to add them to your vessel`, {
      issues: [{ path: byEmail ? 'email' : 'surname', message: `Already stored for someone outside the vessels you see` }],
    });
  }
  const archived = clash.archivedAt !== null ? ' (archived: restore them from the crew list instead)' : '';
  throw new AppError(
    'CONFLICT',
    byEmail
      ? `${fullName(clash)} already has the e-mail address ${input.email}${archived}`
      : `${fullName(clash)}, born ${clash.dateOfBirth}, is already stored${archived}`,
    { personId: clash.id, issues: [{ path: byEmail ? 'email' : 'surname', message: `Same as ${fullName(clash)}${archived}` }] },
  );
}

export function createPerson(ctx: ServiceContext, input: ParsedPersonInput): Person {
  return write(ctx.sqlite(), () => {
    assertNotDuplicate(ctx, input);
    // Linked to the user who entered them, so a user scoped to vessels keeps them in view (docs/security.md#scope).
    return toPerson(insertPeople(ctx.sqlite(), [input], currentUser()?.userId ?? null)[0]!);
  });
}

export function updatePerson(ctx: ServiceContext, { id, ...input }: ParsedPersonInput & { id: string }): Person {
  return write(ctx.sqlite(), () => {
    const existing = getPersonRow(ctx, id);
    if (existing.archivedAt !== null) throw new AppError('CONFLICT', `${fullName(existing)} is archived; restore them before changing the record`);
    assertNotDuplicate(ctx, input, id);
    return toPerson(updatePersonRow(ctx.db(), ctx.sqlite(), id, input));
  });
}

export function archivePerson(ctx: ServiceContext, id: string): Person {
  return write(ctx.sqlite(), () => {
    const person = getPersonRow(ctx, id);
    if (person.archivedAt !== null) return toPerson(person);
    const open = statement(ctx.sqlite(), `SELECT count(*) AS n FROM assignments a WHERE a.person_id = @id AND ${openAssignment('a')}`).get({
      id,
      asOf: todayIsoDate(),
    }) as { n: number };
    if (open.n > 0) {
      throw new AppError('CONFLICT', `${fullName(person)} has a current or planned assignment; end or archive it before archiving the person`);
    }
    return toPerson(updatePersonRow(ctx.db(), ctx.sqlite(), id, { archivedAt: nowIso() }));
  });
}

export function restorePerson(ctx: ServiceContext, id: string): Person {
  return write(ctx.sqlite(), () => {
    const person = getPersonRow(ctx, id);
    if (person.archivedAt === null) return toPerson(person);
    assertNotDuplicate(ctx, person, id);
    return toPerson(updatePersonRow(ctx.db(), ctx.sqlite(), id, { archivedAt: null }));
  });
}

export function setPhotoHash(ctx: ServiceContext, id: string, photoHash: string | null): Person {
  return write(ctx.sqlite(), () => {
    getPersonRow(ctx, id);
    return toPerson(updatePersonRow(ctx.db(), ctx.sqlite(), id, { photoHash }));
  });
}

const historySql = (inScope: string) => `
  SELECT a.id AS assignmentId, v.id AS vesselId, v.name AS vesselName, pos.id AS positionId, pos.title AS positionTitle,
         pos.department AS department, a.start_date AS startDate, a.end_date AS endDate, a.archived_at AS archivedAt,
         a.rotation_weeks_on AS rotationWeeksOn, a.rotation_weeks_off AS rotationWeeksOff, a.rotation_restart AS rotationRestart,
         ${rotationPhase('a')} AS phase
  FROM assignments a
  JOIN positions pos ON pos.id = a.position_id
  JOIN vessels v ON v.id = pos.vessel_id
  WHERE a.person_id = @id${inScope}
  ORDER BY a.start_date DESC`;

export function personDetail(ctx: ServiceContext, id: string, asOf: string) {
  const row = getPersonRow(ctx, id);
  const standing = standings(ctx.sqlite(), [row], asOf).get(id)!;
  const history = statement(ctx.sqlite(), historySql(andScope(vesselCondition('pos.vessel_id')))).all({ id, asOf }) as Array<
    Omit<AssignmentHistoryItem, 'state' | 'rotation'> & { rotationWeeksOn: number | null; rotationWeeksOff: number | null }
  >;
  const assignments: AssignmentHistoryItem[] = history.map(({ rotationWeeksOn, rotationWeeksOff, phase, ...item }) => {
    const state = assignmentState(item, asOf);
    return { ...item, rotation: rotationOf({ rotationWeeksOn, rotationWeeksOff }), state, phase: state === 'current' ? phase : null };
  });
  return { person: toPerson(row), status: standing.status, placement: standing.placement, assignments, asOf };
}
