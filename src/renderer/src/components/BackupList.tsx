import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../../shared/api';
import { words } from '../../../shared/words';
import { useApiMutation } from '../api/hooks';
import { formatBytes, formatDateTime } from '../format';

/** Why a backup was taken; a file someone put in the folder by hand may name no reason the app gives. */
const reasonOf = (reason: string): string => ((BACKUP_REASONS as readonly string[]).includes(reason) ? words.backupReasons[reason as BackupReason] : 'Put in the folder by hand');

function contentsText(contents: BackupInfo['contents']): string {
  if (contents === null) return 'Cannot be read';
  if (contents.people === 0 && contents.vessels === 0) return 'Empty';
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return `${plural(contents.people, 'person', 'people')}, ${plural(contents.vessels, 'vessel', 'vessels')}`;
}

/**
 * Backups with a restore button each; restoring asks first because it replaces the live database. In recovery mode
 * `password` proves an account (docs/security.md#recovery-mode); signed in, the session does.
 */
export function BackupList({ backups, password }: { backups: BackupInfo[]; password?: string }) {
  const client = useQueryClient();
  const restore = useApiMutation('backups.restore', [], {
    onSuccess: async ({ previous }) => {
      toast.success(previous ? 'Backup restored. The database as it was is kept as a backup.' : 'Backup restored.');
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
          <th>Holds</th>
          <th>Size</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.id}>
            <td title={backup.id}>{formatDateTime(backup.createdAt)}</td>
            <td>{reasonOf(backup.reason)}</td>
            <td>{contentsText(backup.contents)}</td>
            <td>{formatBytes(backup.bytes)}</td>
            <td className="actions">
              <button
                type="button"
                disabled={restore.isPending || backup.contents === null}
                title={backup.contents === null ? 'This backup cannot be read, so it cannot be restored' : undefined}
                onClick={() => {
                  if (window.confirm(`Replace the current database with the backup taken ${formatDateTime(backup.createdAt)}? The current database is backed up first.`)) {
                    restore.mutate({ id: backup.id, ...(password ? { password } : {}) });
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
