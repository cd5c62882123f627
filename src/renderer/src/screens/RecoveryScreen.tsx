import type { Output } from '../../../shared/api';
import { useState } from 'react';
import { words } from '../../../shared/words';
import { BackupList } from '../components/BackupList';

/** Shown instead of the app when the database did not open: says why and offers the backups. */
export function RecoveryScreen({ failure }: { failure: Output<'system.health'> }) {
  const [password, setPassword] = useState('');
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
      <p>The damaged database cannot check who you are: restoring asks for the password of an account of this computer's data (or the owner's recovery code).</p>
      <div className="field">
        <label htmlFor="recovery-password">{words.fields.password}</label>
        <input id="recovery-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
      </div>
      <BackupList backups={failure.backups} password={password} />
    </div>
  );
}
