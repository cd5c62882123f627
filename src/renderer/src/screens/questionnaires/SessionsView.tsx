import { useState } from 'react';
import { progressStates, type Output } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDate } from '../../format';
import { PROGRESS_BADGE } from './labels';
import { languageName } from '../../../../shared/domain/languages';
import { SessionActions } from './SessionActions';
import { StartSessionDialog } from './StartSessionDialog';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

type Session = Output<'sessions.list'>[number];

const who = (s: Session) => s.personName ?? (s.anonymous ? 'Anyone aboard (anonymous)' : '—');

/** Where a session stands: its state, how far, paused, due. */
function progressCell(s: Session) {
  return (
    <>
      <span className={`badge ${PROGRESS_BADGE[s.progress]}`}>{words.progressStates[s.progress]}</span>{' '}
      <span className="muted">
        {s.answered} of {s.items}
        {s.status === 'paused' ? ` · paused${s.pauses > 1 ? ` ${s.pauses} times` : ''}` : ''}
        {s.dueOn ? ` · due ${formatDate(s.dueOn)}` : ''}
      </span>
    </>
  );
}

const SESSION_COLUMNS: Array<Column<Session>> = [
  { id: 'person', header: 'Person', sortBy: who, cell: who },
  {
    id: 'questionnaire',
    header: 'Questionnaire',
    sortBy: (s) => s.instrumentName,
    cell: (s) => (
      <>
        {s.instrumentName}
        <span className="muted"> · {words.sessionKinds[s.kind]}</span>
      </>
    ),
  },
  { id: 'how', header: 'How', sortBy: (s) => words.sessionModes[s.mode], cell: (s) => words.sessionModes[s.mode] },
  { id: 'language', header: 'Language', sortBy: (s) => languageName(s.language), cell: (s) => languageName(s.language) },
  { id: 'progress', header: 'Where they are', sortBy: (s) => progressStates.indexOf(s.progress) * 10_000 + s.answered, cell: progressCell },
  { id: 'started', header: 'Started', sortBy: (s) => s.createdAt, cell: (s) => formatDate(s.createdAt.slice(0, 10)) },
  { id: 'next', header: 'Next', className: 'actions', cell: (s) => <SessionActions session={s} /> },
];

/** Questionnaires started here: who, what, how far, and what to do next with each. */
export function SessionsView() {
  const sessions = useApiQuery('sessions.list', { limit: 200 });
  const [starting, setStarting] = useState<'kiosk' | 'remote' | null>(null);
  const rows = sessions.data ?? [];
  return (
    <>
      <Can need="assessments.write">
        <div className="filters">
          <button type="button" className="primary" onClick={() => setStarting('kiosk')}>
            Start in the kiosk…
          </button>
          <button type="button" onClick={() => setStarting('remote')}>
            Invite by file…
          </button>
        </div>
      </Can>
      {sessions.isError && <p className="notice bad">{sessions.error.message}</p>}
      {sessions.isSuccess && rows.length === 0 && (
        <div className="empty card">
          <h2>No questionnaires yet</h2>
          <p>Start one in the kiosk on this laptop, or send a candidate an invitation file that works offline in any browser.</p>
        </div>
      )}
      {rows.length > 0 && (
        <SortableTable rows={rows} columns={SESSION_COLUMNS} rowKey={(s) => s.id} caption="Questionnaires" className="table card-table" />
      )}
      {starting && <StartSessionDialog mode={starting} onClose={() => setStarting(null)} />}
    </>
  );
}
