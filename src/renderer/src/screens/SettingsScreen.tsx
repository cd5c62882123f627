import { toast } from 'sonner';
import { transportName } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { AccountCard } from '../auth/AccountCard';
import { useCan } from '../auth/session';
import { BackupList } from '../components/BackupList';
import { SyncCard } from '../components/sync/SyncCard';

/** Settings: one's own account for everyone; sync and backups for owners and administrators. */
export function SettingsScreen() {
  const manages = useCan('installation.manage');
  const info = useApiQuery('system.info', {});
  return (
    <section className="page">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <AccountCard />
      <div className="card">
        <h2>This installation</h2>
        {info.data && (
          <dl className="facts">
            <dt>Version</dt>
            <dd>{info.data.appVersion}</dd>
            <dt>Data folder</dt>
            <dd>
              <code>{info.data.dataDir}</code>
            </dd>
            <dt>Database</dt>
            <dd>
              <code>{info.data.databaseFile}</code> · format version {info.data.migrationsApplied}
            </dd>
            <dt>Connected through</dt>
            <dd>{transportName === 'ipc' ? 'desktop app (IPC)' : 'browser preview (HTTP on this computer)'}</dd>
          </dl>
        )}
      </div>
      {manages && <InstallationCards backupsDir={info.data?.backupsDir} />}
    </section>
  );
}

function InstallationCards({ backupsDir }: { backupsDir: string | undefined }) {
  const backups = useApiQuery('backups.list', {});
  const backupNow = useApiMutation('backups.create', ['backups.'], {
    onSuccess: () => toast.success('Backup saved in the backups folder.'),
    onError: (error) => toast.error(error.message),
  });
  return (
    <>
      <SyncCard />
      <div className="card">
        <div className="card-header">
          <h2>Backups</h2>
          <button type="button" className="primary" onClick={() => backupNow.mutate({})} disabled={backupNow.isPending}>
            {backupNow.isPending ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
        <p className="muted">
          A backup is also taken automatically before every database upgrade and before a restore. Backups are kept in{' '}
          <code>{backupsDir ?? 'the backups folder'}</code>.
        </p>
        {backups.data && <BackupList backups={backups.data} />}
      </div>
    </>
  );
}
