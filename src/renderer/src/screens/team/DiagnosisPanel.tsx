import type { TeamInsight } from '../../../../shared/api';
import { confidence, fixed, SEVERITY_BADGE } from './labels';
import { words } from '../../../../shared/words';

/** The diagnosis: each insight with the figure, the threshold that triggered it, the research, advice and confidence. */
export function DiagnosisPanel({ insights }: { insights: TeamInsight[] }) {
  return (
    <section className="card" aria-labelledby="diagnosis-heading">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      {insights.length === 0 ? (
        <p className="muted">Nothing in these figures crosses a threshold worth a word. That is not a verdict on the crew: it only means the mix looks like most crews.</p>
      ) : (
        <ul className="insights" aria-label="Insights">
          {insights.map((i) => (
            <li key={i.id}>
              <p>
                <span className={`badge ${SEVERITY_BADGE[i.severity]}`}>{words.insightSeverities[i.severity]}</span> {i.message}
              </p>
              {i.advice && <p className="advice">{i.advice}</p>}
              <details>
                <summary>Why this shows</summary>
                <dl className="facts">
                  <dt>Figure</dt>
                  <dd>
                    {i.evidence.figure}
                    {i.evidence.value !== null && `: ${fixed(i.evidence.value)}`}
                  </dd>
                  {i.evidence.threshold !== null && (
                    <>
                      <dt>Threshold</dt>
                      <dd>{fixed(i.evidence.threshold)}</dd>
                    </>
                  )}
                  {i.evidence.research && (
                    <>
                      <dt>Research</dt>
                      <dd>{i.evidence.research}</dd>
                    </>
                  )}
                </dl>
                <p className="muted">{confidence(i.evidence)}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
