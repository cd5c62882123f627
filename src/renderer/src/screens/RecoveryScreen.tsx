import type { Output } from '../../../shared/api';
import { BackupList } from '../components/BackupList';

const titles = {
  locked: 'The database is locked',
  corrupt: 'The database file is damaged',
  unavailable: 'The database could not be opened',
  ok: '',
} as const;

/** Shown instead of the app when the database did not open: says why and offers the backups. */
export function RecoveryScreen({ failure }: { failure: Output<'system.health'> }) {
  return (
    <div className="recovery" role="alert">
      <h1>{titles[failure.database]}</h1>
      <p>{failure.message}</p>
      {failure.database === 'locked' ? (
        <p>Another program (or another copy of Harmony Crew) is using the file. Close it, then reload.</p>
      ) : (
        <p>Nothing has been changed. You can restore the most recent backup below.</p>
      )}
      <button type="button" onClick={() => window.location.reload()}>
        Try again
      </button>
      <h2>Backups</h2>
      <BackupList backups={failure.backups} />
    </div>
  );
}
