import { Link } from 'wouter';
import type { CertificateCell, CertificateState } from '../../../../shared/api';
import { CERTIFICATE_LABELS, CERTIFICATE_SHORT } from '../../../../shared/domain/certificates';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { CERTIFICATE_STATE_LABELS, CertificateStateBadge } from './labels';

const PROBLEMS: CertificateState[] = ['missing', 'expired', 'expires_during_tour', 'expires_30', 'expires_60', 'expires_90', 'in_review'];

function Cell({ cell }: { cell: CertificateCell }) {
  if (!cell.required && cell.state === 'missing') {
    return (
      <td className="not-required" aria-label="not required">
        ·
      </td>
    );
  }
  const title = `${CERTIFICATE_LABELS[cell.kind]}: ${CERTIFICATE_STATE_LABELS[cell.state]}${cell.expiresOn ? `, until ${formatDate(cell.expiresOn)}` : ''}`;
  return (
    <td title={title}>
      {cell.documentId ? (
        <Link href={`~/documents/${cell.documentId}`} aria-label={title}>
          <CertificateStateBadge state={cell.state} />
        </Link>
      ) : (
        <span aria-label={title}>
          <CertificateStateBadge state={cell.state} />
        </span>
      )}
    </td>
  );
}

/** A vessel's crew × the certificates their positions need: who is missing what and what expires when. */
export function ComplianceMatrix({ vesselId }: { vesselId: string }) {
  const matrix = useApiQuery('documents.compliance', { vesselId });
  if (matrix.isPending) return <p className="muted">Loading the matrix…</p>;
  if (matrix.isError) return <p className="notice bad">{matrix.error.message}</p>;
  const { rows, kinds } = matrix.data;
  if (rows.length === 0) return <p className="muted">No crew assigned yet: the matrix fills in as people are assigned to positions.</p>;
  const counts = new Map<CertificateState, number>();
  for (const row of rows) for (const cell of row.cells) if (cell.required) counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
  const summary = PROBLEMS.filter((state) => counts.get(state)).map((state) => `${counts.get(state)} ${CERTIFICATE_STATE_LABELS[state].toLowerCase()}`);
  return (
    <div>
      <p className={summary.length ? 'notice' : 'muted'}>{summary.length ? summary.join(' · ') : 'Every required certificate is valid beyond 90 days and the planned tours.'}</p>
      <div className="matrix-scroll">
        <table className="table compact matrix" aria-label="Compliance matrix">
          <thead>
            <tr>
              <th>Crew</th>
              {kinds.map((kind) => (
                <th key={kind} title={CERTIFICATE_LABELS[kind]}>
                  {CERTIFICATE_SHORT[kind]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.personId}-${row.positionTitle}`}>
                <td>
                  <Link href={`~/crew/${row.personId}`}>{row.personName}</Link> <span className="muted">· {row.positionTitle}</span>
                  {row.assignmentState === 'planned' && <span className="muted"> (joining)</span>}
                  {row.tour && <div className="muted">tour {formatDate(row.tour.start)} – {formatDate(row.tour.end)}</div>}
                </td>
                {row.cells.map((cell) => (
                  <Cell key={cell.kind} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
