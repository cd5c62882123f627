import { useState } from 'react';
import { toast } from 'sonner';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { fileToBase64 } from '../../files';
import { ArchiveToggle } from '../../components/ArchiveToggle';

/** Built-in and custom instruments; a custom one is imported from its JSON definition and archived with undo. */
export function InstrumentsView() {
  const [showArchived, setShowArchived] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useApiQuery('instruments.list', { archived: showArchived ? 'include' : 'exclude' });
  const archive = useArchiveWithUndo('instruments', ['instruments.', 'assessments.']);
  const add = useApiMutation('instruments.import', ['instruments.'], {
    onSuccess: (instrument) => {
      setProblem(null);
      toast.success(`Added the instrument ${instrument.name}`);
    },
    onError: (error) => setProblem(error.message),
  });
  return (
    <>
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
      <div className="card">
        <div className="card-header">
          <h2>Instruments</h2>
          <label className="check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
          </label>
        </div>
        {list.data && (
          <table className="table compact">
            <thead>
              <tr>
                <th>Name</th>
                <th>Version</th>
                <th>Items</th>
                <th>Scales / facets</th>
                <th>Answers</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((i) => (
                <tr key={i.id ?? i.key} className={i.archivedAt ? 'archived' : undefined}>
                  <td>
                    {i.name}
                    {i.builtin && <span className="muted"> · built in</span>}
                  </td>
                  <td>{i.version}</td>
                  <td>{i.items}</td>
                  <td>
                    {i.scales} / {i.facets}
                  </td>
                  <td>
                    {i.min}–{i.max}
                  </td>
                  <td className="actions">
                    {i.id !== null && (
                      <ArchiveToggle
                        archived={Boolean(i.archivedAt)}
                        onArchive={() => archive.archive(i.id!, `the instrument ${i.name}`)}
                        onRestore={() => archive.restore(i.id!, `the instrument ${i.name}`)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
