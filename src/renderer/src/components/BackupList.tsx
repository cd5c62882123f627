import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { BackupInfo } from '../../../shared/api';
import { useApiMutation } from '../api/hooks';
import { formatBytes, formatDateTime } from '../format';

/** Backups with a restore button each; restoring asks first because it replaces the live database. */
export function BackupList({ backups }: { backups: BackupInfo[] }) {
  const client = useQueryClient();
  const restore = useApiMutation('backups.restore', [], {
    onSuccess: async ({ restored }) => {
      toast.success(`Restored ${restored.split(/[\\/]/).pop()}`);
      // Everything on screen came from the old file.
      await client.resetQueries();
    },
    onError: (error) => toast.error(error.message),
  });
  if (backups.length === 0) return <p className="muted">No backups yet.</p>;
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>Taken</th>
          <th>Why</th>
          <th>Size</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.file}>
            <td title={backup.file}>{formatDateTime(backup.createdAt)}</td>
            <td>{backup.reason.replaceAll('-', ' ')}</td>
            <td>{formatBytes(backup.bytes)}</td>
            <td className="actions">
              <button
                type="button"
                disabled={restore.isPending}
                onClick={() => {
                  if (window.confirm('Replace the current database with this backup? The current state is backed up first.')) {
                    restore.mutate({ file: backup.file });
                  }
                }}
              >
                Restore
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
