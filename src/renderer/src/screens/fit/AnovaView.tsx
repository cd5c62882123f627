import { useState } from 'react';
import { ANOVA_GROUPINGS } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { useApiQuery } from '../../api/hooks';
import { EnumOptions } from '../../forms/form-helpers';

/** Do the fleet's trait profiles differ between departments or positions? One ANOVA per domain. */
export function AnovaView() {
  const [by, setBy] = useState<(typeof ANOVA_GROUPINGS)[number]>('department');
  const anova = useApiQuery('fit.anova', { by });
  const data = anova.data;
  return (
    <div className="card">
      <div className="card-header">
        <h2>Fleet profiles</h2>
        <label className="field">
          <span>Compare</span>
          <select value={by} onChange={(e) => setBy(e.target.value as (typeof ANOVA_GROUPINGS)[number])}>
            <EnumOptions values={ANOVA_GROUPINGS} labels={words.anovaGroupings} />
          </select>
        </label>
      </div>
      <p className="muted">
        Crew in post today with a questionnaire taken in post ({data?.people ?? '…'} people). A small p (below 0.05) says the groups differ on that trait more than chance would make them; η² is the share
        of the differences between people that the grouping accounts for.
      </p>
      {data?.domains.map((d) => (
        <section key={d.id}>
          <h3>{d.name}</h3>
          {d.result ? (
            <>
              <p>
                F({d.result.dfBetween}, {d.result.dfWithin}) = {d.result.f.toFixed(2)}, p = {d.result.p < 0.001 ? '< 0.001' : d.result.p.toFixed(3)}, η² = {d.result.etaSquared.toFixed(2)}
              </p>
              <table className="table compact">
                <caption className="sr-only">{d.name} by group</caption>
                <tbody>
                  {d.result.groups.map((g) => (
                    <tr key={g.label}>
                      <td>{g.label}</td>
                      <td className="num">n = {g.n}</td>
                      <td className="num">mean {g.mean.toFixed(2)}</td>
                      <td className="num">SD {g.sd === null ? '—' : g.sd.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="muted">{d.reason}</p>
          )}
        </section>
      ))}
    </div>
  );
}
