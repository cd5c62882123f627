import { useState } from 'react';
import { toast } from 'sonner';
import { assessmentContexts, DEFAULT_INSTRUMENT_ID, type AssessmentContext, type ResultsImportReport } from '../../../../shared/api';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery, useApiTask } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { ImportActions, ImportDone, ImportReportView } from '../../components/ImportReportView';
import { ProgressBar } from '../../components/ProgressBar';
import { fileToBase64 } from '../../files';
import { formatDate } from '../../format';
import { words } from '../../../../shared/words';

/**
 * Import questionnaire results: choose who answered (applicants or crew in post — it decides which norms are
 * like for like, docs/psychometrics.md#2-scale-scores-and-norms), pick a file, read the per-row report (nothing
 * stored yet), confirm, watch the scoring (cancel stores nothing).
 */
export function ImportResultsDialog({ onClose }: { onClose(): void }) {
  const [context, setContext] = useState<AssessmentContext | null>(null);
  const [instrumentId, setInstrumentId] = useState(DEFAULT_INSTRUMENT_ID);
  const instruments = useApiQuery('instruments.list', { archived: 'exclude' });
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [report, setReport] = useState<ResultsImportReport | null>(null);
  const [done, setDone] = useState<{ imported: number; skipped: number; notices: string[] } | null>(null);
  const preview = useApiMutation('assessments.importPreview', [], { onSuccess: setReport, onError: (error) => toast.error(error.message) });
  const run = useApiTask('assessments.import', ['assessments.'], {
    onSuccess: (result) => {
      setDone(result);
      toast.success(`Imported ${result.imported} results`);
    },
    onError: (error) => {
      const rejected = error instanceof ApiCallError ? (error.details as { report?: ResultsImportReport } | undefined)?.report : undefined;
      if (rejected) setReport(rejected);
      toast.error(error.code === 'CANCELLED' ? 'Import cancelled: nothing was stored' : error.message);
    },
  });

  const check = (chosen: { name: string; contentBase64: string } | null, who: AssessmentContext | null, instrument = instrumentId) => {
    setReport(null);
    if (chosen && who) preview.mutate({ contentBase64: chosen.contentBase64, fileName: chosen.name, context: who, instrumentId: instrument });
  };
  async function choose(chosen: File | undefined) {
    setDone(null);
    const next = chosen ? { name: chosen.name, contentBase64: await fileToBase64(chosen) } : null;
    setFile(next);
    check(next, context);
  }

  const blocked = report !== null && report.fileProblems.length > 0;
  if (done)
    return (
      <Dialog title="Import questionnaire results" onClose={onClose} wide>
        <ImportDone imported={done.imported} skipped={done.skipped} noun={['result', 'results']} problems={report?.rowProblems ?? []} onClose={onClose}>
          {done.notices.length > 0 && (
            <ul className="muted">
              {done.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </ImportDone>
      </Dialog>
    );
  return (
    <Dialog title="Import questionnaire results" onClose={onClose} wide busy={run.isPending}>
      <p className="muted">
        A UTF-8 CSV, one row per questionnaire of a person already in the database: <code>person_id</code>, or <code>email</code>, or <code>given_names</code> and <code>surname</code>;
        <code>taken_on</code> (YYYY-MM-DD); then one column per item of the instrument in the order they were presented (IPIP-NEO-120: <code>i1</code>…<code>i120</code> or{' '}
        <code>1</code>…<code>120</code>, answers 1–5), empty or NA when unanswered. Answer patterns are compared across at least three people per item (360 for IPIP-NEO-120): a
        smaller file is compared together with the stored results of the same population.
      </p>
      <div className="field">
        <label htmlFor="results-instrument">Instrument</label>
        <select
          id="results-instrument"
          value={instrumentId}
          disabled={run.isPending}
          onChange={(e) => {
            setInstrumentId(e.target.value);
            check(file, context, e.target.value);
          }}
        >
          {(instruments.data ?? []).map((i) => (
            <option key={i.key} value={i.key}>
              {i.name} ({i.items} items, answers {i.min}–{i.max})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Who answered?</legend>
        {assessmentContexts.map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name="import-context"
              value={c}
              checked={context === c}
              disabled={run.isPending}
              onChange={() => {
                setContext(c);
                check(file, c);
              }}
            />
            {words.assessmentContexts[c]}
          </label>
        ))}
        <span className="field-hint">Applicants describe themselves more favourably than crew in post, so their results are compared only with applicant norms unless you choose otherwise.</span>
      </fieldset>
      <div className="field">
        <label htmlFor="results-file">CSV file</label>
        <input id="results-file" type="file" accept=".csv,text/csv" disabled={run.isPending} onChange={(event) => void choose(event.target.files?.[0])} />
        {file && !context && <span className="field-error">Choose who answered before the file can be checked.</span>}
      </div>
      {preview.isPending && <p className="muted">Checking {file?.name}…</p>}
      {report && (
        <ImportReportView
          report={report}
          blocked={blocked}
          columns={['Person', 'Found by', 'Taken on', 'Answered']}
          cells={(row) => [row.personName, words.matchKinds[row.matchedBy], formatDate(row.takenOn), row.answered]}
        />
      )}
      {run.isPending && <ProgressBar progress={run.progress} label="Scoring and storing results" />}
      <ImportActions
        running={run.isPending}
        onCancelRun={run.cancel}
        onClose={onClose}
        canImport={Boolean(file && context && report && !blocked && report.validRows > 0)}
        onImport={() => file && context && run.mutate({ contentBase64: file.contentBase64, fileName: file.name, context, instrumentId })}
        label={report && !blocked ? `Import ${report.validRows} ${report.validRows === 1 ? 'result' : 'results'}` : 'Import'}
      />
    </Dialog>
  );
}
