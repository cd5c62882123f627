import { useState } from 'react';
import { Link } from 'wouter';
import { toast } from 'sonner';
import type { NormRef, Profile } from '../../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { downloadBase64 } from '../../../files';
import { formatDate, formatDateTime } from '../../../format';
import { normOptionLabel, VERDICT_BADGE } from '../../assessments/labels';
import '../../../styles/questionnaires.css';
import { SEVERITY_BADGE } from '../labels';
import { CompareView } from './CompareView';
import { FacetBars } from './FacetBars';
import { HistoryChart } from './HistoryChart';
import { ProfileRadar } from './ProfileRadar';
import { capitalised, words } from '../../../../../shared/words';

const MEANING = {
  valid: 'No sign of careless or hurried answering was found.',
  questionable: 'Some answers look careless or hurried, or could not be checked: read the profile with care.',
  invalid: 'The answers do not describe the person reliably: the profile is not to be used.',
} as const;

/**
 * The profile a person reads (docs/questionnaires.md#the-profile): the verdict first, a radar of the domains,
 * facet bars with percentiles against the chosen norm, what each means in the person's language, history as
 * trend lines, a second person beside, and a one-page PDF.
 */
export function ProfileView({ id }: { id: string }) {
  const [norm, setNorm] = useState<NormRef | 'default' | 'none'>('default');
  const [language, setLanguage] = useState<string | undefined>(undefined);
  const profile = useApiQuery('profiles.get', { id, norm, ...(language ? { language } : {}) });
  const options = useApiQuery('assessments.normOptions', { id });
  const pdf = useApiMutation('profiles.pdf', [], { onSuccess: (file) => downloadBase64(file.fileName, file.contentBase64, 'application/pdf'), onError: (e) => toast.error(e.message) });
  if (profile.isPending) return <p className="page muted">Loading…</p>;
  if (profile.isError)
    return (
      <section className="page">
        <p className="notice bad">{profile.error.message}</p>
        <Link href="/">Back to the results</Link>
      </section>
    );
  const p = profile.data;
  const selectedNorm = p.normRef ? JSON.stringify(p.normRef) : 'none';
  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href={`/${p.resultId}`} className="muted">
            ← Result details
          </Link>
          <h1>
            {p.personName}: profile of {formatDate(p.takenOn)}
          </h1>
          <p className="muted">
            {p.instrumentName} · {words.assessmentContexts[p.context]}
            {p.taken ? ` · ${p.taken}` : ''}
          </p>
        </div>
        <button type="button" onClick={() => pdf.mutate({ id, norm, ...(language ? { language } : {}), careless: false })} disabled={pdf.isPending}>
          PDF for {p.personName.split(' ')[0]}
        </button>
        <button type="button" onClick={() => pdf.mutate({ id, norm, ...(language ? { language } : {}), careless: true })} disabled={pdf.isPending}>
          PDF with the answer checks
        </button>
      </header>
      <VerdictCard profile={p} />
      <div className="filters">
        <label htmlFor="profile-norm">Compare with</label>
        <select id="profile-norm" value={selectedNorm} onChange={(e) => setNorm(e.target.value === 'none' ? 'none' : (JSON.parse(e.target.value) as NormRef))}>
          <option value="none">No norm (plain means)</option>
          {(options.data ?? []).map((o) => (
            <option key={JSON.stringify(o.ref)} value={JSON.stringify(o.ref)} disabled={!o.sameFor}>
              {normOptionLabel(o)}
              {o.sameFor ? '' : ' · another population'}
            </option>
          ))}
        </select>
        {p.languages.length > 0 && (
          <>
            <label htmlFor="profile-language">Texts in</label>
            <select id="profile-language" value={p.language} onChange={(e) => setLanguage(e.target.value)}>
              {p.languages.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {p.normNote && <p className="notice warn">{p.normNote}</p>}
      {p.languageNote && <p className="muted">{p.languageNote}</p>}
      <div className="profile-grid">
        <div className="card">
          <h2>The five domains</h2>
          <ProfileRadar profiles={[p]} />
          <table className="table compact">
            <caption className="sr-only">Domains{p.norm ? ` against ${p.norm.label}` : ''}</caption>
            <thead>
              <tr>
                <th>Domain</th>
                <th>Percentile</th>
                <th>Reading</th>
              </tr>
            </thead>
            <tbody>
              {p.domains.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.percentile === null ? '—' : Math.round(d.percentile)}</td>
                  <td>{d.level ? words.scoreLevels[d.level] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.norm && <p className="muted">Against {p.norm.label} ({p.norm.source}).</p>}
        </div>
        <div className="card" aria-label="Interpretation">
          <h2>What it means</h2>
          {p.domains.map((d) => (
            <section key={d.id} className="domain-block" aria-label={d.name}>
              <h3>
                {d.name}
                {d.level && <span className="badge info">{words.scoreLevels[d.level]}</span>}
              </h3>
              {d.summary && <p className="muted">{d.summary}</p>}
              <div className="meaning">
                {d.meaning.map((para) => (
                  <p key={para}>{para}</p>
                ))}
              </div>
              <FacetBars facets={p.facets.filter((f) => f.scale === d.id)} />
            </section>
          ))}
        </div>
      </div>
      <div className="card">
        <h2>Over time</h2>
        <HistoryChart personId={p.personId} instrumentId={p.instrumentId} />
      </div>
      <CompareView profile={p} language={language} />
    </section>
  );
}

function VerdictCard({ profile: p }: { profile: Profile }) {
  return (
    <div className="card">
      <h2>
        Validity: <span className={`badge ${VERDICT_BADGE[p.verdict]}`}>{words.verdicts[p.verdict]}</span>
      </h2>
      <p>{MEANING[p.verdict]}</p>
      {p.reasons.length > 0 && (
        <ul aria-label="Reasons">
          {p.reasons.map((r) => (
            <li key={r.index}>
              <strong>{capitalised(words.validityIndices[r.index])}:</strong> {r.message}
            </li>
          ))}
        </ul>
      )}
      {p.notComputed.length > 0 && (
        <p className="muted">
          Not computed: {p.notComputed.map((n) => words.validityIndices[n.index]).join(', ')} ({p.notComputed[0]!.message})
        </p>
      )}
      {p.proctoring.length > 0 && (
        <details open>
          <summary>Proctoring events ({p.proctoring.length})</summary>
          <ul className="events" aria-label="Proctoring events">
            {p.proctoring.map((e) => (
              <li key={`${e.at}-${e.kind}-${e.item}`}>
                <span className={`badge ${SEVERITY_BADGE[e.severity]}`}>{words.proctoringSeverities[e.severity]}</span> {formatDateTime(e.at)}: {e.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
