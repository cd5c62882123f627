import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { CertificateStateBadge } from './labels';
import { words } from '../../../../shared/words';

/** A person's certificates: what their positions need and what they hold, with expiry. */
export function CertificateRegister({ personId }: { personId: string }) {
  const register = useApiQuery('documents.register', { personId });
  if (register.isPending) return <p className="muted">Loading the register…</p>;
  if (register.isError) return <p className="notice bad">{register.error.message}</p>;
  const { entries, positions, tour } = register.data;
  return (
    <div>
      <p className="muted">
        {positions.length > 0 ? `Required for ${positions.join(', ')} (CREW.md defaults).` : 'Not assigned: only certificates held are listed.'}
        {tour ? ` Planned tour ${formatDate(tour.start)} – ${formatDate(tour.end)}.` : ''}
      </p>
      {entries.length === 0 ? (
        <p className="muted">No certificates yet. Add documents above; verified ones appear here.</p>
      ) : (
        <table className="table compact" aria-label="Certificate register">
          <thead>
            <tr>
              <th>Certificate</th>
              <th>Required</th>
              <th>State</th>
              <th>Valid until</th>
              <th>Days left</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.kind}>
                <td>{entry.documentId ? <Link href={`~/documents/${entry.documentId}`}>{words.certificates[entry.kind]}</Link> : words.certificates[entry.kind]}</td>
                <td>{entry.required ? 'Yes' : 'No'}</td>
                <td>
                  <CertificateStateBadge state={entry.state} />
                </td>
                <td>{entry.state === 'missing' ? '—' : entry.expiresOn ? formatDate(entry.expiresOn) : 'Does not expire'}</td>
                <td>{entry.daysLeft ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
