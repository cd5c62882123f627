import { and, eq, isNull } from 'drizzle-orm';
import { words } from '../../shared/words';
import type { Application, ParsedInput } from '../../shared/api';
import { APPLICATION_MACHINE, moveProblem, type ApplicationStage } from '../../shared/recruitment/pipeline';
import { formatDate } from '../../shared/domain/dates';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { andScope, vesselCondition } from '../scope/sql';
import { rotationColumns } from '../db/assignment-status';
import { nowIso } from '../db/ids';
import { applicationMoves, applications, vesselSubmissions } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { currentOperator } from '../fit/operator';
import { getPersonRow } from '../people/service';
import { applicationLink, raise } from './notify';
import { getRequisitionRow } from './requisitions';

/**
 * Applications (docs/recruitment.md#applications): a candidate on a requisition, moved through the stages of
 * APPLICATION_MACHINE. Every move is kept (application_moves). The first time a candidate is submitted to a
 * vessel is stamped once, with the agency and the time, whichever application did it.
 */
type Row = typeof applications.$inferSelect;

const APPLICATIONS_SQL = (where: string) => `
  SELECT a.*, r.title AS requisitionTitle, v.id AS vesselId, v.name AS vessel, p.given_names || ' ' || p.surname AS personName,
         s.application_id AS firstApplicationId, s.agency AS firstAgency, s.submitted_at AS firstSubmittedAt, s.submitted_by AS firstSubmittedBy
  FROM applications a
  JOIN requisitions r ON r.id = a.requisition_id
  JOIN positions pos ON pos.id = r.position_id
  JOIN vessels v ON v.id = pos.vessel_id
  JOIN people p ON p.id = a.person_id
  LEFT JOIN vessel_submissions s ON s.id = (SELECT id FROM vessel_submissions WHERE person_id = a.person_id AND vessel_id = v.id AND archived_at IS NULL ORDER BY submitted_at, id LIMIT 1)
  WHERE a.archived_at IS NULL ${where}
  ORDER BY a.stage_changed_at DESC, a.id`;

interface JoinedRow {
  id: string;
  requisition_id: string;
  person_id: string;
  stage: ApplicationStage;
  source: string;
  agency: string | null;
  exit_reason: string | null;
  offer_start_date: string | null;
  offer_rotation_weeks_on: number | null;
  offer_rotation_weeks_off: number | null;
  offer_salary: number | null;
  assignment_id: string | null;
  stage_changed_at: string;
  placed_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  requisitionTitle: string;
  vesselId: string;
  vessel: string;
  personName: string;
  firstApplicationId: string | null;
  firstAgency: string | null;
  firstSubmittedAt: string | null;
  firstSubmittedBy: string | null;
}

function toApplication(r: JoinedRow): Application {
  const on = r.offer_rotation_weeks_on;
  const off = r.offer_rotation_weeks_off;
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    requisitionId: r.requisition_id,
    requisitionTitle: r.requisitionTitle,
    vesselId: r.vesselId,
    vessel: r.vessel,
    personId: r.person_id,
    personName: r.personName,
    stage: r.stage,
    source: r.source,
    agency: r.agency,
    exitReason: r.exit_reason,
    offerStartDate: r.offer_start_date,
    offerRotation: on !== null && off !== null ? `${on}:${off}` : null,
    offerSalary: r.offer_salary,
    assignmentId: r.assignment_id,
    stageChangedAt: r.stage_changed_at,
    placedAt: r.placed_at,
    firstSubmission:
      r.firstApplicationId === null
        ? null
        : { applicationId: r.firstApplicationId, agency: r.firstAgency, submittedAt: r.firstSubmittedAt!, submittedBy: r.firstSubmittedBy! },
  };
}

export function listApplications(ctx: ServiceContext, filter: { requisitionId?: string; personId?: string }): Application[] {
  // Only applications to requisitions of the vessels the signed-in user sees (docs/security.md#scope).
  const where = [filter.requisitionId ? 'AND a.requisition_id = @requisitionId' : '', filter.personId ? 'AND a.person_id = @personId' : '', andScope(vesselCondition('v.id'))].join(' ');
  const params = { ...(filter.requisitionId ? { requisitionId: filter.requisitionId } : {}), ...(filter.personId ? { personId: filter.personId } : {}) };
  return (statement(ctx.sqlite(), APPLICATIONS_SQL(where)).all(params) as JoinedRow[]).map(toApplication);
}

export function getApplication(ctx: ServiceContext, id: string): Application {
  const row = statement(ctx.sqlite(), APPLICATIONS_SQL('AND a.id = @id')).get({ id }) as JoinedRow | undefined;
  if (!row) throw notFound('application', id);
  return toApplication(row);
}

export function getApplicationRow(ctx: ServiceContext, id: string): Row {
  const row = ctx.db().select().from(applications).where(eq(applications.id, id)).get();
  if (!row || row.archivedAt !== null) throw notFound('application', id);
  return row;
}

const recordMove = (ctx: ServiceContext, applicationId: string, from: ApplicationStage | null, to: ApplicationStage, reason: string | null) =>
  ctx.db().insert(applicationMoves).values({ applicationId, fromStage: from, toStage: to, reason, movedBy: currentOperator().operator }).run();

