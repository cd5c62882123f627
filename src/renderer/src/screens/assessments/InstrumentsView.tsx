import { useState } from 'react';
import { toast } from 'sonner';
import type { InstrumentRecord } from '../../../../shared/api';
import { useArchiveWithUndo } from '../../api/archive';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useMayCall } from '../../auth/session';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { fileToBase64 } from '../../files';
import { ArchiveToggle } from '../../components/ArchiveToggle';

/** Built-in and custom instruments; a custom one is imported from its JSON definition and archived with undo. */
export function InstrumentsView() {
  const [showArchived, setShowArchived] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useApiQuery('instruments.list', { archived: showArchived ? 'include' : 'exclude' });
  const archive = useArchiveWithUndo('instruments', ['instruments.', 'assessments.']);
  const mayManage = useMayCall('instruments.import');
  const columns: Array<Column<InstrumentRecord>> = [
    {
      id: 'name',
      header: 'Name',
      sortBy: (i) => i.name,
      cell: (i) => (
        <>
          {i.name}
          {i.builtin && <span className="muted"> · built in</span>}
        </>
      ),
    },
    { id: 'version', header: 'Version', sortBy: (i) => i.version, cell: (i) => i.version },
    { id: 'items', header: 'Items', sortBy: (i) => i.items, cell: (i) => i.items },
    { id: 'scales', header: 'Scales / facets', sortBy: (i) => i.scales, cell: (i) => `${i.scales} / ${i.facets}` },
    { id: 'answers', header: 'Answers', sortBy: (i) => i.max - i.min, cell: (i) => `${i.min}–${i.max}` },
    {
      id: 'actions',
      header: '',
      className: 'actions',
      cell: (i) =>
        i.id !== null &&
        mayManage && (
          <ArchiveToggle
            archived={Boolean(i.archivedAt)}
            onArchive={() => archive.archive(i.id!, `the instrument ${i.name}`)}
            onRestore={() => archive.restore(i.id!, `the instrument ${i.name}`)}
          />
        ),
    },
  ];
  const add = useApiMutation('instruments.import', ['instruments.'], {
    onSuccess: (instrument) => {
      setProblem(null);
      toast.success(`Added the instrument ${instrument.name}`);
    },
    onError: (error) => setProblem(error.message),
  });
  return (
    <>
      {mayManage && (
        <div className="card">
          <h2>Add a custom instrument</h2>
          <p className="muted">
            A JSON definition — <code>{'{ id, version, response: {min, max}, scales, facets, items: [{id, text, scale, facet, keyed}] }'}</code>, the format{' '}
            <code>harmony analyze --instrument</code> reads. Check the licence of the items before you use them.
          </p>
          <div className="field">
            <label htmlFor="instrument-file">Definition file (JSON)</label>
            <input
              id="instrument-file"
              type="file"
              accept=".json,application/json"
              disabled={add.isPending}
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'instrument-file-problem' : undefined}
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (chosen) add.mutate({ contentBase64: await fileToBase64(chosen), fileName: chosen.name });
              }}
            />
            {problem && (
              <span className="field-error" id="instrument-file-problem" role="alert">
                {problem}
              </span>
            )}
          </div>
        </div>
      )}
      <div className="card">
        <div className="card-header">
          <h2>Instruments</h2>
          <label className="check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
          </label>
        </div>
        {list.data && (
          <SortableTable rows={list.data} columns={columns} rowKey={(i) => i.id ?? i.key} caption="Instruments" className="table compact" rowClassName={(i) => (i.archivedAt ? 'archived' : undefined)} />
        )}
      </div>
    </>
  );
}
