import type { ImportProblem } from '../../../shared/api';

/** The problems an import found, by line and column, in a scrolling table. */
export function ProblemTable({ problems, caption }: { problems: ImportProblem[]; caption: string }) {
  return (
    <div className="report-scroll">
      <table className="table compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th>Line</th>
            <th>Column</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.line ?? '—'}</td>
              <td>{p.column ?? '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
