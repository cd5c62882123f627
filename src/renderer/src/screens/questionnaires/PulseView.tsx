import { useState } from 'react';
import { toast } from 'sonner';
import type { PulseSchedule } from '../../../../shared/api';
import { DEPARTMENTS, type Department } from '../../../../shared/domain/crew';
import { todayIsoDate } from '../../../../shared/domain/dates';
import { useMayCall } from '../../auth/session';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { EnumOptions } from '../../forms/form-helpers';
import { formatDate } from '../../format';
import { ExitCodeFields, exitCodeReady } from './ExitCodeFields';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

/**
 * Pulse surveys (docs/questionnaires.md#pulse-surveys): the definitions with their sources, each vessel's
 * schedule, the round under way taken in the kiosk, and the results by round and department. Anonymous figures
 * appear only from five answers.
 */
export function PulseView() {
  const vessels = useApiQuery('vessels.list', { archived: 'exclude' });
  const [chosen, setChosen] = useState('');
  const vesselId = chosen || vessels.data?.[0]?.id || '';
  return (
    <>
      <SurveyList />
      <div className="filters">
        <label htmlFor="pulse-vessel">{words.fields.vesselId}</label>
        <select id="pulse-vessel" value={vesselId} onChange={(e) => setChosen(e.target.value)}>
          {(vessels.data ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      {vessels.isSuccess && vessels.data.length === 0 && <p className="notice">Pulse surveys ask a vessel&apos;s crew: add a vessel first.</p>}
      {vesselId && <VesselPulse vesselId={vesselId} />}
    </>
  );
}

function SurveyList() {
  const surveys = useApiQuery('pulse.surveys', {});
  return (
    <details className="card">
      <summary>The pulse surveys ({surveys.data?.length ?? 0})</summary>
      <p className="muted">Written for Harmony Crew after the constructs named; edit one by importing its definition with a new version.</p>
      <ul>
        {(surveys.data ?? []).map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> (version {s.version}, {s.items} statements, every {s.everyDays} days suggested): {s.construct}
            <ul className="muted">
              {s.sources.map((source) => (
                <li key={source}>{source}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}

function VesselPulse({ vesselId }: { vesselId: string }) {
  const schedules = useApiQuery('pulse.schedules', { vesselId });
  return (
    <>
      <Can need="assessments.write">
        <ScheduleForm vesselId={vesselId} />
      </Can>
      {(schedules.data ?? []).map((s) => (
        <ScheduleCard key={s.id} schedule={s} />
      ))}
    </>
  );
}

function ScheduleForm({ vesselId }: { vesselId: string }) {
  const surveys = useApiQuery('pulse.surveys', {});
  const [surveyId, setSurveyId] = useState('team-climate');
  const [everyDays, setEveryDays] = useState(28);
  const [startOn, setStartOn] = useState(todayIsoDate());
  const [anonymous, setAnonymous] = useState(true);
  const schedule = useApiMutation('pulse.schedule', ['pulse.', 'team.'], { onSuccess: (s) => toast.success(`${s.surveyTitle} scheduled every ${s.everyDays} days`), onError: (e) => toast.error(e.message) });
  return (
    <form
      className="card"
      aria-label="Schedule a pulse survey"
      onSubmit={(event) => {
        event.preventDefault();
        schedule.mutate({ vesselId, surveyId, everyDays, startOn, anonymous });
      }}
    >
      <h2>Schedule a pulse survey</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="pulse-survey">{words.fields.surveyId}</label>
          <select id="pulse-survey" value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
            {(surveys.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pulse-every">{words.fields.everyDays}</label>
          <input id="pulse-every" type="number" min={7} max={92} value={everyDays} onChange={(e) => setEveryDays(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="pulse-start">{words.fields.startOn}</label>
          <input id="pulse-start" type="date" value={startOn} onChange={(e) => setStartOn(e.target.value)} />
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Anonymous: answers keep no link to anyone, and figures show only from 5 answers
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={schedule.isPending}>
          Schedule
        </button>
      </div>
    </form>
  );
}

function ScheduleCard({ schedule }: { schedule: PulseSchedule }) {
  const results = useApiQuery('pulse.results', { vesselId: schedule.vesselId, surveyId: schedule.surveyId });
  const [taking, setTaking] = useState(false);
  const archive = useApiMutation('pulse.archiveSchedule', ['pulse.'], { onError: (e) => toast.error(e.message) });
  const mayRun = useMayCall('pulse.start');
  const r = results.data;
  return (
    <section className="card" aria-label={`${schedule.surveyTitle} on ${schedule.vesselName}`}>
      <div className="card-header">
        <h2>
          {schedule.surveyTitle} <span className="badge info">{schedule.anonymous ? 'Anonymous' : 'Named'}</span>
        </h2>
        {mayRun && (
          <div className="filters">
            <button type="button" className="primary" onClick={() => setTaking(true)}>
              Take in the kiosk…
            </button>
            <button type="button" onClick={() => archive.mutate({ id: schedule.id })}>
              Stop schedule
            </button>
          </div>
        )}
      </div>
      <p className="muted">
        Every {schedule.everyDays} days from {formatDate(schedule.startOn)}; this round runs {formatDate(schedule.round.from)} to {formatDate(schedule.round.to)}.
      </p>
      {r && r.rounds.length === 0 && <p className="muted">No answers yet.</p>}
      {r && r.rounds.length > 0 && (
        <table className="table compact">
          <caption>Results by round (1–5, higher is better){r.anonymous ? `: anonymous, shown from ${r.minimum} answers` : ''}</caption>
          <thead>
            <tr>
              <th>Round from</th>
              <th>Answers</th>
              <th>Crew</th>
              <th>By department</th>
            </tr>
          </thead>
          <tbody>
            {r.rounds.map((round) => (
              <tr key={round.period}>
                <td>{formatDate(round.period)}</td>
                <td>{round.vessel.n}</td>
                <td>{round.vessel.mean === null ? <span className="muted">{round.vessel.withheld}</span> : round.vessel.mean.toFixed(2)}</td>
                <td>
                  {round.departments.length === 0
                    ? '—'
                    : round.departments.map((d) => `${d.group} ${d.mean === null ? 'withheld' : d.mean.toFixed(2)} (${d.n})`).join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {taking && <TakePulseDialog schedule={schedule} onClose={() => setTaking(false)} />}
    </section>
  );
}

function TakePulseDialog({ schedule, onClose }: { schedule: PulseSchedule; onClose(): void }) {
  const [department, setDepartment] = useState<Department | ''>('');
  const [code, setCode] = useState('');
  const [repeat, setRepeat] = useState('');
  const start = useApiMutation('pulse.start', ['sessions.'], { onSuccess: onClose, onError: (e) => toast.error(e.message) });
  return (
    <Dialog title={`${schedule.surveyTitle} in the kiosk`} onClose={onClose}>
      <form
        aria-label="Take the pulse survey in the kiosk"
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate({ scheduleId: schedule.id, exitCode: code, ...(department ? { department } : {}) });
        }}
      >
        <p className="muted">{schedule.anonymous ? 'Whoever takes it stays anonymous: only the department is kept with the answers.' : 'This survey is named; start it from a campaign for the person who answers.'}</p>
        <div className="field">
          <label htmlFor="pulse-department">{words.fields.department}</label>
          <select id="pulse-department" value={department} onChange={(e) => setDepartment(e.target.value as Department | '')}>
            <option value="">Not said</option>
            <EnumOptions values={DEPARTMENTS} labels={words.departments} />
          </select>
        </div>
        <ExitCodeFields code={code} repeat={repeat} onCode={setCode} onRepeat={setRepeat} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!exitCodeReady(code, repeat) || start.isPending || !schedule.anonymous}>
            Hand over the laptop
          </button>
        </div>
      </form>
    </Dialog>
  );
}
