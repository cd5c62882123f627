import type { Profile } from '../../../../../shared/api';
import { words } from '../../../../../shared/words';

/** A domain's facets as bars of their percentile against the norm (a dash without one), with what each means. */
export function FacetBars({ facets }: { facets: Profile['facets'] }) {
  return (
    <div className="facet-bars" role="list">
      {facets.map((f) => (
        <div key={f.id} role="listitem">
          <div className="facet-bar">
            <span>{f.name}</span>
            <span className="track" aria-hidden>
              <span style={{ width: `${f.percentile ?? 0}%` }} />
            </span>
            <span aria-label={`${f.name} percentile`}>{f.percentile === null ? '—' : Math.round(f.percentile)}</span>
          </div>
          {f.level && f.meaning.length > 0 && (
            <details>
              <summary className="muted">
                {words.scoreLevels[f.level]}: what {f.name} means
              </summary>
              <div className="meaning">
                {f.meaning.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>
            </details>
          )}
        </div>
      ))}
    </div>
  );
}
