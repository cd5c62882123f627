import { Link } from 'wouter';
import type { AttentionItem, CertificateCell, CertificateState } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { CERTIFICATE_STATE_TONE } from './labels';
import { words } from '../../../../shared/words';

/** A cell's few words: the matrix must fit the window with every certificate in it (the full words are its label). */
function cellWords(cell: CertificateCell): string {
  switch (cell.state) {
    case 'expires_30':
    case 'expires_60':
    case 'expires_90':
      return cell.daysLeft === 1 ? '1 day' : `${cell.daysLeft} days`;
    case 'expires_during_tour':
      return 'Tour';
    case 'in_review':
      return 'Review';
    default:
      return words.certificateStates[cell.state];
  }
}

function Cell({ cell, who }: { cell: CertificateCell; who: string }) {
  if (!cell.required && cell.state === 'missing') {
    return (
      <td className="not-required" aria-label={`${words.certificates[cell.kind]}: not required`}>
        ·
      </td>
    );
  }
  const label = `${words.certificates[cell.kind]}: ${words.certificateStates[cell.state]}${cell.expiresOn ? `, until ${formatDate(cell.expiresOn)}` : ''}`;
  const badge = <span className={`badge cell ${CERTIFICATE_STATE_TONE[cell.state]}`}>{cellWords(cell)}</span>;
  return (
    <td title={`${who} — ${label}`}>
      {cell.documentId ? (
        <Link href={`~/documents/${cell.documentId}`} aria-label={label}>
          {badge}
        </Link>
      ) : (
        <span aria-label={label}>{badge}</span>
      )}
    </td>
  );
}

/** Certificates named on each line of the summary before "and n more". */
const NAMED = 3;

/**
 * What needs attention, one line per state, worst first (the core orders the cells): every kind of problem is
 * in view above the matrix, however many of a lesser one there are.
 */
function Attention({ items }: { items: AttentionItem[] }) {
  if (items.length === 0) return <p className="muted">Every required certificate is valid beyond 90 days and the planned tours.</p>;
  const byState = new Map<CertificateState, AttentionItem[]>();
  for (const item of items) byState.set(item.state, [...(byState.get(item.state) ?? []), item]);
  return (
    <section className="notice attention" aria-label="Needs attention">
      <p>
        <strong>{items.length === 1 ? '1 certificate needs attention' : `${items.length} certificates need attention`}</strong>
      </p>
      <ul>
        {[...byState].map(([state, group]) => (
          <li key={state}>
            <strong>{words.certificateStates[state]}</strong> ({group.length}):{' '}
            {group.slice(0, NAMED).map((item, index) => (
              <span key={`${item.personId}-${item.positionTitle}-${item.kind}`}>
                {index > 0 && '; '}
                {words.certificates[item.kind]} of <Link href={`~/crew/${item.personId}`}>{item.personName}</Link> ({item.positionTitle})
                {item.expiresOn && state !== 'missing' ? `, ${formatDate(item.expiresOn)}` : ''}
              </span>
            ))}
            {group.length > NAMED && ` and ${group.length - NAMED} more`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A vessel's crew × the certificates their positions need: who is missing what and what expires when. It fits
 * the window (short cell words, full words in each cell's label); a long crew list scrolls under its header and
 * beside its names.
 */
export function ComplianceMatrix({ vesselId }: { vesselId: string }) {
  const matrix = useApiQuery('documents.compliance', { vesselId });
  if (matrix.isPending) return <p className="muted">Loading the matrix…</p>;
  if (matrix.isError) return <p className="notice bad">{matrix.error.message}</p>;
  const { rows, kinds, attention } = matrix.data;
  if (rows.length === 0) return <p className="muted">No crew assigned yet: the matrix fills in as people are assigned to positions.</p>;
  return (
    <div>
      <Attention items={attention} />
      <div className="matrix-scroll">
        <table className="table compact matrix" aria-label="Compliance matrix">
          <thead>
            <tr>
              <th scope="col">Crew</th>
              {kinds.map((kind) => (
                <th key={kind} scope="col" title={words.certificates[kind]}>
                  {words.certificatesShort[kind]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.personId}-${row.positionTitle}`}>
                <th scope="row">
                  <Link href={`~/crew/${row.personId}`}>{row.personName}</Link>
                  <div className="muted">
                    {row.positionTitle}
                    {row.assignmentState === 'planned' ? ' (joining)' : ''}
                    {row.tour ? ` · tour ${formatDate(row.tour.start)} – ${formatDate(row.tour.end)}` : ''}
                  </div>
                </th>
                {row.cells.map((cell) => (
                  <Cell key={cell.kind} cell={cell} who={row.personName} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted matrix-legend">
        Days: valid for that many more days (90 or fewer). Tour: expires during the planned tour. Review: waiting for a reviewer. ·: not required.
      </p>
    </div>
  );
}
