import { useState } from 'react';
import { toast } from 'sonner';
import type { User } from '../../../../shared/api';
import { scopeInWords, words } from '../../../../shared/words';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useMe } from '../../auth/session';
import { Dialog } from '../../components/Dialog';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDateTime } from '../../format';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserForm } from './UserForm';

type Open = { kind: 'add' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | { kind: 'remove'; user: User } | null;

/** Editing a crew member's account shows the person it is linked to by name. */
function EditUser({ user, onClose }: { user: User; onClose(): void }) {
  const person = useApiQuery('people.get', { id: user.personId ?? '' }, { enabled: user.personId !== null });
  if (user.personId && person.isPending) return null;
  const name = person.data ? `${person.data.person.givenNames} ${person.data.person.surname}` : null;
  return <UserForm user={user} personName={name} onClose={onClose} />;
}

/** Remove after asking; the message that follows offers Undo (restored by the screen, which outlives this dialog). */
function RemoveUser({ user, onClose, onUndo }: { user: User; onClose(): void; onUndo(): void }) {
  const remove = useApiMutation('users.remove', ['users.'], {
    onSuccess: () => {
      onClose();
      toast.success(`Removed ${user.displayName}: they can no longer sign in`, { action: { label: 'Undo', onClick: onUndo }, duration: 10_000 });
    },
  });
  return (
    <Dialog title={`Remove ${user.displayName}?`} onClose={onClose}>
      <p>
        {user.displayName} can no longer sign in, and is signed out now if signed in anywhere. Their name stays in the
        audit log beside what they did, and the account can be restored later.
      </p>
      {remove.error && (
        <p className="notice bad" role="alert">
          {remove.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: user.id })}>
          Remove {user.displayName}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Users: every account with its role and what it sees, for owners and administrators. Nothing is deleted: a
 * removed account can no longer sign in and comes back with Restore.
 */
export function UsersScreen() {
  const [showRemoved, setShowRemoved] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const me = useMe();
  const users = useApiQuery('users.list', { includeRemoved: showRemoved });
  const vessels = useApiQuery('vessels.list', { archived: 'include' });
  const restore = useApiMutation('users.restore', ['users.'], {
    onSuccess: (user) => toast.success(`${user.displayName} can sign in again`),
    onError: (error) => toast.error(error.message),
  });
  const vesselNames = new Map((vessels.data ?? []).map((v) => [v.id, v.name]));
  const scopeText = (user: User) => scopeInWords(user.scope, (id) => vesselNames.get(id) ?? 'a vessel no longer on record');
  // Only the owner touches the owner's account and administrators; nobody removes themselves.
  const mayTouch = (user: User) => me !== null && (me.role === 'owner' || (user.role !== 'owner' && user.role !== 'admin'));
  const columns: Array<Column<User>> = [
    {
      id: 'name',
      header: words.fields.displayName,
      sortBy: (u) => u.displayName,
      cell: (u) => (
        <>
          {u.displayName}
          {u.id === me?.id && <span className="badge info">You</span>}
          {u.removedAt && <span className="badge bad">Removed</span>}
        </>
      ),
    },
    { id: 'username', header: words.fields.username, sortBy: (u) => u.username, cell: (u) => u.username },
    { id: 'role', header: words.fields.role, sortBy: (u) => words.roles[u.role], cell: (u) => words.roles[u.role] },
    { id: 'scope', header: words.fields.scope, sortBy: scopeText, cell: scopeText },
    { id: 'lastSignIn', header: 'Last sign-in', sortBy: (u) => u.lastSignInAt, cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never') },
    { id: 'removed', header: 'Removed', sortBy: (u) => u.removedAt, cell: (u) => (u.removedAt ? formatDateTime(u.removedAt) : '—') },
    {
      id: 'actions',
      header: '',
      className: 'actions',
      cell: (u) =>
        !mayTouch(u) ? null : u.removedAt ? (
          <button type="button" onClick={() => restore.mutate({ id: u.id })} disabled={restore.isPending}>
            Restore
          </button>
        ) : (
          <>
            <button type="button" onClick={() => setOpen({ kind: 'edit', user: u })} aria-label={`Edit ${u.displayName}`}>
              Edit
            </button>{' '}
            {u.id !== me?.id && (
              <>
                <button type="button" onClick={() => setOpen({ kind: 'reset', user: u })} aria-label={`Reset ${u.displayName}’s password`}>
                  Reset password
                </button>{' '}
                <button type="button" className="danger" onClick={() => setOpen({ kind: 'remove', user: u })} aria-label={`Remove ${u.displayName}`}>
                  Remove
                </button>
              </>
            )}
          </>
        ),
    },
  ];
  const close = () => setOpen(null);
  return (
    <section className="page">
      <header className="page-header">
        <h1>Users</h1>
        <label className="check">
          <input type="checkbox" checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} /> {words.fields.includeRemoved}
        </label>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'add' })}>
          Add user
        </button>
      </header>
      <p className="muted">
        Everyone who uses Harmony Crew on this computer signs in with their own account. Their role says what they may
        do; what they see is the whole organisation or chosen vessels.
      </p>
      {users.isError && <p className="notice bad">{users.error.message}</p>}
      {users.data && (
        <SortableTable rows={users.data} columns={columns} rowKey={(u) => u.id} caption="Users" className="table card-table" rowClassName={(u) => (u.removedAt ? 'archived' : undefined)} initialSort={{ id: 'name' }} />
      )}
      {open?.kind === 'add' && <UserForm onClose={close} />}
      {open?.kind === 'edit' && <EditUser user={open.user} onClose={close} />}
      {open?.kind === 'reset' && <ResetPasswordDialog user={open.user} onClose={close} />}
      {open?.kind === 'remove' && <RemoveUser user={open.user} onClose={close} onUndo={() => restore.mutate({ id: open.user.id })} />}
    </section>
  );
}
