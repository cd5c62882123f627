import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { normMetadataSchema, type NormMetadataInput, type NormTableRecord } from '../../../../shared/api';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { fileToBase64 } from '../../files';
import { Field, showApiError } from '../../forms/form-helpers';
import { formatDateTime } from '../../format';
import { fixed } from './labels';
import { ArchiveToggle } from '../../components/ArchiveToggle';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

const FIELDS = Object.keys(normMetadataSchema.shape);
const POPULATIONS = normMetadataSchema.shape.population.options;

/** Import a norm table: the CSV `scale,mean,sd[,n]` and what it is — label, population and source (docs/psychometrics.md#2-scale-scores-and-norms). */
function NormImportForm() {
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<NormMetadataInput, unknown, ReturnType<typeof normMetadataSchema.parse>>({
    resolver: zodResolver(normMetadataSchema),
    defaultValues: { label: '', source: '', instrumentId: 'ipip-neo-120' },
  });
  const { errors, isSubmitting } = formState;
  const save = useApiMutation('norms.import', ['norms.', 'assessments.']);
  const instruments = useApiQuery('instruments.list', { archived: 'exclude' });
  const onSubmit = handleSubmit(async (values) => {
    if (!file) {
      setFileError('Choose the CSV file with the figures');
      return;
    }
    try {
      const table = await save.mutateAsync({ ...values, contentBase64: file.contentBase64, fileName: file.name });
      toast.success(`Imported the norm table "${table.label}" (${table.rows.length} scales)`);
      reset();
      setFile(null);
    } catch (error) {
      if (error instanceof Error) setFileError(error.message);
      showApiError(error, setError, FIELDS);
    }
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label="Import a norm table">
      <h2>Import a norm table</h2>
      <p className="muted">
        A CSV with the columns <code>scale,mean,sd</code> and optionally <code>n</code>: one row per domain or facet (IPIP-NEO-120: N, E, O, A, C and N1…C6), means on the answer scale. The IPIP
        publishes no norms; use figures from a publication or your own data, and say who they describe.
      </p>
      <div className="form-grid">
        <Field label={words.fields.instrumentId} error={errors.instrumentId?.message}>
          {(a) => (
            <select {...a} {...register('instrumentId')}>
              {(instruments.data ?? []).map((i) => (
                <option key={i.key} value={i.key}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name of the norm group" error={errors.label?.message}>
          {(a) => <input {...a} {...register('label')} />}
        </Field>
        <Field label={words.fields.population} error={errors.population?.message}>
          {(a) => (
            <select {...a} {...register('population')} defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {POPULATIONS.map((p) => (
                <option key={p} value={p}>
                  {words.populations[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={words.fields.source} error={errors.source?.message} hint="Publication or data set the figures come from">
          {(a) => <input {...a} {...register('source')} />}
        </Field>
        <Field label="CSV file" error={fileError ?? undefined}>
          {(a) => (
            <input
              {...a}
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                setFileError(null);
                setFile(chosen ? { name: chosen.name, contentBase64: await fileToBase64(chosen) } : null);
              }}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          Import norm table
        </button>
      </div>
    </form>
  );
}

/** Imported norm tables with their population, archive with undo. */
export function NormsView() {
  const [showArchived, setShowArchived] = useState(false);
  const tables = useApiQuery('norms.list', { archived: showArchived ? 'include' : 'exclude' });
  const instruments = useApiQuery('instruments.list', { archived: 'include' });
  const instrumentName = (key: string) => instruments.data?.find((i) => i.key === key)?.name ?? key;
  const archive = useArchiveWithUndo('norms', ['norms.', 'assessments.']);
  const columns: Array<Column<NormTableRecord>> = [
    { id: 'name', header: 'Name', sortBy: (t) => t.label, cell: (t) => t.label },
    { id: 'instrument', header: 'Instrument', sortBy: (t) => instrumentName(t.instrumentId), cell: (t) => instrumentName(t.instrumentId) },
    { id: 'population', header: 'Population', sortBy: (t) => words.populations[t.population], cell: (t) => words.populations[t.population] },
    {
      id: 'scales',
      header: 'Scales',
      sortBy: (t) => t.rows.length,
      cell: (t) => <span title={t.rows.map((r) => `${r.scale}: ${fixed(r.mean)} (${fixed(r.sd)})`).join(', ')}>{t.rows.length}</span>,
    },
    { id: 'n', header: 'n', sortBy: (t) => t.n, cell: (t) => t.n ?? '—' },
    { id: 'source', header: 'Source', sortBy: (t) => t.source, cell: (t) => t.source },
    { id: 'imported', header: 'Imported', sortBy: (t) => t.createdAt, cell: (t) => formatDateTime(t.createdAt) },
    {
      id: 'actions',
      header: '',
      className: 'actions',
      cell: (t) => (
        <ArchiveToggle
          archived={Boolean(t.archivedAt)}
          onArchive={() => archive.archive(t.id, `the norm table "${t.label}"`)}
          onRestore={() => archive.restore(t.id, `the norm table "${t.label}"`)}
        />
      ),
    },
  ];
  return (
    <>
      <Can need="assessments.write">
        <NormImportForm />
      </Can>
      <div className="card">
        <div className="card-header">
          <h2>Norm tables</h2>
          <label className="check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
          </label>
        </div>
        {tables.data && tables.data.length === 0 && (
          <p className="muted">No norm tables yet. Import one above; until then results are compared with local groups computed from stored results.</p>
        )}
        {tables.data && tables.data.length > 0 && (
          <SortableTable rows={tables.data} columns={columns} rowKey={(t) => t.id} caption="Norm tables" className="table compact" rowClassName={(t) => (t.archivedAt ? 'archived' : undefined)} />
        )}
      </div>
    </>
  );
}
