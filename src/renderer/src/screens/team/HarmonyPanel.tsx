import type { TeamDynamics } from '../../../../shared/api';
import { ADVISORY_SHORT, fixed } from './labels';
import { words } from '../../../../shared/words';

/** The harmony index with every part: the figure, its sub-score, weight, contribution and the study behind it. */
export function HarmonyPanel({ data }: { data: TeamDynamics }) {
  const h = data.harmony;
  return (
    <section className="card" aria-labelledby="harmony-heading">
      <h2 id="harmony-heading">Harmony index</h2>
      {!h ? (
        <p className="muted">{data.harmonyNote ?? 'There is no harmony index for this group.'}</p>
      ) : (
        <>
          <p className="harmony-score">
            <strong>{h.score.toFixed(0)}</strong> <span className="muted">of 100</span> · <span className="badge info">{h.band}</span> <span className="muted">· model {h.version}</span>
          </p>
          <p className="muted">
            Each part compares this group with random crews of the same size drawn from the norm group: its sub-score is the share of such crews this one does better than on that
            figure (50 = typical). The index is the weighted sum of the sub-scores; the weights follow the size of each effect in the research. Read it in bands: together these parts
            predict team performance only modestly.
          </p>
          <table className="table compact">
            <caption className="sr-only">Parts of the harmony index</caption>
            <thead>
              <tr>
                <th>Part</th>
                <th>Figure (SD)</th>
                <th>Sub-score</th>
                <th>Weight</th>
                <th>Contribution</th>
                <th>Research</th>
              </tr>
            </thead>
            <tbody>
              {h.components.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.label}
                    <div className="muted">{c.why}</div>
                  </td>
                  <td>{fixed(c.value)}</td>
                  <td>{fixed(c.subScore, 0)}</td>
                  <td>{fixed(c.weight)}</td>
                  <td>{fixed(c.contribution, 1)}</td>
                  <td>
                    {c.source} <span className="muted">({words.evidenceLevels[c.evidence]})</span>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={4}>Index (sum of the contributions)</th>
                <th>{fixed(h.score, 1)}</th>
                <th />
              </tr>
            </tfoot>
          </table>
        </>
      )}
      <p className="muted">
        {ADVISORY_SHORT} Model {data.harmonyVersion}.
      </p>
    </section>
  );
}
