import { useState } from 'react';
import type { AuditedTable } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { AuditEntries } from './AuditEntries';

/** A record's own history from the audit log, in a dialog: its changes and the views of it, oldest first. */
function HistoryDialog({ table, rowId, title, onClose }: { table: AuditedTable; rowId: string; title: string; onClose(): void }) {
  const history = useApiQuery('audit.history', { table, rowId });
  return (
    <Dialog title={title} onClose={onClose} wide>
      {history.isPending && <p className="muted">Loading…</p>}
      {history.isError && <p className="notice bad">{history.error.message}</p>}
      {history.data && history.data.length === 0 && <p>Nothing is recorded for it on this computer yet.</p>}
      {history.data && history.data.length > 0 && <AuditEntries entries={history.data} caption={title} showPerson={table !== 'people'} />}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** The **History** button of a person's or a document's screen. */
export function HistoryButton({ table, rowId, title }: { table: AuditedTable; rowId: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        History
      </button>
      {open && <HistoryDialog table={table} rowId={rowId} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}
