import { eq } from 'drizzle-orm';
import type { Output } from '../../shared/api';
import { formatDate, formatDateRange } from '../../shared/domain/dates';
import { AppError } from '../api/errors';
import { createAssignment } from '../assignments/service';
import type { ServiceContext } from '../context';
import { rotationOf } from '../db/assignment-status';
import { nowIso } from '../db/ids';
import { applications } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getPositionRow, getVesselRow } from '../vessels/records';
import { getApplication, getApplicationRow, moveApplicationRow } from './applications';
import { getRequisition, getRequisitionRow, moveRequisitionRow } from './requisitions';

/**
 * Hiring (docs/recruitment.md#hiring): an offered candidate becomes crew. Their assignment is created on the
 * requisition's position from the offer's start date and rotation, in the same transaction as the move to
 * placed; the requisition is filled when its places are taken. A position whose places are all held on the start
 * date takes nobody more, and the refusal names who holds them.
 */
const HOLDERS_SQL = `
  SELECT p.given_names || ' ' || p.surname AS name, a.start_date AS startDate, a.end_date AS endDate
  FROM assignments a JOIN people p ON p.id = a.person_id
  WHERE a.position_id = @positionId AND a.archived_at IS NULL AND a.start_date <= @day AND (a.end_date IS NULL OR a.end_date >= @day)
  ORDER BY a.start_date, a.id`;

function assertPlaceFree(ctx: ServiceContext, positionId: string, day: string): void {
  const position = getPositionRow(ctx, positionId);
  const holders = statement(ctx.sqlite(), HOLDERS_SQL).all({ positionId, day }) as Array<{ name: string; startDate: string; endDate: string | null }>;
  if (holders.length < position.headcount) return;
  const vessel = getVesselRow(ctx, position.vesselId);
  const who = holders.map((h) => `${h.name} (${formatDateRange(h.startDate, h.endDate)})`).join(', ');
  const places = position.headcount === 1 ? 'its one place is' : `all ${position.headcount} places are`;
  throw new AppError(
    'CONFLICT',
    `The position ${position.title} on ${vessel.name} is full on ${formatDate(day)}: ${places} held by ${who}. End one of those assignments before that day, or add a place to the position, then hire.`,
    { issues: [{ path: 'startDate', message: `${position.title} is full on ${formatDate(day)}` }] },
  );
}

export function hire(ctx: ServiceContext, id: string, startDate: string | null | undefined): Output<'applications.hire'> {
  const assignmentId = write(ctx.sqlite(), () => {
    const app = getApplication(ctx, id);
    const row = getApplicationRow(ctx, id);
    if (app.stage !== 'offered') throw new AppError('CONFLICT', `Only a candidate with an offer can be hired; ${app.personName} is at ${app.stage}`);
    const requisition = getRequisitionRow(ctx, app.requisitionId);
    if (requisition.status !== 'open') throw new AppError('CONFLICT', `The requisition is ${requisition.status}: open it again before hiring`);
    const day = startDate ?? row.offerStartDate ?? requisition.startDate;
    assertPlaceFree(ctx, requisition.positionId, day);
    const offered = rotationOf({ rotationWeeksOn: row.offerRotationWeeksOn, rotationWeeksOff: row.offerRotationWeeksOff });
    const assignment = createAssignment(ctx, { personId: app.personId, positionId: requisition.positionId, startDate: day, endDate: null, rotation: offered ?? rotationOf(requisition) });
    moveApplicationRow(ctx, app, 'placed', { reason: null });
    ctx.db().update(applications).set({ assignmentId: assignment.id, placedAt: nowIso() }).where(eq(applications.id, id)).run();
    const placed = (statement(ctx.sqlite(), "SELECT count(*) AS n FROM applications WHERE requisition_id = ? AND stage = 'placed' AND archived_at IS NULL").get(requisition.id) as { n: number }).n;
    if (placed >= requisition.places) moveRequisitionRow(ctx, requisition, 'filled');
    return assignment.id;
  });
  const application = getApplication(ctx, id);
  return { application, assignmentId, requisition: getRequisition(ctx, application.requisitionId) };
}
