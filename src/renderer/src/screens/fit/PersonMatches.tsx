import { useState } from 'react';
import { Link } from 'wouter';
import type { Output } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { CandidateExplanation } from './CandidateExplanation';
import { ADVISORY_NOTE, pct, ScoreBar } from './labels';

type Match = Output<'fit.matches'>['matches'][number];

function matchColumns(select: (positionId: string) => void): Array<Column<Match>> {
  return [
    {
      id: 'position',
      header: 'Position',
      sortBy: (m) => m.position.title,
      cell: (m) => (
        <button type="button" className="link" onClick={() => select(m.position.id)}>
          {m.position.title}
        </button>
      ),
    },
    { id: 'vessel', header: 'Vessel', sortBy: (m) => m.position.vessel, cell: (m) => m.position.vessel },
    { id: 'score', header: 'Score', sortBy: (m) => m.candidate.score, cell: (m) => <ScoreBar value={m.candidate.score} label="FitScore" /> },
    { id: 'place', header: 'Place among candidates', className: 'num', sortBy: (m) => m.candidate.place, cell: (m) => `${m.candidate.place ?? '—'} of ${m.among}` },
    { id: 'success', header: 'Predicted success', className: 'num', sortBy: (m) => m.candidate.prediction.probability, cell: (m) => pct(m.candidate.prediction.probability) },
  ];
}

/** Reverse matching: the open positions across the fleet ranked for one person, each explained. */
export function PersonMatches({ personId }: { personId: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  const matches = useApiQuery('fit.matches', { personId }, { refetchOnWindowFocus: false, retry: false });
  const data = matches.data;
  const chosen = data?.matches.find((m) => m.position.id === selected) ?? null;
  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Recruitment
          </Link>
          <h1>{data ? `Open positions for ${data.person.name}` : 'Open positions'}</h1>
          <p className="muted">
            <Link href={`~/crew/${personId}`}>Profile</Link> · each open position across the fleet, ranked by how this person fits it
          </p>
        </div>
      </header>
      <p className="notice" role="note">
        {ADVISORY_NOTE}
      </p>
      {matches.isPending && <p className="muted">Scoring the open positions…</p>}
      {matches.isError && <p className="notice bad">{matches.error.message}</p>}
      {data && data.matches.length === 0 && (
        <div className="empty card">
          <h2>No open position</h2>
          <p>Every berth of the fleet is filled today. Positions with a vacancy appear here.</p>
        </div>
      )}
      {data && data.matches.length > 0 && (
        <div className="fit-layout">
          <SortableTable
            rows={data.matches}
            columns={matchColumns(setSelected)}
            rowKey={(m) => m.position.id}
            caption="Open positions ranked"
            className="table card-table fit-table"
            rowClassName={(m) => (m.position.id === selected ? 'selected' : undefined)}
          />
          <div>
            {chosen ? (
              <CandidateExplanation candidate={chosen.candidate} weights={data.weights} positionId={chosen.position.id} logId={data.logId} preset={data.preset} />
            ) : (
              <div className="empty card">
                <p>Choose a position to see why they fit it or not.</p>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
