import { Link, Route, Switch } from 'wouter';
import type { Output } from '../../../../shared/api';
import { DEPARTMENTS, seniorityOrder } from '../../../../shared/domain/crew';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
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
import { words } from '../../../../shared/words';
import { ApplicationPage } from '../recruitment/ApplicationPage';
import { InboxView } from '../recruitment/InboxView';
import { SharedInView } from '../../components/sync/CandidateSharing';
import { InterviewsView } from '../recruitment/InterviewsView';
import { NoPositions } from '../recruitment/NoPositions';
import { PipelineView } from '../recruitment/PipelineView';
import { RequisitionPage } from '../recruitment/RequisitionPage';
import { RequisitionsView } from '../recruitment/RequisitionsView';
import '../../styles/recruitment.css';

const TABS = [
  ['requisitions', 'Requisitions'],
  ['board', 'Board'],
  ['interviews', 'Interviews'],
  ['inbox', 'Inbox'],
  ['shared', 'Shared with us'],
  ['positions', 'Candidate fit'],
  ['outcomes', 'Outcomes'],
  ['models', 'Prediction models'],
  ['profiles', 'Trait profiles'],
  ['anova', 'Fleet profiles'],
  ['log', 'Advisory log'],
] as const;
type Tab = (typeof TABS)[number][0];

type PositionRow = Output<'fit.positions'>[number];

const POSITION_COLUMNS: Array<Column<PositionRow>> = [
  { id: 'vessel', header: 'Vessel', sortBy: (p) => p.vessel, cell: (p) => p.vessel },
  { id: 'department', header: 'Department', sortBy: (p) => DEPARTMENTS.indexOf(p.department), cell: (p) => words.departments[p.department] },
  { id: 'position', header: 'Position', sortBy: (p) => seniorityOrder(p.department, p.title), cell: (p) => p.title },
  { id: 'filled', header: 'Filled', className: 'num', sortBy: (p) => p.current / Math.max(1, p.headcount), cell: (p) => `${p.current} of ${p.headcount}` },
  { id: 'vacant', header: 'Vacant', className: 'num', sortBy: (p) => p.vacancies, cell: (p) => (p.vacancies > 0 ? <span className="badge warn">{p.vacancies}</span> : '—') },
  {
    id: 'actions',
    header: '',
    className: 'actions',
    cell: (p) => (
      <>
        <Link href={`/position/${p.id}`} aria-label={`Candidates for ${p.title} on ${p.vessel}`}>
          Candidates
        </Link>{' '}
        · <Link href={`/whatif/${p.vesselId}`}>What-if</Link>
      </>
    ),
  },
];

/** Every position across the fleet, open ones first (every column sorts), each leading to its ranked candidates. */
function PositionsView() {
  const positions = useApiQuery('fit.positions', {});
  const rows = positions.data ?? [];
  if (positions.isError) return <p className="notice bad">{positions.error.message}</p>;
  if (positions.isSuccess && rows.length === 0) return <NoPositions />;
  return (
    <SortableTable rows={rows} columns={POSITION_COLUMNS} rowKey={(p) => p.id} caption="Positions across the fleet" className="table card-table" />
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
        {tab === 'shared' && <SharedInView />}
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
