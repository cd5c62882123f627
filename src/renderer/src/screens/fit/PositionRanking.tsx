import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import { todayIsoDate } from '../../../../shared/domain/dates';
import type { Output } from '../../../../shared/api';
import { call } from '../../api/client';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useApiQuery } from '../../api/hooks';
import { downloadText } from '../../files';
import { formatDate } from '../../format';
import { useWhatIfDraft } from '../../state/ui';
import { CandidateExplanation } from './CandidateExplanation';
import { ADVISORY_NOTE, pct, ScoreBar } from './labels';
import { WeightsEditor } from './WeightsEditor';
import type { Weights } from '../../../../shared/fit/model';

type Candidate = Output<'fit.rank'>['candidates'][number];

/** The ranking's columns; the place is the rank by score, so sorting by it gives the ranking back. */
function candidateColumns(selected: string | null, select: (personId: string) => void): Array<Column<Candidate>> {
  return [
    { id: 'place', header: '#', className: 'num', sortBy: (c) => c.place, cell: (c) => c.place },
    {
      id: 'name',
      header: 'Name',
      sortBy: (c) => c.name,
      cell: (c) => (
        <button type="button" className="link" onClick={() => select(c.personId)} aria-pressed={c.personId === selected}>
          {c.name}
        </button>
      ),
    },
    { id: 'score', header: 'Score', sortBy: (c) => c.score, cell: (c) => <ScoreBar value={c.score} label="FitScore" /> },
    { id: 'confidence', header: 'Confidence', className: 'num', sortBy: (c) => c.confidence, cell: (c) => pct(c.confidence) },
    { id: 'percentile', header: 'Percentile', className: 'num', sortBy: (c) => c.percentile, cell: (c) => (c.percentile === null ? '—' : c.percentile.toFixed(0)) },
    { id: 'success', header: 'Predicted success', className: 'num', sortBy: (c) => c.prediction.probability, cell: (c) => pct(c.prediction.probability) },
    { id: 'gap', header: 'First gap', className: 'muted', cell: (c) => c.gaps[0] ?? '—' },
  ];
}

/** Candidates for one position ranked by FitScore, each with its reasons; one opens its full explanation. */
export function PositionRanking({ positionId }: { positionId: string }) {
  const [, navigate] = useLocation();
  const [preset, setPreset] = useState('balanced');
  const [threshold, setThreshold] = useState(0);
  const [limit, setLimit] = useState(25);
  const [startDate, setStartDate] = useState(todayIsoDate());
  const [selected, setSelected] = useState<string | null>(null);
  const [custom, setCustom] = useState<Weights | undefined>(undefined);
  const settings = useApiQuery('fit.settings', {});
  const setDraft = useWhatIfDraft((s) => s.set);
  const input = { positionId, preset, threshold, limit, startDate, ...(custom ? { weights: custom } : {}) };
  const ranking = useApiQuery('fit.rank', input, { placeholderData: keepPreviousData, refetchOnWindowFocus: false, retry: false });
  const data = ranking.data;
  const chosen = data?.candidates.find((c) => c.personId === selected) ?? null;
  const presetLabel = (name: string) => (name === 'custom' ? 'your own' : (settings.data?.presets.find((p) => p.name === name)?.label ?? name));

  async function exportRanking() {
    try {
      const exported = await call('fit.rank', { ...input, channel: 'export' });
      downloadText(`candidates-${exported.position.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${exported.position.startDate}.json`, JSON.stringify(exported, null, 2), 'application/json');
      toast.success(`Exported ${exported.candidates.length} candidates (logged)`);
    } catch (error) {
      toast.error((error as Error).message);
    }
  }

  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Recruitment
          </Link>
          <h1>{data ? `Candidates: ${data.position.title}, ${data.position.vessel}` : 'Candidates'}</h1>
          {data && (
            <p className="muted">
              <Link href={`~/vessels/${data.position.vesselId}`}>Vessel details</Link> · start {formatDate(data.position.startDate)}, first tour to {formatDate(data.position.tourEnd)} · {data.position.profile}
              {data.position.head ? ` · reports to ${data.position.head}` : ''} · prediction model {data.model.version}
              {data.model.shipped ? ' (research defaults, no local outcomes yet)' : ` (fitted to ${data.model.n} outcomes)`}
            </p>
          )}
        </div>
        <button type="button" onClick={() => void exportRanking()} disabled={!data}>
          Export ranking
        </button>
      </header>
      <p className="notice" role="note">
        {ADVISORY_NOTE}
      </p>
      <div className="card filters" role="group" aria-label="Ranking settings">
        <label className="field">
          <span>Weights</span>
          <select
            aria-label="Weights"
            value={preset}
            onChange={(e) => {
              setPreset(e.target.value);
              setCustom(undefined);
            }}
          >
            {(settings.data?.presets ?? [{ name: 'balanced', label: 'Balanced' }]).map((p) => (
              <option key={p.name} value={p.name}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Lowest score shown (%)</span>
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={Math.round(threshold * 100)}
            onChange={(e) => setThreshold(Math.min(100, Math.max(0, Number(e.target.value) || 0)) / 100)}
          />
        </label>
        <label className="field">
          <span>How many</span>
          <input type="number" min={1} max={500} value={limit} onChange={(e) => setLimit(Math.max(1, Number(e.target.value) || 1))} />
        </label>
        <label className="field">
          <span>Planned start</span>
          <input type="date" value={startDate} onChange={(e) => e.target.value && setStartDate(e.target.value)} />
        </label>
      </div>
      {data && <WeightsEditor key={data.preset} initial={data.weights} onUse={setCustom} />}
      {ranking.isPending && <p className="muted">Scoring every candidate…</p>}
      {ranking.isError && <p className="notice bad">{ranking.error.message}</p>}
      {data && data.considered === 0 && (
        <div className="empty card">
          <h2>Nobody to rank yet</h2>
          <p>
            Candidates are the people on record who do not hold this position. Add people under <Link href="~/crew">Crew</Link>, or load the sample fleet.
          </p>
        </div>
      )}
      {data && data.considered > 0 && data.candidates.length === 0 && (
        <div className="empty card">
          <h2>No candidate reaches {pct(threshold)}</h2>
          <p>Lower the lowest score shown, or choose other weights.</p>
        </div>
      )}
      {data && data.candidates.length > 0 && (
        <div className="fit-layout">
          <div className="card">
            <p className="muted">
              {data.candidates.length} of {data.considered} candidates shown ({data.scored} scored). Weights: {presetLabel(data.preset)}.
            </p>
            <SortableTable
              rows={data.candidates}
              columns={candidateColumns(selected, setSelected)}
              rowKey={(c) => c.personId}
              caption="Candidates ranked by score"
              className="table compact fit-table"
              rowClassName={(c) => (c.personId === selected ? 'selected' : undefined)}
            />
          </div>
          <div>
            {chosen ? (
              <>
                <CandidateExplanation candidate={chosen} weights={data.weights} positionId={positionId} logId={data.logId} preset={preset} presetWeights={custom} />
                <div className="form-actions">
                  <button
                    type="button"
                    onClick={() => {
                      setDraft(data.position.vesselId, [{ personId: chosen.personId, name: chosen.name, positionId, positionTitle: data.position.title }], []);
                      navigate(`/whatif/${data.position.vesselId}`);
                    }}
                  >
                    Try in what-if
                  </button>
                </div>
              </>
            ) : (
              <div className="empty card">
                <p>Choose a candidate to see why they scored what they did.</p>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