export function createApplication(ctx: ServiceContext, input: ParsedInput<'applications.create'>): Application {
  const id = write(ctx.sqlite(), () => {
    const requisition = getRequisitionRow(ctx, input.requisitionId);
    if (requisition.status !== 'open' && requisition.status !== 'draft' && requisition.status !== 'paused') {
      throw new AppError('CONFLICT', `This requisition is ${requisition.status}: it takes no more candidates`);
    }
    const person = getPersonRow(ctx, input.personId);
    if (person.archivedAt !== null) throw new AppError('CONFLICT', `${person.givenNames} ${person.surname} is archived; restore them first`);
    const already = ctx.db().select({ id: applications.id }).from(applications).where(and(eq(applications.requisitionId, requisition.id), eq(applications.personId, person.id), isNull(applications.archivedAt))).get();
    if (already) throw new AppError('CONFLICT', `${person.givenNames} ${person.surname} is already a candidate for this requisition`, { applicationId: already.id });
    const created = ctx.db().insert(applications).values({ requisitionId: requisition.id, personId: person.id, stage: 'sourced', source: input.source, agency: input.agency, stageChangedAt: nowIso() }).returning({ id: applications.id }).get();
    recordMove(ctx, created.id, null, 'sourced', null);
    return created.id;
  });
  return getApplication(ctx, id);
}

/** Stamps the first submission of the candidate to the requisition's vessel, unless one is already on record. */
function stampFirstSubmission(ctx: ServiceContext, app: Application): void {
  const first = statement(ctx.sqlite(), 'SELECT id FROM vessel_submissions WHERE person_id = ? AND vessel_id = ? AND archived_at IS NULL LIMIT 1').get(app.personId, app.vesselId);
  if (first) return;
  ctx.db().insert(vesselSubmissions).values({ personId: app.personId, vesselId: app.vesselId, applicationId: app.id, agency: app.agency, submittedAt: nowIso(), submittedBy: currentOperator().operator }).run();
}

function offerColumns(offer: NonNullable<ParsedInput<'applications.move'>['offer']>) {
  const rotation = rotationColumns(offer.rotation);
  return { offerStartDate: offer.startDate, offerRotationWeeksOn: rotation.rotationWeeksOn, offerRotationWeeksOff: rotation.rotationWeeksOff, offerSalary: offer.salary };
}

/** Moves an application inside the caller's write; `placed` is reached only by hiring (hiring.ts). */
export function moveApplicationRow(ctx: ServiceContext, app: Application, to: ApplicationStage, details: { reason: string | null; offer?: ParsedInput<'applications.move'>['offer'] }): void {
  const problem = moveProblem(APPLICATION_MACHINE, words.applicationStages, app.stage, to);
  if (problem) throw new AppError('CONFLICT', problem, { allowed: APPLICATION_MACHINE.moves[app.stage] });
  if ((to === 'rejected' || to === 'withdrawn') && details.reason === null) {
    const message = `Say why the candidate is ${to}`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'reason', message }] });
  }
  const offer = details.offer;
  if (to === 'offered' && !offer) {
    const message = 'An offer needs its start date';
    throw new AppError('VALIDATION', message, { issues: [{ path: 'offer.startDate', message }] });
  }
  const stamp = nowIso();
  ctx
    .db()
    .update(applications)
    .set({
      stage: to,
      stageChangedAt: stamp,
      exitReason: to === 'rejected' || to === 'withdrawn' ? details.reason : null,
      ...(offer ? offerColumns(offer) : {}),
    })
    .where(eq(applications.id, app.id))
    .run();
  recordMove(ctx, app.id, app.stage, to, details.reason);
  if (to === 'submitted') stampFirstSubmission(ctx, app);
  const label = words.applicationStages[to];
  raise(ctx, {
    kind: 'stage_change',
    priority: to === 'offered' || to === 'placed' ? 'high' : 'normal',
    title: `${app.personName}: ${label}`,
    body: `${app.personName} moved from ${words.applicationStages[app.stage]} to ${label} for ${app.requisitionTitle} on ${app.vessel}${to === 'offered' && offer ? `, starting ${formatDate(offer.startDate)}` : ''}${details.reason ? ` (${details.reason})` : ''}.`,
    link: applicationLink(app.id),
    vesselId: app.vesselId,
    personId: app.personId,
    eventKey: `stage:${app.id}:${to}`,
  });
}

export function moveApplication(ctx: ServiceContext, input: ParsedInput<'applications.move'>): Application {
  write(ctx.sqlite(), () => {
    const app = getApplication(ctx, input.id);
    if (input.stage === 'placed') throw new AppError('CONFLICT', 'A candidate is placed by hiring them from their offer, which creates their assignment: use Hire');
    moveApplicationRow(ctx, app, input.stage, { reason: input.reason, offer: input.offer });
  });
  return getApplication(ctx, input.id);
}

export function applicationHistory(ctx: ServiceContext, id: string) {
  getApplicationRow(ctx, id);
  return ctx
    .db()
    .select({ id: applicationMoves.id, fromStage: applicationMoves.fromStage, toStage: applicationMoves.toStage, reason: applicationMoves.reason, movedBy: applicationMoves.movedBy, createdAt: applicationMoves.createdAt })
    .from(applicationMoves)
    .where(eq(applicationMoves.applicationId, id))
    .orderBy(applicationMoves.createdAt, applicationMoves.id)
    .all();
}
