import { useState } from 'react';
import { toast } from 'sonner';
import { Link } from 'wouter';
import { type FitCandidate, type Input } from '../../../../shared/api';
import { PREDICTORS, SUB_SCORES, type Weights } from '../../../../shared/fit/model';
import { useMayCall } from '../../auth/session';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../format';
import { Delta, pct } from './labels';
import { words } from '../../../../shared/words';

/** Why a candidate scored what they did: every part with its weight and share, the reasons, and the prediction. */
export function CandidateExplanation({ candidate, weights, positionId, logId, preset, presetWeights }: { candidate: FitCandidate; weights: Weights; positionId: string; logId: string; preset: string; presetWeights?: Weights | undefined }) {
  const p = candidate.prediction;
  return (
    <section className="card" aria-labelledby="explanation-heading">
      <h2 id="explanation-heading">
        <Link href={`~/crew/${candidate.personId}`}>{candidate.name}</Link>: {pct(candidate.score)}
      </h2>
      <p className="muted">
        Confidence {pct(candidate.confidence)}
        {candidate.percentile !== null && ` · better than ${candidate.percentile.toFixed(0)}% of the candidates for this position`}
        {candidate.harmonyDelta !== null && (
          <>
            {' '}
            · crew harmony <Delta value={candidate.harmonyDelta} unit=" points" /> if they join
          </>
        )}
      </p>
      <table className="table compact">
        <caption className="sr-only">The parts of the score</caption>
        <thead>
          <tr>
            <th>Part</th>
            <th className="num">Score</th>
            <th className="num">Weight</th>
            <th className="num">Share of the score</th>
            <th className="num">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {SUB_SCORES.map((name) => {
            const part = candidate.parts.find((x) => x.name === name)!;
            return (
              <tr key={name}>
                <td>{words.subScores[name]}</td>
                <td className="num">{part.score === null ? 'not scored' : pct(part.score)}</td>
                <td className="num">{pct(weights[name])}</td>
                <td className="num">{pct(candidate.contributions[name], 1)}</td>
                <td className="num">{pct(part.confidence)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {candidate.strengths.length > 0 && (
        <>
          <h3>Strengths</h3>
          <ul className="reasons good">{candidate.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
        </>
      )}
      {candidate.gaps.length > 0 && (
        <>
          <h3>Gaps</h3>
          <ul className="reasons bad">{candidate.gaps.map((s) => <li key={s}>{s}</li>)}</ul>
        </>
      )}
      {candidate.confidenceNotes.length > 0 && (
        <>
          <h3>What lowers the confidence</h3>
          <ul className="reasons note">{candidate.confidenceNotes.map((s) => <li key={s}>{s}</li>)}</ul>
        </>
      )}
      <h3>Predicted success: {pct(p.probability)}</h3>
      <p className="muted">The chance of completing the contract and being rated well, from model {p.model}. Each part moves the odds from the base rate:</p>
      <table className="table compact">
        <caption className="sr-only">The parts of the prediction</caption>
        <tbody>
          {PREDICTORS.map((name) => (
            <tr key={name}>
              <td>{words.predictors[name]}</td>
              <td className="num">{p.factors[name] === null ? 'not known' : pct(p.factors[name])}</td>
              <td className="num">
                <Delta value={p.terms[name]} digits={2} /> <span className="muted">log-odds</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.notes.length > 0 && <ul className="reasons note">{p.notes.map((s) => <li key={s}>{s}</li>)}</ul>}
      <DecisionForm personId={candidate.personId} positionId={positionId} logId={logId} preset={preset} weights={presetWeights} />
    </section>
  );
}

function DecisionForm({ personId, positionId, logId, preset, weights }: { personId: string; positionId: string; logId: string; preset: string; weights?: Weights | undefined }) {
  const [decision, setDecision] = useState<Input<'fit.decide'>['decision']>('shortlisted');
  const [note, setNote] = useState('');
  const history = useApiQuery('fit.decisions', { personId, positionId });
  const mayDecide = useMayCall('fit.decide');
  const decide = useApiMutation('fit.decide', ['fit.decisions', 'fit.log'], {
    onSuccess: () => {
      toast.success('Decision recorded with its basis');
      setNote('');
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <div>
      <h3>Decision</h3>
      {mayDecide && (
        <form
          className="form-grid"
          onSubmit={(event) => {
            event.preventDefault();
            decide.mutate({ personId, positionId, decision, note, logId, preset, ...(weights ? { weights } : {}) });
          }}
        >
          <label className="field">
            <span>{words.fields.decision}</span>
            <select value={decision} onChange={(e) => setDecision(e.target.value as typeof decision)}>
              {Object.entries(words.decisions).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Why (the person may ask)</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Strong charter record; invite to interview" />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={decide.isPending || note.trim() === ''}>
              Record decision
            </button>
          </div>
        </form>
      )}
      {history.data && history.data.length > 0 && (
        <ul className="reasons note">
          {history.data.map((d) => (
            <li key={d.id}>
              {words.decisions[d.decision]} by {d.decidedBy}, {formatDateTime(d.createdAt)}: {d.note}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
