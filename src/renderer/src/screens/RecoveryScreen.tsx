import type { Output } from '../../../shared/api';
import { words } from '../../../shared/words';
import { BackupList } from '../components/BackupList';

/** Shown instead of the app when the database did not open: says why and offers the backups. */
export function RecoveryScreen({ failure }: { failure: Output<'system.health'> }) {
  return (
    <div className="recovery" role="alert">
      <h1>{words.databaseStates[failure.database]}</h1>
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
