import { toast } from 'sonner';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { words } from '../../../../shared/words';
import { formatDateTime } from '../../format';
import { clockWarning } from './clock';
import { ConflictList } from './ConflictList';
import { EnrolForm } from './EnrolForm';

const INTERVALS = [5, 15, 30, 60, 240];

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** The scans and photos still to travel, in words: "2 files to send, 1 file to fetch". */
function filesWaiting(waiting: { toUpload: number; toDownload: number }): string {
  const parts = [waiting.toUpload > 0 ? `${files(waiting.toUpload)} to send` : null, waiting.toDownload > 0 ? `${files(waiting.toDownload)} to fetch` : null].filter(Boolean);
  return parts.length === 0 ? 'all here and on the server' : parts.join(', ');
}

/** Settings → Sync: enrolment, last sync, what is pending (changes, scans and photos), progress, errors in words, Sync now, the interval, conflicts. */
export function SyncCard() {
  const status = useApiQuery('sync.status', {}, { refetchInterval: (query) => (query.state.data?.running ? 1000 : 15_000) });
  const syncNow = useApiMutation('sync.now', ['sync.'], {
    onSuccess: (after) => (after.lastError ? toast.error(after.lastError.message) : toast.success('Synced with the office server.')),
    onError: (error) => toast.error(error.message),
  });
  const changeInterval = useApiMutation('sync.setInterval', ['sync.']);
  const s = status.data;
  if (!s) return null;
  const clock = clockWarning(s.clockOffsetMs);
  return (
    <div className="card" aria-label="Sync">
      <div className="card-header">
        <h2>Sync</h2>
        {s.enrolled && (
          <button type="button" className="primary" onClick={() => syncNow.mutate({})} disabled={syncNow.isPending || s.running}>
            {syncNow.isPending || s.running ? 'Syncing…' : 'Sync now'}
          </button>
        )}
      </div>
      {!s.enrolled ? (
        <>
          <p className="muted">This computer works on its own. To share the fleet's records with the office and other computers, enrol it with the office's sync server.</p>
          <EnrolForm serverUrl={s.serverUrl} />
        </>
      ) : (
        <dl className="facts">
          <dt>Server</dt>
          <dd>
            <code>{s.serverUrl}</code>
          </dd>
          <dt>Last sync</dt>
          <dd data-testid="sync-last">{s.lastSyncAt ? formatDateTime(s.lastSyncAt) : 'not yet'}</dd>
          <dt>Waiting to be sent</dt>
          <dd data-testid="sync-pending">{s.pending === 0 ? 'nothing' : `${s.pending} changed fields`}</dd>
          <dt>Scans and photos</dt>
          <dd data-testid="sync-files">{filesWaiting(s.attachments)}</dd>
          {s.progress && (
            <>
              <dt>In progress</dt>
              <dd>
                {s.progress.done} {words.syncPhases[s.progress.phase]}
              </dd>
            </>
          )}
          <dt>Sync every</dt>
          <dd>
            <select aria-label="Sync every" value={s.intervalMinutes} onChange={(e) => changeInterval.mutate({ minutes: Number(e.target.value) })}>
              {[...new Set([...INTERVALS, s.intervalMinutes])].sort((a, b) => a - b).map((m) => (
                <option key={m} value={m}>
                  {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`}
                </option>
              ))}
            </select>{' '}
            <span className="muted">while the server can be reached</span>
          </dd>
        </dl>
      )}
      {s.lastError && (
        <p className="field-error" role="alert">
          {s.lastError.message}
        </p>
      )}
      {clock && <p className="field-error">{clock}</p>}
      {s.attachments.problem && <p className="field-error">{s.attachments.problem}</p>}
      {s.enrolled && s.lastError?.code === 'DEVICE_REVOKED' && <EnrolForm serverUrl={s.serverUrl} />}
      {s.enrolled && (
        <>
          <h3>Overwritten edits{s.openConflicts > 0 ? ` (${s.openConflicts})` : ''}</h3>
          <p className="muted">When two computers changed the same field of someone's profile or certificate, the later edit is kept everywhere; the one it replaced is listed here and can be put back.</p>
          <ConflictList />
        </>
      )}
    </div>
  );
}
