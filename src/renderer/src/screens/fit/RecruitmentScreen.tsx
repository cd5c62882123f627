import { Link, Route, Switch } from 'wouter';
import { DEPARTMENT_LABELS } from '../../../../shared/domain/crew';
import { useApiQuery } from '../../api/hooks';
import { useRecruitmentTab } from '../../state/ui';
import '../../styles/fit.css';
import { AnovaView } from './AnovaView';
import { ModelsView } from './ModelsView';
import { OutcomesView } from './OutcomesView';
import { LogView } from './LogView';
import { PersonMatches } from './PersonMatches';
import { PositionRanking } from './PositionRanking';
import { ProfilesView } from './ProfilesView';
import { WhatIfView } from './WhatIfView';
import { ADVISORY_NOTE } from './labels';
import { ApplicationPage } from '../recruitment/ApplicationPage';
import { InboxView } from '../recruitment/InboxView';
import { InterviewsView } from '../recruitment/InterviewsView';
import { PipelineView } from '../recruitment/PipelineView';
import { RequisitionPage } from '../recruitment/RequisitionPage';
import { RequisitionsView } from '../recruitment/RequisitionsView';
import { NoPositions } from '../recruitment/NoPositions';
import '../../styles/recruitment.css';

const TABS = [
  ['requisitions', 'Requisitions'],
  ['board', 'Board'],
  ['interviews', 'Interviews'],
  ['inbox', 'Inbox'],
  ['positions', 'Candidate fit'],
  ['outcomes', 'Outcomes'],
  ['models', 'Prediction models'],
  ['profiles', 'Trait profiles'],
  ['anova', 'Fleet profiles'],
  ['log', 'Advisory log'],
] as const;
type Tab = (typeof TABS)[number][0];

/** Every position across the fleet, open ones first, each leading to its ranked candidates. */
function PositionsView() {
  const positions = useApiQuery('fit.positions', {});
  const rows = positions.data ?? [];
  if (positions.isError) return <p className="notice bad">{positions.error.message}</p>;
  if (positions.isSuccess && rows.length === 0) return <NoPositions />;
  return (
    <table className="table card-table">
      <caption className="sr-only">Positions across the fleet</caption>
      <thead>
        <tr>
          <th>Vessel</th>
          <th>Department</th>
          <th>Position</th>
          <th className="num">Filled</th>
          <th className="num">Vacant</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <td>{p.vessel}</td>
            <td>{DEPARTMENT_LABELS[p.department]}</td>
            <td>{p.title}</td>
            <td className="num">
              {p.current} of {p.headcount}
            </td>
            <td className="num">{p.vacancies > 0 ? <span className="badge warn">{p.vacancies}</span> : '—'}</td>
            <td className="actions">
              <Link href={`/position/${p.id}`} aria-label={`Candidates for ${p.title} on ${p.vessel}`}>
                Candidates
              </Link>{' '}
              · <Link href={`/whatif/${p.vesselId}`}>What-if</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecruitmentHome() {
  const [tab, setTab] = useRecruitmentTab<Tab>();
  const inbox = useApiQuery('notifications.list', { unreadOnly: true });
  const settings = useApiQuery('fit.settings', {});
  return (
    <section className="page">
      <header className="page-header">
        <h1>Recruitment</h1>
      </header>
      <p className="notice" role="note">
        {ADVISORY_NOTE}
      </p>
      <div className="tabs" role="tablist" aria-label="Recruitment views">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {label}
            {id === 'inbox' && inbox.data?.unread ? <span className="badge warn">{inbox.data.unread}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'requisitions' && <RequisitionsView />}
        {tab === 'board' && <PipelineView />}
        {tab === 'interviews' && <InterviewsView />}
        {tab === 'inbox' && <InboxView />}
        {tab === 'positions' && <PositionsView />}
        {tab === 'outcomes' && <OutcomesView />}
        {tab === 'models' && <ModelsView />}
        {tab === 'profiles' && <ProfilesView />}
        {tab === 'anova' && <AnovaView />}
        {tab === 'log' && <LogView />}
      </div>
      {settings.data && (
        <p className="muted">
          Defaults: {Object.values(settings.data.versions).join(', ')}. Prediction model in use: {settings.data.model.version}
          {settings.data.model.shipped ? ' (research defaults)' : ` (fitted to ${settings.data.model.n} outcomes)`}.
        </p>
      )}
    </section>
  );
}

/** Recruitment: requisitions and their pipeline, interviews, the inbox; positions and their candidates, a person's matches, what-if, outcomes, models, profiles, the log. */
export function RecruitmentScreen() {
  return (
    <Switch>
      <Route path="/requisition/:id">{(params) => <RequisitionPage key={params.id} id={params.id} />}</Route>
      <Route path="/application/:id">{(params) => <ApplicationPage key={params.id} id={params.id} />}</Route>
      <Route path="/position/:id">{(params) => <PositionRanking key={params.id} positionId={params.id} />}</Route>
      <Route path="/person/:id">{(params) => <PersonMatches key={params.id} personId={params.id} />}</Route>
      <Route path="/whatif/:vesselId">{(params) => <WhatIfView key={params.vesselId} vesselId={params.vesselId} />}</Route>
      <Route>
        <RecruitmentHome />
      </Route>
    </Switch>
  );
}
