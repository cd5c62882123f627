import { Link, useLocation } from 'wouter';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { CONTEXT_LABELS, fixed, VERDICT_BADGE, VERDICT_LABELS } from './labels';
import { NormPlacementView } from './NormPlacementView';
import { ArchiveToggle } from '../../components/ArchiveToggle';

const VERDICT_MEANING = {
  valid: 'No index of careless responding crossed its cut-off.',
  questionable: 'Some answers look careless: read the scores with care, and consider asking the person to answer again.',
  invalid: 'The answers do not describe the person reliably: do not use these scores for decisions.',
} as const;

/** One stored result: validity verdict and reasons in plain words, careless indices, scores against a norm. */
export function ResultDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const detail = useApiQuery('assessments.get', { id });
  const archive = useArchiveWithUndo('assessments', ['assessments.']);
  if (detail.isPending) return <p className="page muted">Loading…</p>;
  if (detail.isError)
    return (
      <section className="page">
        <p className="notice bad">{detail.error.message}</p>
        <Link href="/">Back to the results</Link>
      </section>
    );
  const r = detail.data;
  const what = `${r.personName}'s result of ${formatDate(r.takenOn)}`;
  const c = r.careless;
  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Assessments
          </Link>
          <h1>
            <Link href={`~/crew/${r.personId}`}>{r.personName}</Link> · {formatDate(r.takenOn)}
          </h1>
          <p className="muted">
            {r.instrumentName} · {CONTEXT_LABELS[r.context]} · answered {r.answered} of {r.items} items · {r.batchSize === 1 ? 'scored on its own' : `scored in a batch of ${r.batchSize}`}
            {r.sourceFile ? ` from ${r.sourceFile}` : ''}
            {r.archivedAt ? ' · archived' : ''}
          </p>
        </div>
        <ArchiveToggle archived={Boolean(r.archivedAt)} prominentRestore onArchive={() => archive.archive(r.id, what, () => navigate('/'))} onRestore={() => archive.restore(r.id, what)} />
      </header>
      <div className="card">
        <h2>
          Validity: <span className={`badge ${VERDICT_BADGE[r.verdict]}`}>{VERDICT_LABELS[r.verdict]}</span>
        </h2>
        <p>{VERDICT_MEANING[r.verdict]}</p>
        {r.reasons.length > 0 && (
          <ul aria-label="Reasons">
            {r.reasons.map((reason) => (
              <li key={reason.index}>{reason.message}</li>
            ))}
          </ul>
        )}
        <details>
          <summary>Careless-responding indices</summary>
          <dl className="facts">
            <dt>Longest run of one answer</dt>
            <dd>{fixed(c.longstringMax, 0)}</dd>
            <dt>Spread of answers (IRV)</dt>
            <dd>{fixed(c.irv)}</dd>
            <dt>Mahalanobis D²</dt>
            <dd>
              {fixed(c.mahalanobis, 1)}
              {c.mahalanobisFlag ? ' (unusual for this batch)' : ''}
            </dd>
            <dt>Even-odd inconsistency</dt>
            <dd>{fixed(c.evenOddFacets ?? c.evenOdd)}</dd>
            <dt>Psychometric synonyms / antonyms</dt>
            <dd>
              {fixed(c.psychSyn)} / {fixed(c.psychAnt)}
            </dd>
          </dl>
        </details>
      </div>
      <div className="card">
        <h2>Scores</h2>
        <NormPlacementView result={r} />
      </div>
    </section>
  );
}
