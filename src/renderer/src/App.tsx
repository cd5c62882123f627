import { useEffect } from 'react';
import { Toaster } from 'sonner';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { subscribe } from './api/client';
import { useApiQuery, useDataChangedEvents } from './api/hooks';
import { ImportPeopleDialog } from './components/ImportPeopleDialog';
import { SampleFleetDialog } from './components/SampleFleetDialog';
import { Sidebar } from './components/Sidebar';
import { exportPeople } from './screens/crew/CrewList';
import { useDialogs } from './state/ui';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { screenKey } from '../../shared/screens';
import { useVisibleScreens } from './screens/registry';
import { AuthGate } from './auth/AuthGate';
import { useCan } from './auth/session';
import { KioskScreen } from './screens/questionnaires/kiosk/KioskScreen';

/** Ctrl/Cmd+1…9 opens the n-th screen; Ctrl/Cmd+, opens Settings. */
function useScreenShortcuts(): void {
  const [, navigate] = useLocation();
  const { visible } = useVisibleScreens();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const target = visible.find((s) => screenKey(s.path) === event.key);
      if (!target) return;
      event.preventDefault();
      navigate(target.path);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, visible]);
}

/** Menu items of the desktop shell arrive as `ui.command` events; the UI owns the dialogs they open. */
function useShellCommands(): void {
  const [, navigate] = useLocation();
  const show = useDialogs((s) => s.show);
  const { visible } = useVisibleScreens();
  const mayWrite = useCan('fleet.write');
  const mayRead = useCan('fleet.read');
  useEffect(
    () =>
      subscribe('ui.command', ({ command, argument }) => {
        // The menu lists every screen; one this user may not open is not opened.
        if (command === 'navigate' && argument && visible.some((s) => argument === s.path || argument.startsWith(`${s.path}/`))) navigate(argument);
        if (command === 'import-people' && mayWrite) {
          navigate('/crew');
          show('import-people');
        }
        if (command === 'export-people' && mayRead) void exportPeople();
        if (command === 'load-sample-fleet' && mayWrite) show('sample-fleet');
      }),
    [navigate, show, visible, mayWrite, mayRead],
  );
}

function ShellDialogs() {
  const { open, close } = useDialogs();
  if (open === 'import-people') return <ImportPeopleDialog onClose={close} />;
  if (open === 'sample-fleet') return <SampleFleetDialog onClose={close} />;
  return null;
}

function Shell() {
  useScreenShortcuts();
  useShellCommands();
  const { visible, defaultPath } = useVisibleScreens();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <main id="main" className="screen" tabIndex={-1}>
        <Switch>
          {visible.map(({ path, component }) => (
            <Route key={path} path={path} component={component} nest />
          ))}
          <Route>
            <Redirect to={defaultPath} />
          </Route>
        </Switch>
      </main>
      <ShellDialogs />
    </div>
  );
}

/** While a questionnaire holds the kiosk, the app shows it and nothing else, whatever the address says. */
function KioskOrShell() {
  const kiosk = useApiQuery('sessions.kioskState', {});
  if (kiosk.isPending) return <div className="boot">Opening…</div>;
  if (kiosk.data?.sessionId) return <KioskScreen sessionId={kiosk.data.sessionId} />;
  return <Shell />;
}

export function App() {
  // Here rather than in the shell: a restore (from the recovery screen or the File menu) refetches everything,
  // the database's health included.
  useDataChangedEvents();
  const health = useApiQuery('system.health', {});
  let body;
  if (health.isPending) body = <div className="boot">Opening the database…</div>;
  else if (health.isError) body = <RecoveryScreen failure={{ database: 'unavailable', message: health.error.message, backups: [] }} />;
  else if (health.data.database !== 'ok') body = <RecoveryScreen failure={health.data} />;
  else
    body = (
      <AuthGate>
        <KioskOrShell />
      </AuthGate>
    );
  return (
    <Router hook={useHashLocation}>
      {body}
      <Toaster position="bottom-right" richColors closeButton />
    </Router>
  );
}
