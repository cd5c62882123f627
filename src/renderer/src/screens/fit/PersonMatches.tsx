import { useState } from 'react';
import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { CandidateExplanation } from './CandidateExplanation';
import { ADVISORY_NOTE, pct, ScoreBar } from './labels';

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
          <table className="table card-table fit-table">
            <caption className="sr-only">Open positions ranked</caption>
            <thead>
              <tr>
                <th>Position</th>
                <th>Vessel</th>
                <th>Score</th>
                <th className="num">Place among candidates</th>
                <th className="num">Predicted success</th>
              </tr>
            </thead>
            <tbody>
              {data.matches.map((m) => (
                <tr key={m.position.id} className={m.position.id === selected ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(m.position.id)}>
                      {m.position.title}
                    </button>
                  </td>
                  <td>{m.position.vessel}</td>
                  <td>
                    <ScoreBar value={m.candidate.score} label="FitScore" />
                  </td>
                  <td className="num">
                    {m.candidate.place ?? '—'} of {m.among}
                  </td>
                  <td className="num">{pct(m.candidate.prediction.probability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
