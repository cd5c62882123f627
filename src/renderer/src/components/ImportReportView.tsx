import type { ReactNode } from 'react';
import type { ImportProblem } from '../../../shared/api';
import { ProblemTable } from './ProblemTable';

interface PreviewReport<Row> {
  rows: number;
  validRows: number;
  fileProblems: ImportProblem[];
  rowProblems: ImportProblem[];
  /** Rows that are imported but deserve a look. */
  rowWarnings?: ImportProblem[];
  preview: Row[];
}

/**
 * What a CSV import's dry run found, before anything is stored: a file that cannot be imported at all, or how
 * many rows can, the rows that will be skipped and why, and the first rows as they will be stored. Every import
 * dialog shows its report this way, so a user learns it once.
 */
export function ImportReportView<Row extends { line: number }>({
  report,
  blocked,
  columns,
  cells,
}: {
  report: PreviewReport<Row>;
  blocked: boolean;
  /** Headings of the preview table after "Line". */
  columns: string[];
  /** One cell per heading of `columns`. */
  cells: (row: Row) => ReactNode[];
}) {
  if (blocked) {
    return (
      <section aria-label="Import report">
        <div className="notice bad" role="alert">
          <strong>This file cannot be imported.</strong> Nothing was stored.
          <ProblemTable problems={report.fileProblems} caption="File problems" />
        </div>
      </section>
    );
  }
  return (
    <section aria-label="Import report">
      <p role="status">
        <strong>
          {report.validRows} of {report.rows} rows
        </strong>{' '}
        can be imported{report.rowProblems.length > 0 ? '; the rows below have problems and will be skipped.' : '.'}
      </p>
      {report.rowProblems.length > 0 && <ProblemTable problems={report.rowProblems} caption="Rows with problems" />}
      {(report.rowWarnings?.length ?? 0) > 0 && (
        <div className="notice warn">
          <p>These rows will be imported, but check them:</p>
          <ProblemTable problems={report.rowWarnings!} caption="Rows to check" />
        </div>
      )}
      {report.preview.length > 0 && (
        <details open={report.rowProblems.length === 0}>
          <summary>First rows as they will be stored</summary>
          <table className="table compact">
            <thead>
              <tr>
                <th>Line</th>
                {columns.map((column) => (
                  <th key={column}>{column}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.preview.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  {cells(row).map((cell, index) => (
                    <td key={columns[index]}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

/** Cancel (or, while the import runs, cancel the import) and the confirm button that names what will be stored. */
export function ImportActions({
  running,
  onCancelRun,
  onClose,
  canImport,
  onImport,
  label,
}: {
  running: boolean;
  onCancelRun: () => void;
  onClose: () => void;
  canImport: boolean;
  onImport: () => void;
  label: string;
}) {
  return (
    <div className="form-actions">
      {running ? (
        <button type="button" onClick={onCancelRun}>
          Cancel import
        </button>
      ) : (
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      )}
      <button type="button" className="primary" disabled={!canImport || running} onClick={onImport}>
        {label}
      </button>
    </div>
  );
}

/** What a confirmed import stored and skipped, with the skipped rows' problems and a Close button. */
export function ImportDone({
  imported,
  skipped,
  noun,
  problems,
  onClose,
  children,
}: {
  imported: number;
  skipped: number;
  /** Singular and plural of what was imported: ['person', 'people']. */
  noun: [string, string];
  problems: ImportProblem[];
  onClose: () => void;
  /** Anything the import adds to its summary (notices about the batch). */
  children?: ReactNode;
}) {
  return (
    <>
      <p role="status">
        <strong>
          Imported {imported} {imported === 1 ? noun[0] : noun[1]}
        </strong>
        {skipped > 0 ? `; skipped ${skipped} row${skipped === 1 ? '' : 's'} with problems (listed below).` : '.'}
      </p>
      {children}
      {problems.length > 0 && <ProblemTable problems={problems} caption="Rows skipped" />}
      <div className="form-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </>
  );
}
