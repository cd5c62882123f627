import { and, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Campaign, ParsedInput, ProgressState } from '../../shared/api';
import { progressStates } from '../../shared/api';
import { todayIsoDate } from '../../shared/domain/dates';
import { dayNumber } from '../../engine/team';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { drizzleCondition, vesselCondition } from '../scope/sql';
import { campaigns, questionnaireSessions } from '../db/schema';
import { write } from '../db/writes';
import { crewStints, groupMembers } from '../manning/crew';
import { newInvitationKey } from './invitations';
import { departmentOn, periodFor } from './pulse';
import { pulseSurvey } from './pulse-surveys';
import { questionnaireOf } from './questionnaire';
import { summarise } from './session-store';
import { insertSession, livePerson } from './sessions';

/**
 * Campaigns (docs/questionnaires.md#campaigns): an instrument or a pulse survey assigned to a vessel's crew, a
 * department or chosen people, with a due date. Each person gets a session (kiosk) or an invitation (remote);
 * where they stand is read from it: invited, in progress, completed, or expired when the due date passed first.
 */
type CampaignRow = typeof campaigns.$inferSelect;

/** The people a campaign is for: live crew in post today, or the people chosen (each must be live). */
function targetPeople(ctx: ServiceContext, target: ParsedInput<'campaigns.create'>['target']): Array<{ personId: string; vesselId: string | null }> {
  if (target.kind === 'people') return [...new Set(target.personIds)].map((id) => ({ personId: livePerson(ctx, id).id, vesselId: currentVessel(ctx, id) }));
  const group = target.department ? { kind: 'department' as const, department: target.department } : { kind: 'crew' as const };
  const members = groupMembers(crewStints(ctx, target.vesselId), dayNumber(todayIsoDate()), group);
  if (members.length === 0) throw new AppError('VALIDATION', 'Nobody is in post in that crew today: there is nobody to ask.', { issues: [{ path: 'target', message: 'no crew in post' }] });
  return members.map((m) => ({ personId: m.personId, vesselId: target.vesselId }));
}

function currentVessel(ctx: ServiceContext, personId: string): string | null {
  const stint = crewStints(ctx, null).find((s) => s.personId === personId && s.start <= dayNumber(todayIsoDate()) && (s.end === null || s.end >= dayNumber(todayIsoDate())));
  return stint?.vesselId ?? null;
}

export function createCampaign(ctx: ServiceContext, input: ParsedInput<'campaigns.create'>): Campaign {
  const { what } = input;
  const instrumentId = what.kind === 'assessment' ? questionnaireOf(ctx, 'assessment', what.instrumentId, undefined, true).id : pulseSurvey(ctx, what.surveyId).id;
  if (input.dueOn < todayIsoDate()) throw new AppError('VALIDATION', 'The due date has passed already.', { issues: [{ path: 'dueOn', message: 'in the past' }] });
  const id = write(ctx.sqlite(), () => {
    const people = targetPeople(ctx, input.target);
    const campaignId = ctx
      .db()
      .insert(campaigns)
      .values({
        name: input.name,
        kind: what.kind,
        mode: input.mode,
        instrumentId,
        language: input.language,
        context: what.kind === 'assessment' ? what.context : null,
        vesselId: input.target.kind === 'crew' ? input.target.vesselId : null,
        department: input.target.kind === 'crew' ? (input.target.department ?? null) : null,
        anonymous: what.kind === 'pulse' && what.anonymous,
        dueOn: input.dueOn,
      })
      .returning({ id: campaigns.id })
      .get().id;
    for (const { personId, vesselId } of people) {
      if (what.kind === 'pulse' && vesselId === null) throw new AppError('VALIDATION', 'A pulse survey asks crew about their vessel: everyone chosen must be in post on one.', { issues: [{ path: 'target', message: 'not in post' }] });
      insertSession(ctx, {
        kind: what.kind,
        mode: input.mode,
        personId,
        instrumentId,
        language: input.language,
        context: what.kind === 'assessment' ? what.context : null,
        dueOn: input.dueOn,
        campaignId,
        invitationKey: input.mode === 'remote' ? newInvitationKey() : null,
        ...(what.kind === 'pulse' && {
          vesselId,
          department: departmentOn(ctx, personId, vesselId!),
          period: periodFor(ctx, vesselId!, instrumentId),
          anonymous: what.anonymous,
        }),
      });
    }
    return campaignId;
  });
  return campaignView(ctx, campaignRow(ctx, id));
}

function campaignRow(ctx: ServiceContext, id: string): CampaignRow {
  const row = ctx.db().select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!row) throw notFound('campaign', id);
  return row;
}

function campaignView(ctx: ServiceContext, row: CampaignRow): Campaign {
  const sessions = ctx.db().select().from(questionnaireSessions).where(eq(questionnaireSessions.campaignId, row.id)).all().map((s) => summarise(ctx, s));
  const counts = Object.fromEntries(progressStates.map((p) => [p, 0])) as Record<ProgressState, number>;
  for (const s of sessions) counts[s.progress] += 1;
  const members = sessions.map((s) => ({ personId: s.personId, personName: s.personName, sessionId: s.id, progress: s.progress })).sort((a, b) => (a.personName ?? '').localeCompare(b.personName ?? ''));
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    mode: row.mode,
    instrumentId: row.instrumentId,
    instrumentName: sessions[0]?.instrumentName ?? row.instrumentId,
    language: row.language,
    dueOn: row.dueOn,
    anonymous: row.anonymous,
    counts,
    members,
    createdAt: row.createdAt,
  };
}

export const campaign = (ctx: ServiceContext, id: string) => campaignView(ctx, campaignRow(ctx, id));

export function listCampaigns(ctx: ServiceContext, archived: 'exclude' | 'include' | 'only'): Array<Omit<Campaign, 'members'>> {
  const where: SQL[] = [];
  if (archived === 'exclude') where.push(isNull(campaigns.archivedAt));
  if (archived === 'only') where.push(isNotNull(campaigns.archivedAt));
  // Campaigns of the vessels the signed-in user sees; one across the fleet is for the whole organisation (docs/security.md#scope).
  const inScope = drizzleCondition(vesselCondition('campaigns.vessel_id'));
  if (inScope) where.push(inScope);
  return ctx
    .db()
    .select()
    .from(campaigns)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(campaigns.createdAt))
    .all()
    .map((row) => {
      const { members: _members, ...rest } = campaignView(ctx, row);
      return rest;
    });
}
