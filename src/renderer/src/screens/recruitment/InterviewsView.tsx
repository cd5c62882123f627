import { Link } from 'wouter';
import { words } from '../../../../shared/words';
import { formatWallClock } from '../../../../shared/domain/dates';
import { useApiQuery } from '../../api/hooks';

/** Interviews to come, soonest first, each in the time of the place where it is held. */
export function InterviewsView() {
  const list = useApiQuery('interviews.list', { upcoming: true });
  const rows = list.data ?? [];
  if (list.isSuccess && rows.length === 0) return <p className="muted card">No interview coming up. Schedule one from a candidate&apos;s application.</p>;
  return (
    <table className="table card-table">
      <caption className="sr-only">Interviews to come</caption>
      <thead>
        <tr>
          <th>When</th>
          <th>Candidate</th>
          <th>For</th>
          <th>Interview</th>
          <th>Interviewers</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr key={i.id}>
            <td>
              {formatWallClock(i.localTime)} <span className="muted">({i.timeZone})</span>
            </td>
            <td>
              <Link href={`/application/${i.applicationId}`}>{i.personName}</Link>
            </td>
            <td>
              {i.requisitionTitle}, {i.vessel}
            </td>
            <td>
              {words.interviewKinds[i.kind]}, {words.interviewModes[i.mode].toLowerCase()}, {i.durationMinutes} min
            </td>
            <td>{i.interviewers.join(', ')}</td>
            <td>{words.interviewStatuses[i.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
