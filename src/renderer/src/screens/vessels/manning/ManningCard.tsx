import { useState, type CSSProperties } from 'react';
import { Link } from 'wouter';
import type { ManningCrew, Output } from '../../../../../shared/api';
import { DEPARTMENTS } from '../../../../../shared/domain/crew';
import { addDaysIso } from '../../../../../shared/domain/dates';
import { useApiQuery } from '../../../api/hooks';
import { formatDate } from '../../../format';
import { describePhases, gapSentence, titleInSentence } from './manning-text';
import { StaggerDialog } from './StaggerDialog';
import '../../../styles/manning.css';
import { inSentence, words } from '../../../../../shared/words';
import { Can } from '../../../auth/Can';

type Manning = Output<'vessels.manning'>;
const TICK_DAYS = 14;

function Ticks({ dates }: { dates: string[] }) {
  const ticks = [];
  for (let i = 0; i < dates.length; i += TICK_DAYS) {
    ticks.push(
      <span key={i} className="tick" style={{ gridColumn: `${i + 2} / span ${Math.min(TICK_DAYS, dates.length - i)}` }}>
        {formatDate(dates[i])}
      </span>,
    );
  }
  return ticks;
}

function PersonRow({ member, dates }: { member: ManningCrew; dates: string[] }) {
  return (
    <>
      <span className="label">
        <Link href={`~/crew/${member.personId}`}>{member.name}</Link> <span className="muted">· {member.positionTitle}</span>
      </span>
      <span className="sr-only">{describePhases(member.phases, dates)}</span>
      {member.phases.map((phase, i) => (
        <span key={i} className={`day ${phase ?? ''}`} title={`${member.name}: ${phase ? inSentence(words.manningPhases[phase]) : 'not assigned'} on ${formatDate(dates[i])}`} aria-hidden />
      ))}
    </>
  );
}

function Strip({ manning, dates }: { manning: Manning; dates: string[] }) {
  const style = { '--days': dates.length } as CSSProperties;
  return (
    <div className="manning-scroll">
      <div className="manning-strip" style={style}>
        <span className="label" />
        <Ticks dates={dates} />
        {manning.gaps.map((gap) => {
          const uncovered = new Set(gap.runs.flatMap((run) => dates.filter((d) => d >= run.from && d <= run.to)));
          return [
            <span key={`${gap.duty}-label`} className="label" style={{ gridColumn: 1 }}>
              <strong>{gap.label}</strong> <span className="muted">must be aboard</span>
            </span>,
            ...dates.map((date) => (
              <span key={`${gap.duty}-${date}`} className={`day ${uncovered.has(date) ? 'gap' : 'covered'}`} title={`${uncovered.has(date) ? 'No' : 'A'} ${titleInSentence(gap.label)} aboard on ${formatDate(date)}`} aria-hidden />
            )),
          ];
        })}
        {DEPARTMENTS.map((department) => {
          const crew = manning.crew.filter((c) => c.department === department);
          if (crew.length === 0) return null;
          return [
            <span key={`${department}-label`} className="label department" style={{ gridColumn: 1 }}>
              {words.departments[department]} <span className="muted">· aboard</span>
            </span>,
            ...manning.aboard[department].map((n, i) => (
              <span key={`${department}-${i}`} className={`count department${n === 0 ? ' none' : ''}`} title={`${n} of ${words.departments[department]} aboard on ${formatDate(dates[i])}`} aria-hidden>
                {n}
              </span>
            )),
            ...crew.map((member) => <PersonRow key={member.assignmentId} member={member} dates={dates} />),
          ];
        })}
      </div>
      <div className="manning-legend" aria-hidden>
        <span className="aboard">{words.manningPhases.aboard}</span>
        <span className="leave">{words.manningPhases.leave}</span>
        <span className="gap">Must-be-aboard position with nobody aboard</span>
      </div>
    </div>
  );
}

/**
 * Safe manning on the vessel screen: who is aboard each day of the next 90, by department, the days a
 * must-be-aboard position has nobody aboard, and a way to stagger rotations (docs/manning.md).
 */
export function ManningCard({ vesselId, archived }: { vesselId: string; archived: boolean }) {
  const manning = useApiQuery('vessels.manning', { vesselId });
  const [staggering, setStaggering] = useState(false);
  const data = manning.data;
  const dates = data ? Array.from({ length: data.aboard.deck.length }, (_, i) => addDaysIso(data.from, i)) : [];
  const rotating = data?.crew.some((c) => c.rotation !== null) ?? false;
  return (
    <div className="card">
      <div className="card-header">
        <h2>Manning, next {dates.length || 90} days</h2>
        {!archived && rotating && (
          <Can need="fleet.write">
            <button type="button" onClick={() => setStaggering(true)}>
              Stagger rotations…
            </button>
          </Can>
        )}
      </div>
      {manning.isError && <p className="notice bad">{manning.error.message}</p>}
      {data && (
        <>
          <ul className="manning-summary" aria-label="Safe manning">
            {data.gaps.length === 0 ? (
              <li className="ok">Every must-be-aboard position has someone aboard on each day from {formatDate(data.from)} to {formatDate(data.to)}.</li>
            ) : (
              data.gaps.map((gap) => (
                <li key={gap.duty} role="alert">
                  {gapSentence(gap)}
                </li>
              ))
            )}
          </ul>
          {data.crew.length === 0 ? <p className="muted">Nobody is assigned to this vessel in these days.</p> : <Strip manning={data} dates={dates} />}
        </>
      )}
      {staggering && <StaggerDialog vesselId={vesselId} onClose={() => setStaggering(false)} />}
    </div>
  );
}
