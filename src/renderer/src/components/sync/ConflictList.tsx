import { toast } from 'sonner';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../format';

const shown = (value: unknown): string => (value === null || value === undefined || value === '' ? '(empty)' : String(value));

/** Values another computer's newer edit replaced here; each can be put back. */
export function ConflictList() {
  const conflicts = useApiQuery('sync.conflicts', {});
  const reverse = useApiMutation('sync.reverse', ['sync.', 'people.', 'documents.'], {
    onSuccess: (conflict) => toast.success(`Put back: ${conflict.label}`),
    onError: (error) => toast.error(error.message),
  });
  if (!conflicts.data) return null;
  if (conflicts.data.length === 0) return <p className="muted">No edits were overwritten by another computer.</p>;
  return (
    <table className="table compact" aria-label="Overwritten edits">
      <thead>
        <tr>
          <th>When</th>
          <th>Record and field</th>
          <th>Now</th>
          <th>Was here</th>
          <th>Who</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {conflicts.data.map((c) => (
          <tr key={c.id}>
            <td>{formatDateTime(c.at)}</td>
            <td>{c.label}</td>
            <td>{shown(c.keptValue)}</td>
            <td>{shown(c.lostValue)}</td>
            <td>{c.who}</td>
            <td>
              <button type="button" onClick={() => reverse.mutate({ id: c.id })} disabled={reverse.isPending}>
                Put back
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
