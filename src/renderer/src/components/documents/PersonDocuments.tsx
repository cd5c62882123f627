import { Link } from 'wouter';
import type { DocumentSummary } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../SortableTable';
import { formatDate } from '../../format';
import { CertificateRegister } from './CertificateRegister';
import { VerificationBadge } from './labels';
import { UploadDocuments } from './UploadDocuments';
import { reasonWords, words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

const COLUMNS: Array<Column<DocumentSummary>> = [
  { id: 'file', header: 'File', sortBy: (row) => row.fileName, cell: (row) => <Link href={`~/documents/${row.id}`}>{row.fileName}</Link> },
  { id: 'type', header: 'Type', sortBy: (row) => words.documentTypes[row.type], cell: (row) => words.documentTypes[row.type] },
  { id: 'status', header: 'Status', sortBy: (row) => words.verificationStatuses[row.status], cell: (row) => <VerificationBadge status={row.status} /> },
  { id: 'why', header: 'Why', className: 'muted', cell: (row) => reasonWords(row.reasons) || '—' },
  { id: 'until', header: 'Valid until', sortBy: (row) => row.expiresOn, cell: (row) => (row.expiresOn ? formatDate(row.expiresOn) : '—') },
];

/** The Documents and Certificates sections of a person's profile; the stored documents sort by every column but why. */
export function PersonDocuments({ personId, archived }: { personId: string; archived: boolean }) {
  const list = useApiQuery('documents.list', { personId, status: 'all', limit: 200 });
  return (
    <>
      <div className="card">
        <h2>Documents</h2>
        {!archived && (
          <Can need="documents.write">
            <UploadDocuments personId={personId} />
          </Can>
        )}
        {list.data && list.data.rows.length > 0 && (
          <SortableTable rows={list.data.rows} columns={COLUMNS} rowKey={(row) => row.id} caption="Stored documents" className="table compact" />
        )}
      </div>
      <div className="card">
        <h2>Certificate register</h2>
        <CertificateRegister personId={personId} />
      </div>
    </>
  );
}
