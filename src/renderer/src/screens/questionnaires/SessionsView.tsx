import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { KIND_LABELS, MODE_LABELS, PROGRESS_BADGE, PROGRESS_LABELS } from './labels';
import { languageName } from '../../../../shared/domain/languages';
import { SessionActions } from './SessionActions';
import { StartSessionDialog } from './StartSessionDialog';

/** Questionnaires started here: who, what, how far, and what to do next with each. */
export function SessionsView() {
  const sessions = useApiQuery('sessions.list', { limit: 200 });
  const [starting, setStarting] = useState<'kiosk' | 'remote' | null>(null);
  const rows = sessions.data ?? [];
  return (
    <>
      <div className="filters">
        <button type="button" className="primary" onClick={() => setStarting('kiosk')}>
          Start in the kiosk…
        </button>
        <button type="button" onClick={() => setStarting('remote')}>
          Invite by file…
        </button>
      </div>
      {sessions.isError && <p className="notice bad">{sessions.error.message}</p>}
      {sessions.isSuccess && rows.length === 0 && (
        <div className="empty card">
          <h2>No questionnaires yet</h2>
          <p>Start one in the kiosk on this laptop, or send a candidate an invitation file that works offline in any browser.</p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="table card-table">
          <caption className="sr-only">Questionnaires</caption>
          <thead>
            <tr>
              <th>Person</th>
              <th>Questionnaire</th>
              <th>How</th>
              <th>Language</th>
              <th>Where they are</th>
              <th>Started</th>
              <th className="actions">Next</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>{s.personName ?? (s.anonymous ? 'Anyone aboard (anonymous)' : '—')}</td>
                <td>
                  {s.instrumentName}
                  <span className="muted"> · {KIND_LABELS[s.kind]}</span>
                </td>
                <td>{MODE_LABELS[s.mode]}</td>
                <td>{languageName(s.language)}</td>
                <td>
                  <span className={`badge ${PROGRESS_BADGE[s.progress]}`}>{PROGRESS_LABELS[s.progress]}</span>{' '}
                  <span className="muted">
                    {s.answered} of {s.items}
                    {s.status === 'paused' ? ` · paused${s.pauses > 1 ? ` ${s.pauses} times` : ''}` : ''}
                    {s.dueOn ? ` · due ${formatDate(s.dueOn)}` : ''}
                  </span>
                </td>
                <td>{formatDate(s.createdAt.slice(0, 10))}</td>
                <td className="actions">
                  <SessionActions session={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {starting && <StartSessionDialog mode={starting} onClose={() => setStarting(null)} />}
    </>
  );
}
