import { Link, Route, Switch, useLocation } from 'wouter';
import '../../styles/questionnaires.css';
import { CampaignsView } from './CampaignsView';
import { PulseView } from './PulseView';
import { SessionsView } from './SessionsView';

const TABS = [
  { path: '/', label: 'Questionnaires' },
  { path: '/campaigns', label: 'Campaigns' },
  { path: '/pulse', label: 'Pulse surveys' },
] as const;

/** Questionnaires taken in the app: the kiosk and invitation files, campaigns, and pulse surveys. */
export function QuestionnairesScreen() {
  const [location] = useLocation();
  return (
    <section className="page">
      <header className="page-header">
        <h1>Questionnaires</h1>
      </header>
      <nav className="tabs" aria-label="Questionnaire views">
        {TABS.map((tab) => (
          <Link key={tab.path} href={tab.path} className={location === tab.path ? 'tab active' : 'tab'} aria-current={location === tab.path ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      <Switch>
        <Route path="/campaigns" component={CampaignsView} />
        <Route path="/pulse" component={PulseView} />
        <Route component={SessionsView} />
      </Switch>
    </section>
  );
}
