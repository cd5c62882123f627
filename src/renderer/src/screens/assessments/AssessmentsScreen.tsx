import { Link, Route, Switch, useLocation } from 'wouter';
import { InstrumentsView } from './InstrumentsView';
import { LocalGroupsView } from './LocalGroupsView';
import { NormsView } from './NormsView';
import { ResultDetail } from './ResultDetail';
import { ResultList } from './ResultList';
import { ValidityRulesForm } from './ValidityRulesForm';
import { ProfileView } from '../questionnaires/profile/ProfileView';

const TABS = [
  { path: '/', label: 'Results' },
  { path: '/groups', label: 'Local groups' },
  { path: '/norms', label: 'Norms' },
  { path: '/instruments', label: 'Instruments' },
  { path: '/rules', label: 'Validity rules' },
] as const;

function Tabs() {
  const [location] = useLocation();
  return (
    <nav className="tabs" aria-label="Assessments views">
      {TABS.map((tab) => (
        <Link key={tab.path} href={tab.path} className={location === tab.path ? 'tab active' : 'tab'} aria-current={location === tab.path ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** Assessments: stored results, local norm groups, imported norms and the validity rules; a result at /:id. */
export function AssessmentsScreen() {
  return (
    <Switch>
      <Route path="/groups">
        <Page>
          <LocalGroupsView />
        </Page>
      </Route>
      <Route path="/norms">
        <Page>
          <NormsView />
        </Page>
      </Route>
      <Route path="/instruments">
        <Page>
          <InstrumentsView />
        </Page>
      </Route>
      <Route path="/rules">
        <Page>
          <ValidityRulesForm />
        </Page>
      </Route>
      <Route path="/:id/profile">{(params) => <ProfileView id={params.id} />}</Route>
      <Route path="/:id">{(params) => <ResultDetail id={params.id} />}</Route>
      <Route>
        <Page>
          <ResultList />
        </Page>
      </Route>
    </Switch>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>Assessments</h1>
      </header>
      <Tabs />
      {children}
    </section>
  );
}
