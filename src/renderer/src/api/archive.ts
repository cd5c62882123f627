import { toast } from 'sonner';
import { useApiMutation } from './hooks';

type Archivable = 'vessels' | 'positions' | 'people' | 'assignments' | 'documents' | 'assessments' | 'norms' | 'instruments';

/**
 * Archiving anything is one click with an Undo in the toast that follows (nothing is deleted from the UI).
 * Returns archive(id, what) and restore(id, what).
 */
export function useArchiveWithUndo(entity: Archivable, invalidates: string[] = ['vessels.', 'people.']) {
  // All these pairs take `{ id }`; the cast only picks one of them for the type checker.
  const restore = useApiMutation(`${entity}.restore` as 'people.restore', invalidates, { onError: (error) => toast.error(error.message) });
  const archive = useApiMutation(`${entity}.archive` as 'people.archive', invalidates, { onError: (error) => toast.error(error.message) });
  return {
    archive: (id: string, what: string, onArchived?: () => void) =>
      archive.mutate(
        { id },
        {
          onSuccess: () => {
            onArchived?.();
            toast.success(`Archived ${what}`, {
              action: { label: 'Undo', onClick: () => restore.mutate({ id }, { onSuccess: () => toast.success(`Restored ${what}`) }) },
              duration: 8000,
            });
          },
        },
      ),
    restore: (id: string, what: string) => restore.mutate({ id }, { onSuccess: () => toast.success(`Restored ${what}`) }),
    pending: archive.isPending || restore.isPending,
  };
}
