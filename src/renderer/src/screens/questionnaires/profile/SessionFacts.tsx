import type { ResultDetail } from '../../../../../shared/api';
import { formatDateTime } from '../../../format';
import { SEVERITY_BADGE } from '../labels';
import { words } from '../../../../../shared/words';

/** How a questionnaire taken in the app was taken, and what was seen while it was answered. */
export function SessionFacts({ session }: { session: NonNullable<ResultDetail['session']> }) {
  return (
    <>
      <p className="muted">
        {session.taken} Scored by {session.engineVersion}.
      </p>
      {session.proctoring.length > 0 ? (
        <ul className="events" aria-label="Proctoring events">
          {session.proctoring.map((e) => (
            <li key={`${e.at}-${e.kind}-${e.item}`}>
              <span className={`badge ${SEVERITY_BADGE[e.severity]}`}>{words.proctoringSeverities[e.severity]}</span> {formatDateTime(e.at)}: {e.detail}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No proctoring events while it was answered.</p>
      )}
    </>
  );
}
