import { useEffect, useState } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import { INTERVIEW_KINDS, INTERVIEW_MODES } from '../../../../shared/recruitment/pipeline';
import { formatWallClock } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { EnumOptions, Field, numberOrNull } from '../../forms/form-helpers';
import { InterviewerPicker } from './InterviewerPicker';
import { useFieldErrors } from './use-field-errors';

type Kind = (typeof INTERVIEW_KINDS)[number];
type Mode = (typeof INTERVIEW_MODES)[number];

const here = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Schedules an interview in the time zone where it is held; the question guide comes from the position and can be edited. */
export function InterviewForm({ applicationId, onClose }: { applicationId: string; onClose(): void }) {
  const [kind, setKind] = useState<Kind>('captain');
  const [mode, setMode] = useState<Mode>('video');
  const [interviewers, setInterviewers] = useState<string[]>([]);
  const [localTime, setLocalTime] = useState('');
  const [timeZone, setTimeZone] = useState(here);
  const [duration, setDuration] = useState('45');
  const [location, setLocation] = useState('');
  const [questions, setQuestions] = useState('');
  const { errors, report } = useFieldErrors(['interviewers', 'localTime', 'timeZone', 'durationMinutes', 'location', 'questions']);
  const schedule = useApiMutation('interviews.schedule', ['interviews.', 'notifications.']);

  useEffect(() => {
    void call('interviews.guide', { applicationId, kind }).then((g) => setQuestions(g.questions.join('\n')), () => undefined);
  }, [applicationId, kind]);

  async function submit() {
    try {
      const result = await schedule.mutateAsync({
        applicationId,
        kind,
        mode,
        interviewers,
        localTime,
        timeZone,
        durationMinutes: numberOrNull(duration) ?? Number.NaN,
        location,
        questions: questions.split('\n').map((q) => q.trim()).filter(Boolean),
      });
      toast.success(`Interview scheduled for ${formatWallClock(result.interview.localTime)} (${result.interview.timeZone})`);
      for (const warning of result.warnings) toast.warning(warning);
      onClose();
    } catch (error) {
      report(error);
    }
  }

  return (
    <Dialog title="Schedule an interview" onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <Field label="Kind">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                <EnumOptions values={INTERVIEW_KINDS} labels={words.interviewKinds} />
              </select>
            )}
          </Field>
          <Field label="Mode">
            {(p) => (
              <select {...p} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
                <EnumOptions values={INTERVIEW_MODES} labels={words.interviewModes} />
              </select>
            )}
          </Field>
          <InterviewerPicker applicationId={applicationId} value={interviewers} onChange={setInterviewers} error={errors.interviewers} />
          <Field label="Date and time" error={errors.localTime}>
            {(p) => <input {...p} type="datetime-local" value={localTime} onChange={(e) => setLocalTime(e.target.value)} />}
          </Field>
          <Field label="Time zone" error={errors.timeZone}>
            {(p) => (
              <select {...p} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {[...new Set([here, 'UTC', ...Intl.supportedValuesOf('timeZone')])].map((z) => (
                  <option key={z}>{z}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Duration (minutes)" error={errors.durationMinutes}>
            {(p) => <input {...p} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />}
          </Field>
          <Field label={mode === 'in_person' ? 'Place' : 'Link or number'} error={errors.location}>
            {(p) => <input {...p} value={location} onChange={(e) => setLocation(e.target.value)} />}
          </Field>
        </div>
        <Field label="Question guide (one a line)" error={errors.questions}>
          {(p) => <textarea {...p} rows={6} value={questions} onChange={(e) => setQuestions(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={schedule.isPending}>
            Schedule
          </button>
        </div>
      </form>
    </Dialog>
  );
}
