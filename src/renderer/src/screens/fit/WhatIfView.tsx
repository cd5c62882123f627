import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { todayIsoDate } from '../../../../shared/domain/dates';
import { words } from '../../../../shared/words';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { useDebounced } from '../crew/useDebounced';
import { useWhatIfDraft, type WhatIfChange } from '../../state/ui';
import { ADVISORY_NOTE, Delta, pct } from './labels';
import { SwapsPanel } from './SwapsPanel';

/** Try crew changes before making them: take people out, put others in, and see every figure before and after. */
export function WhatIfView({ vesselId }: { vesselId: string }) {
  const draft = useWhatIfDraft();
  const fromDraft = draft.vesselId === vesselId;
  const [asOf] = useState(todayIsoDate());
  const [remove, setRemove] = useState<string[]>(fromDraft ? draft.remove : []);
  const [add, setAdd] = useState<WhatIfChange[]>(fromDraft ? draft.add : []);
  const vessel = useApiQuery('vessels.get', { id: vesselId, asOf });
  const result = useApiQuery('fit.whatIf', { vesselId, asOf, remove, add: add.map(({ personId, positionId }) => ({ personId, positionId })) }, { placeholderData: keepPreviousData, refetchOnWindowFocus: false, retry: false });
  const data = result.data;
  const changed = remove.length + add.length > 0;
  const toggle = (id: string) => setRemove((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Recruitment
          </Link>
          <h1>{vessel.data ? `What-if: ${vessel.data.vessel.name}` : 'What-if'}</h1>
          <p className="muted">
            The crew in post on {formatDate(asOf)}. Take people out, put candidates in, and compare with the crew as it is. Nothing is changed until you assign people under Crew.
          </p>
        </div>
        <button type="button" disabled={!changed} onClick={() => { setRemove([]); setAdd([]); }}>
          Back to the crew as it is
        </button>
      </header>
      <p className="notice" role="note">
        {ADVISORY_NOTE}
      </p>
      <div className="fit-layout">
        <div className="card">
          <h2>Crew</h2>
          {vessel.data && vessel.data.currentCrew.length === 0 && <p className="muted">Nobody is in post on this vessel today. Put candidates in below, or assign crew under Crew.</p>}
          <table className="table compact">
            <caption className="sr-only">Crew in post</caption>
            <tbody>
              {vessel.data?.currentCrew.map((m) => (
                <tr key={m.assignmentId}>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={remove.includes(m.personId)} onChange={() => toggle(m.personId)} /> Take out
                    </label>
                  </td>
                  <td className={remove.includes(m.personId) ? 'muted' : undefined}>
                    {m.givenNames} {m.surname}
                  </td>
                  <td className="muted">{m.positionTitle}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <AddPerson positions={(vessel.data?.positions ?? []).filter((p) => p.archivedAt === null)} onAdd={(change) => setAdd((list) => [...list.filter((c) => c.personId !== change.personId), change])} />
          {add.length > 0 && (
            <ul className="reasons good">
              {add.map((c) => (
                <li key={c.personId}>
                  {c.name} as {c.positionTitle}{' '}
                  <button type="button" className="link" onClick={() => setAdd((list) => list.filter((x) => x.personId !== c.personId))} aria-label={`Do not add ${c.name}`}>
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          {result.isError && <p className="notice bad">{result.error.message}</p>}
          {data && (
            <section className={`card${result.isPlaceholderData ? ' stale' : ''}`} aria-labelledby="whatif-heading" aria-busy={result.isFetching}>
              <h2 id="whatif-heading">Today and after the changes</h2>
              <table className="table compact fit-table">
                <caption className="sr-only">Team figures before and after</caption>
                <thead>
                  <tr>
                    <th>Figure</th>
                    <th className="num">Today</th>
                    <th className="num">After</th>
                    <th className="num">Change</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Harmony index</th>
                    <td className="num">{data.harmony.before?.toFixed(1) ?? '—'}</td>
                    <td className="num">{data.harmony.after?.toFixed(1) ?? '—'}</td>
                    <td className="num" data-testid="harmony-delta">
                      <Delta value={data.harmony.delta} />
                    </td>
                  </tr>
                  {data.components.map((c) => (
                    <tr key={c.id}>
                      <td className="muted">{c.label}</td>
                      <td className="num">{c.before?.toFixed(0) ?? '—'}</td>
                      <td className="num">{c.after?.toFixed(0) ?? '—'}</td>
                      <td className="num">
                        <Delta value={c.before !== null && c.after !== null ? c.after - c.before : null} digits={0} />
                      </td>
                    </tr>
                  ))}
                  {data.scales.map((s) => (
                    <tr key={s.id}>
                      <td>{s.name}: crew average (SD from the norm)</td>
                      <td className="num">{s.before.mean?.toFixed(2) ?? '—'}</td>
                      <td className="num">{s.after.mean?.toFixed(2) ?? '—'}</td>
                      <td className="num">
                        <Delta value={s.before.mean !== null && s.after.mean !== null ? s.after.mean - s.before.mean : null} digits={2} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {(data.harmony.noteBefore || data.harmony.noteAfter) && <p className="muted">{data.harmony.noteAfter ?? data.harmony.noteBefore}</p>}
              <h3>People</h3>
              <table className="table compact fit-table">
                <caption className="sr-only">FitScore and predicted success of each person in their post, before and after</caption>
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Post</th>
                    <th className="num">FitScore today → after</th>
                    <th className="num">Predicted success today → after</th>
                  </tr>
                </thead>
                <tbody>
                  {data.people.map((p) => (
                    <tr key={p.personId}>
                      <td>
                        {p.name} {p.change !== 'stays' && <span className={`badge ${p.change === 'joins' ? 'ok' : 'bad'}`}>{words.crewChanges[p.change]}</span>}
                      </td>
                      <td className="muted">{p.positionTitle}</td>
                      <td className="num">
                        {pct(p.fitBefore)} → {pct(p.fitAfter)}
                      </td>
                      <td className="num">
                        {pct(p.successBefore)} → {pct(p.successAfter)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {(data.insights.added.length > 0 || data.insights.resolved.length > 0) && (
                <>
                  <h3>Diagnosis</h3>
                  <ul className="reasons bad">{data.insights.added.map((m) => <li key={m}>New: {m}</li>)}</ul>
                  <ul className="reasons good">{data.insights.resolved.map((m) => <li key={m}>Resolved: {m}</li>)}</ul>
                </>
              )}
            </section>
          )}
        </div>
      </div>
      <SwapsPanel
        vesselId={vesselId}
        asOf={asOf}
        onTry={(s) => {
          const post = vessel.data?.currentCrew.find((m) => m.personId === s.memberId);
          setRemove([s.memberId]);
          setAdd(post ? [{ personId: s.candidateId, name: s.candidateName, positionId: post.positionId, positionTitle: post.positionTitle }] : []);
          window.scrollTo({ top: 0 });
        }}
      />
    </section>
  );
}

function AddPerson({ positions, onAdd }: { positions: Array<{ id: string; title: string }>; onAdd(change: WhatIfChange): void }) {
  const [search, setSearch] = useState('');
  const [positionId, setPositionId] = useState('');
  const term = useDebounced(search, 200);
  const people = useApiQuery('people.list', { search: term, limit: 8 }, { enabled: term.trim().length > 1 });
  const position = positions.find((p) => p.id === positionId) ?? positions[0];
  return (
    <div>
      <h3>Put someone in</h3>
      <div className="form-grid">
        <label className="field">
          <span>Position</span>
          <select value={position?.id ?? ''} onChange={(e) => setPositionId(e.target.value)}>
            {positions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Person</span>
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Type a name" />
        </label>
      </div>
      {people.data && position && (
        <ul className="reasons note">
          {people.data.rows.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" onClick={() => onAdd({ personId: p.id, name: `${p.givenNames} ${p.surname}`, positionId: position.id, positionTitle: position.title })}>
                Add {p.givenNames} {p.surname} as {position.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
