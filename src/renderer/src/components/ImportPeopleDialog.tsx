import { Fragment, useState } from 'react';
import { toast } from 'sonner';
import { PEOPLE_COLUMNS, type ImportReport } from '../../../shared/api';
import { countryName } from '../../../shared/domain/countries';
import { ApiCallError } from '../api/client';
import { useApiMutation, useApiTask } from '../api/hooks';
import { fileToBase64 } from '../files';
import { formatDate } from '../format';
import { Dialog } from './Dialog';
import { ImportActions, ImportDone, ImportReportView } from './ImportReportView';
import { ProgressBar } from './ProgressBar';

/** The columns of a people CSV that are (or are not) required, each with how its values are written. */
function Columns({ required }: { required: boolean }) {
  return PEOPLE_COLUMNS.filter((c) => c.required === required).map((c, i) => (
    <Fragment key={c.header}>
      {i > 0 && ', '}
      <code>{c.header}</code>
      {c.format && ` (${c.format})`}
    </Fragment>
  ));
}

/**
 * Import people from CSV: pick a file, read the report (nothing is stored yet), confirm, watch the progress (and
 * cancel, which stores nothing), see the result.
 */
export function ImportPeopleDialog({ onClose }: { onClose(): void }) {
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<{ imported: number; skipped: number } | null>(null);
  const preview = useApiMutation('people.importPreview', [], { onError: (error) => toast.error(error.message) });
  const run = useApiTask('people.import', ['people.', 'vessels.'], {
    onSuccess: (result) => {
      setDone(result);
      toast.success(`Imported ${result.imported} people`);
    },
    onError: (error) => {
      const rejected = error instanceof ApiCallError ? (error.details as { report?: ImportReport } | undefined)?.report : undefined;
      if (rejected) setReport(rejected);
      toast.error(error.code === 'CANCELLED' ? 'Import cancelled: nothing was stored' : error.message);
    },
  });

  async function choose(chosen: File | undefined) {
    setReport(null);
    setDone(null);
    if (!chosen) return;
    const contentBase64 = await fileToBase64(chosen);
    setFile({ name: chosen.name, contentBase64 });
    preview.mutate({ contentBase64, fileName: chosen.name }, { onSuccess: setReport });
  }

  const blocked = report !== null && report.fileProblems.length > 0;
  return (
    <Dialog title="Import people from CSV" onClose={onClose} wide busy={run.isPending}>
      {done ? (
        <ImportDone imported={done.imported} skipped={done.skipped} noun={['person', 'people']} problems={report?.rowProblems ?? []} onClose={onClose} />
      ) : (
        <>
          <p className="muted">
            A UTF-8 CSV with a header row. Required columns: <Columns required />. Optional: <Columns required={false} />. Nothing is stored until you confirm.
          </p>
          <div className="field">
            <label htmlFor="import-file">CSV file</label>
            <input id="import-file" type="file" accept=".csv,text/csv" disabled={run.isPending} onChange={(event) => void choose(event.target.files?.[0])} autoFocus />
          </div>
          {preview.isPending && <p className="muted">Checking {file?.name}…</p>}
          {report && (
            <ImportReportView
              report={report}
              blocked={blocked}
              columns={['Name', 'Born', 'Nationalities', 'E-mail']}
              cells={(row) => [`${row.givenNames} ${row.surname}`, formatDate(row.dateOfBirth), row.nationalities.map(countryName).join(', ') || '—', row.email ?? '—']}
            />
          )}
          {run.isPending && <ProgressBar progress={run.progress} label="Importing people" />}
          <ImportActions
            running={run.isPending}
            onCancelRun={run.cancel}
            onClose={onClose}
            canImport={Boolean(file && report && !blocked && report.validRows > 0)}
            onImport={() => file && run.mutate({ contentBase64: file.contentBase64, fileName: file.name })}
            label={report && !blocked ? `Import ${report.validRows} ${report.validRows === 1 ? 'person' : 'people'}` : 'Import'}
          />
        </>
      )}
    </Dialog>
  );
}
