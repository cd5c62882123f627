import { useState } from 'react';
import type { Profile } from '../../../../../shared/api';
import { useApiQuery } from '../../../api/hooks';
import { formatDate } from '../../../format';
import { useDebounced } from '../../crew/useDebounced';
import { ProfileRadar } from './ProfileRadar';
import { words } from '../../../../../shared/words';

/** A second person's result of the same instrument beside this one, against the same norm. */
export function CompareView({ profile, language }: { profile: Profile; language: string | undefined }) {
  const [search, setSearch] = useState('');
  const [otherId, setOtherId] = useState<string | null>(null);
  const term = useDebounced(search, 200);
  const found = useApiQuery('assessments.list', { search: term, limit: 20 }, { enabled: term.trim().length > 1 });
  const candidates = (found.data?.rows ?? []).filter((r) => r.instrumentId === profile.instrumentId && r.id !== profile.resultId);
  const other = useApiQuery('profiles.get', { id: otherId ?? '-', norm: profile.normRef ?? 'none', ...(language ? { language } : {}) }, { enabled: otherId !== null });
  const o = other.data;
  return (
    <div className="card">
      <h2>Side by side</h2>
      <div className="filters">
        <label htmlFor="compare-search">Compare with</label>
        <input id="compare-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Type a name" />
        {candidates.length > 0 && (
          <select aria-label="Result to compare with" value={otherId ?? ''} onChange={(e) => setOtherId(e.target.value || null)}>
            <option value="">Choose a result</option>
            {candidates.map((r) => (
              <option key={r.id} value={r.id}>
                {r.personName}, {formatDate(r.takenOn)} ({words.verdicts[r.verdict].toLowerCase()})
              </option>
            ))}
          </select>
        )}
      </div>
      {other.isError && <p className="notice bad">{other.error.message}</p>}
      {o && (
        <div className="side-by-side">
          <ProfileRadar profiles={[profile, o]} />
          <table className="table compact">
            <caption>Percentiles{profile.norm ? ` against ${profile.norm.label}` : ''}</caption>
            <thead>
              <tr>
                <th>Domain</th>
                <th>{profile.personName}</th>
                <th>{o.personName}</th>
              </tr>
            </thead>
            <tbody>
              {profile.domains.map((d, i) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.percentile === null ? '—' : Math.round(d.percentile)}</td>
                  <td>{o.domains[i]?.percentile == null ? '—' : Math.round(o.domains[i]!.percentile!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
