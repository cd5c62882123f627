import { useState } from 'react';
import { toast } from 'sonner';
import { Link } from 'wouter';
import type { CandidateShare, SharedIn } from '../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { formatDate } from '../../format';
import { Dialog } from '../Dialog';

/**
 * Sharing a candidate's file with another organisation on the sync server (docs/sync.md#sharing): on the
 * sharer's side the active shares with Revoke and "Share with…"; on the receiver's side a notice that the file
 * is read-only, and the list of candidates shared with this organisation.
 */

/** The share that brought this person to this computer, if another organisation shared them. */
export function useSharedIn(personId: string): SharedIn | null {
  const received = useApiQuery('shares.received', {}, { enabled: useCan('recruitment.read') });
  return received.data?.find((s) => s.personId === personId) ?? null;
}

export function SharedInNotice({ share }: { share: SharedIn }) {
  return (
    <p className="notice" role="note">
      Shared by {share.fromOrgName} on {formatDate(share.sharedAt.slice(0, 10))}. Their file is read-only on this computer: changes are made by{' '}
      {share.fromOrgName}.
    </p>
  );
}

function ShareDialog({ personId, name, onClose }: { personId: string; name: string; onClose(): void }) {
  const directory = useApiQuery('shares.directory', {}, { retry: false });
  const [to, setTo] = useState('');
  const share = useApiMutation('shares.create', ['shares.', 'audit.'], {
    onSuccess: (made) => {
      toast.success(`${name} is shared with ${made.to.name}`);
      onClose();
    },
  });
  const orgs = directory.data ?? [];
  return (
    <Dialog title={`Share ${name} with…`} onClose={onClose} busy={share.isPending}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          share.mutate({ personId, toOrgId: to });
        }}
      >
        <p className="muted">The organisation receives {name}’s details, CV, visas, sea service, documents and questionnaire results, read-only, and every later change until you revoke the share.</p>
        {directory.isPending && <p className="muted">Asking the sync server…</p>}
        {directory.isError && <p className="notice bad">{directory.error.message}</p>}
        {directory.isSuccess && orgs.length === 0 && <p className="muted">No other organisation uses this sync server yet.</p>}
        {orgs.length > 0 && (
          <label>
            Organisation
            <select value={to} onChange={(event) => setTo(event.target.value)} required>
              <option value="">Choose…</option>
              {orgs.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {share.isError && <p className="notice bad">{share.error.message}</p>}
        <div className="form-actions">
          <button type="button" onClick={onClose} disabled={share.isPending}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={to === '' || share.isPending}>
            {share.isPending ? 'Sharing…' : 'Share'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RevokeDialog({ share, name, onClose }: { share: CandidateShare; name: string; onClose(): void }) {
  const revoke = useApiMutation('shares.revoke', ['shares.', 'audit.'], {
    onSuccess: () => {
      toast.success(`${share.to.name} no longer receives ${name}’s file`);
      onClose();
    },
  });
  return (
    <Dialog title="Revoke the share?" onClose={onClose} busy={revoke.isPending}>
      <p>
        {share.to.name} stops receiving {name}’s file, and its computers remove it at their next sync. Their own applications and notes stay with them.
      </p>
      {revoke.isError && <p className="notice bad">{revoke.error.message}</p>}
      <div className="form-actions">
        <button type="button" onClick={onClose} disabled={revoke.isPending}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => revoke.mutate({ id: share.id })} disabled={revoke.isPending}>
          {revoke.isPending ? 'Revoking…' : 'Revoke'}
        </button>
      </div>
    </Dialog>
  );
}

/** On a candidate's profile: with whom their file is shared, Revoke, and "Share with…". Needs the sync server. */
export function SharingCard({ personId, name }: { personId: string; name: string }) {
  const mayShare = useCan('recruitment.write');
  const status = useApiQuery('sync.status', {});
  const enrolled = status.data?.enrolled === true;
  const shares = useApiQuery('shares.list', { personId }, { enabled: mayShare && enrolled, retry: false });
  const [sharing, setSharing] = useState(false);
  const [revoking, setRevoking] = useState<CandidateShare | null>(null);
  if (!mayShare || !status.isSuccess) return null;
  const outgoing = (shares.data ?? []).filter((s) => s.direction === 'out');
  return (
    <section className="card" aria-label="Sharing">
      <div className="card-header">
        <h2>Sharing</h2>
        {enrolled && (
          <button type="button" onClick={() => setSharing(true)}>
            Share with…
          </button>
        )}
      </div>
      {!enrolled && <p className="muted">Sharing a candidate with another organisation goes through the sync server: enrol this computer in Settings → Sync first.</p>}
      {enrolled && shares.isPending && <p className="muted">Asking the sync server…</p>}
      {enrolled && shares.isError && <p className="notice bad">{shares.error.message}</p>}
      {enrolled && shares.isSuccess && outgoing.length === 0 && <p className="muted">Not shared with another organisation.</p>}
      {outgoing.length > 0 && (
        <ul>
          {outgoing.map((share) => (
            <li key={share.id}>
              Shared with <strong>{share.to.name}</strong> since {formatDate(share.createdAt.slice(0, 10))}{' '}
              <button type="button" className="link danger" onClick={() => setRevoking(share)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {sharing && <ShareDialog personId={personId} name={name} onClose={() => setSharing(false)} />}
      {revoking && <RevokeDialog share={revoking} name={name} onClose={() => setRevoking(null)} />}
    </section>
  );
}

/** The candidates other organisations shared with this one, as this computer holds them (works offline). */
export function SharedInView() {
  const received = useApiQuery('shares.received', {});
  if (received.isError) return <p className="notice bad">{received.error.message}</p>;
  if (received.isPending) return <p className="muted">Loading…</p>;
  if (received.data.length === 0) return <p className="muted">No other organisation has shared a candidate with yours. Shared candidates arrive with the next sync.</p>;
  return (
    <table className="table card-table">
      <caption className="sr-only">Candidates shared with this organisation</caption>
      <thead>
        <tr>
          <th>Candidate</th>
          <th>Shared by</th>
          <th>Since</th>
        </tr>
      </thead>
      <tbody>
        {received.data.map((share) => (
          <tr key={share.shareId}>
            <td>
              <Link href={`~/crew/${share.personId}`}>{share.name}</Link>
            </td>
            <td>{share.fromOrgName}</td>
            <td>{formatDate(share.sharedAt.slice(0, 10))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
