import { Link } from 'wouter';
import type { Output } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { SortableTable, type Column } from '../SortableTable';
import { CertificateStateBadge } from './labels';

type Entry = Output<'documents.register'>['entries'][number];

const COLUMNS: Array<Column<Entry>> = [
  {
    id: 'certificate',
    header: 'Certificate',
    sortBy: (e) => words.certificates[e.kind],
    cell: (e) => (e.documentId ? <Link href={`~/documents/${e.documentId}`}>{words.certificates[e.kind]}</Link> : words.certificates[e.kind]),
  },
  { id: 'required', header: 'Required', sortBy: (e) => (e.required ? 0 : 1), cell: (e) => (e.required ? 'Yes' : 'No') },
  { id: 'state', header: 'State', sortBy: (e) => words.certificateStates[e.state], cell: (e) => <CertificateStateBadge state={e.state} /> },
  {
    id: 'until',
    header: 'Valid until',
    sortBy: (e) => (e.state === 'missing' ? null : (e.expiresOn ?? '9999-12-31')),
    cell: (e) => (e.state === 'missing' ? '—' : e.expiresOn ? formatDate(e.expiresOn) : 'Does not expire'),
  },
  { id: 'days', header: 'Days left', sortBy: (e) => e.daysLeft, cell: (e) => e.daysLeft ?? '—' },
];

/** A person's certificates: what their positions need and what they hold, with expiry; every column sorts. */
export function CertificateRegister({ personId }: { personId: string }) {
  const register = useApiQuery('documents.register', { personId });
  if (register.isPending) return <p className="muted">Loading the register…</p>;
  if (register.isError) return <p className="notice bad">{register.error.message}</p>;
  const { entries, positions, tour } = register.data;
  return (
    <div>
      <p className="muted">
        {positions.length > 0 ? `Required for ${positions.join(', ')}: the defaults for each position, or the vessel’s own list where it has one.` : 'Not assigned: only certificates held are listed.'}
        {tour ? ` Planned tour ${formatDate(tour.start)} – ${formatDate(tour.end)}.` : ''}
      </p>
      {entries.length === 0 ? (
        <p className="muted">No certificates yet. Add documents above; verified ones appear here.</p>
      ) : (
        <SortableTable rows={entries} columns={COLUMNS} rowKey={(e) => e.kind} caption="Certificate register" className="table compact" />
      )}
    </div>
  );
}
