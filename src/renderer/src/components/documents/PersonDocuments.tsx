import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { CertificateRegister } from './CertificateRegister';
import { VerificationBadge } from './labels';
import { UploadDocuments } from './UploadDocuments';
import { reasonWords, words } from '../../../../shared/words';

/** The Documents and Certificates sections of a person's profile. */
export function PersonDocuments({ personId, archived }: { personId: string; archived: boolean }) {
  const list = useApiQuery('documents.list', { personId, status: 'all', limit: 200 });
  return (
    <>
      <div className="card">
        <h2>Documents</h2>
        {!archived && <UploadDocuments personId={personId} />}
        {list.data && list.data.rows.length > 0 && (
          <table className="table compact" aria-label="Stored documents">
            <thead>
              <tr>
                <th>File</th>
                <th>Type</th>
                <th>Status</th>
                <th>Why</th>
                <th>Valid until</th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`~/documents/${row.id}`}>{row.fileName}</Link>
                  </td>
                  <td>{words.documentTypes[row.type]}</td>
                  <td>
                    <VerificationBadge status={row.status} />
                  </td>
                  <td className="muted">{reasonWords(row.reasons) || '—'}</td>
                  <td>{row.expiresOn ? formatDate(row.expiresOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2>Certificate register</h2>
        <CertificateRegister personId={personId} />
      </div>
    </>
  );
}
