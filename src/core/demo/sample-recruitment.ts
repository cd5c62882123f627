import { addDaysIso } from '../../shared/domain/dates';
import { currentUser } from '../auth/caller';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { createApplication, moveApplication } from '../recruitment/applications';
import { submitFeedback } from '../recruitment/feedback';
import { scheduleInterview } from '../recruitment/interviews';
import { createRequisition, moveRequisition, requisitionDefaults } from '../recruitment/requisitions';

/**
 * A hire in progress on the sample fleet (docs/recruitment.md): an open requisition for the first position with
 * a place nobody is joining, and the candidates between contracts at each stage up to an interview tomorrow, with
 * the feedback of its interviewer (the user loading the sample) given. Built through the recruitment services, as a user would.
 */
const OPEN_PLACE_SQL = `
  SELECT pos.id FROM positions pos JOIN vessels v ON v.id = pos.vessel_id
  WHERE pos.archived_at IS NULL AND pos.headcount > (SELECT count(*) FROM assignments a WHERE a.position_id = pos.id AND a.archived_at IS NULL AND (a.end_date IS NULL OR a.end_date >= @today))
  ORDER BY v.name, pos.department, pos.title LIMIT 1`;

const BETWEEN_CONTRACTS_SQL = `
  SELECT p.id FROM people p WHERE p.archived_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.person_id = p.id AND a.archived_at IS NULL AND (a.end_date IS NULL OR a.end_date >= @today))
  ORDER BY p.sort_key, p.id LIMIT 5`;

const STAGES = ['sourced', 'contacted', 'screening', 'submitted', 'interviewing'] as const;

export function addSampleRecruitment(ctx: ServiceContext, today: string): void {
  const open = statement(ctx.sqlite(), OPEN_PLACE_SQL).get({ today }) as { id: string } | undefined;
  if (!open) return;
  const defaults = requisitionDefaults(ctx, open.id);
  const draft = createRequisition(ctx, { ...defaults, startDate: addDaysIso(today, 30), salaryMin: 4500, salaryMax: 5500, currency: 'EUR', places: 1 });
  moveRequisition(ctx, draft.id, 'open');
  const candidates = statement(ctx.sqlite(), BETWEEN_CONTRACTS_SQL).all({ today }) as Array<{ id: string }>;
  candidates.forEach(({ id }, i) => {
    const stage = STAGES[i % STAGES.length]!;
    const viaAgency = i % 2 === 0;
    const application = createApplication(ctx, { requisitionId: draft.id, personId: id, source: viaAgency ? 'Agency' : 'Direct application', agency: viaAgency ? 'Blue Water Crew' : null });
    const path = stage === 'sourced' ? [] : stage === 'contacted' ? (['contacted'] as const) : stage === 'screening' ? (['contacted', 'screening'] as const) : stage === 'submitted' ? (['screening', 'submitted'] as const) : (['submitted', 'interviewing'] as const);
    for (const to of path) moveApplication(ctx, { id: application.id, stage: to, reason: null });
    // Interviewers are accounts: the one loading the sample interviews, and has given their feedback.
    const user = currentUser();
    if (stage !== 'interviewing' || !user) return;
    const { interview } = scheduleInterview(ctx, { applicationId: application.id, kind: 'captain', mode: 'video', interviewers: [user.userId], localTime: `${addDaysIso(today, 1)}T10:00`, timeZone: 'Europe/Paris', durationMinutes: 45, location: 'Video call' });
    submitFeedback(ctx, { interviewId: interview.id, ratings: { technical: 4, teamwork: 5, communication: 4 }, overall: 4, recommendation: 'hire', strengths: 'Calm under pressure; good references', concerns: null });
  });
}
