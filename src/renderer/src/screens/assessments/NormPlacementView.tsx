import { useState } from 'react';
import { Link } from 'wouter';
import type { NormOption, ResultDetail } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { fixed, normOptionLabel } from './labels';
import { TScoreChart } from './TScoreChart';
import { words } from '../../../../shared/words';

const keyOf = (option: NormOption) => JSON.stringify(option.ref);

const optionLabel = (o: NormOption): string => `${normOptionLabel(o)}${o.sameFor ? '' : ' · another population'}`;

function initialChoice(result: ResultDetail, options: NormOption[]): string | null {
  const stored = result.normRef && options.find((o) => keyOf(o) === JSON.stringify(result.normRef));
  const best = stored ?? options.find((o) => o.sameFor && o.sufficient) ?? options.find((o) => o.sameFor) ?? options[0];
  return best ? keyOf(best) : null;
}

/**
 * The result against a chosen norm: imported tables or local groups, each with its population spelled out.
 * Another population's norms are used only when the person ticks the box, and the figures then say "mixed"
 * (docs/psychometrics.md#2-scale-scores-and-norms); a local group below the minimum size shows why there are no
 * percentiles instead of figures. The figures of invalid answers are greyed (`greyed` says why).
 */
export function NormPlacementView({ result, greyed = null }: { result: ResultDetail; greyed?: string | null }) {
  const options = useApiQuery('assessments.normOptions', { id: result.id });
  const [chosen, setChosen] = useState<string | null>(null);
  const [allowMixing, setAllowMixing] = useState(false);
  const list = options.data ?? [];
  const selectedKey = chosen ?? initialChoice(result, list);
  const selected = list.find((o) => keyOf(o) === selectedKey) ?? null;
  const placement = useApiQuery('assessments.place', { id: result.id, norm: selected?.ref ?? { kind: 'table', id: '-' }, allowMixing }, { enabled: selected !== null });

  if (options.isPending) return <p className="muted">Loading norms…</p>;
  if (list.length === 0)
    return (
      <p className="notice">
        There is nothing to compare this result with yet. Import a norm table under <Link href="/norms">Norms</Link>, or store more results of {words.populations[result.context]} for a local group.
      </p>
    );
  const p = placement.data;
  const pale = greyed ? 'greyed' : undefined;
  return (
    <div>
      <div className="filters">
        <label htmlFor="norm-choice">Compare with</label>
        <select
          id="norm-choice"
          value={selectedKey ?? ''}
          onChange={(e) => {
            setChosen(e.target.value);
            setAllowMixing(false);
          }}
        >
          {list.map((o) => (
            <option key={keyOf(o)} value={keyOf(o)}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      </div>
      {selected && (
        <p className="muted">
          {words.normOrigins[selected.norm.origin]} describing <strong>{words.populations[selected.norm.population]}</strong> · {selected.norm.source}
        </p>
      )}
      {selected && !selected.sameFor && (
        <label className="check">
          <input type="checkbox" checked={allowMixing} onChange={(e) => setAllowMixing(e.target.checked)} />
          Compare this result of {words.populations[result.context]} with norms of {words.populations[selected.norm.population]} anyway (the figures will be marked as mixed)
        </label>
      )}
      {placement.isError && <p className="notice bad">{placement.error.message}</p>}
      {p && p.status !== 'placed' && (
        <div className="notice warn" role="status">
          {p.messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {p.status === 'belowMinimum' && <p>Choose a larger group, or lower the minimum under Validity rules if you accept less stable figures.</p>}
        </div>
      )}
      {p && p.status === 'placed' && (
        <>
          {p.mixed && (
            <p className="notice warn" role="status">
              <strong>Mixed comparison:</strong> {p.messages.join(' ')}
            </p>
          )}
          {!p.mixed && p.messages.length > 0 && <p className="muted">{p.messages.join(' ')}</p>}
          <TScoreChart scores={p.scales} label={`T-scores against ${p.norm.label}${p.mixed ? ' (mixed populations)' : ''}${greyed ? ' (invalid answers)' : ''}`} greyed={greyed !== null} />
        </>
      )}
      {p && (
        <table className="table compact">
          <caption>
            Domains{p.mixed ? ' — mixed populations' : ''}
            {greyed ? ' — invalid answers, percentiles greyed' : ''}
          </caption>
          <thead>
            <tr>
              <th>Domain</th>
              <th>Mean (1–5)</th>
              <th>T</th>
              <th>Percentile</th>
            </tr>
          </thead>
          <tbody>
            {p.scales.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{fixed(s.mean)}</td>
                <td className={pale}>{fixed(s.t, 0)}</td>
                <td className={pale}>{fixed(s.percentile, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p && (
        <details open>
          <summary>Facets</summary>
          <table className="table compact">
            <caption className="sr-only">Facets</caption>
            <thead>
              <tr>
                <th>Facet</th>
                <th>Domain</th>
                <th>Mean (1–5)</th>
                <th>T</th>
                <th>Percentile</th>
              </tr>
            </thead>
            <tbody>
              {p.facets.map((f) => (
                <tr key={f.id}>
                  <td>{f.name}</td>
                  <td>{p.scales.find((s) => s.id === f.scale)?.name ?? f.scale}</td>
                  <td>{fixed(f.mean)}</td>
                  <td className={pale}>{fixed(f.t, 0)}</td>
                  <td className={pale}>{fixed(f.percentile, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
