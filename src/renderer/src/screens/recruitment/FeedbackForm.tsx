import { useState } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import type { Interview } from '../../../../shared/api';
import { COMPETENCIES, RECOMMENDATIONS, type Recommendation } from '../../../../shared/recruitment/pipeline';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { EnumOptions, Field } from '../../forms/form-helpers';
import { useFieldErrors } from './use-field-errors';

type Competency = (typeof COMPETENCIES)[number];

/**
 * The signed-in interviewer's own feedback on an interview (the core takes the author from the session): ratings
 * 1–5 per competency, overall, a recommendation, strengths and concerns.
 */
export function FeedbackForm({ interview, author, onClose }: { interview: Interview; author: string; onClose(): void }) {
  const [ratings, setRatings] = useState<Partial<Record<Competency, number>>>({});
  const [overall, setOverall] = useState('');
  const [recommendation, setRecommendation] = useState<Recommendation>('hire');
  const [strengths, setStrengths] = useState('');
  const [concerns, setConcerns] = useState('');
  const { errors, report } = useFieldErrors(['overall', 'ratings', 'recommendation']);
  const submit = useApiMutation('feedback.submit', ['feedback.', 'interviews.', 'notifications.']);

  async function save() {
    try {
      await submit.mutateAsync({ interviewId: interview.id, ratings, overall: overall ? Number(overall) : Number.NaN, recommendation, strengths, concerns });
      toast.success(`Your feedback on ${interview.personName} is recorded`);
      onClose();
    } catch (error) {
      report(error);
    }
  }

  const scale = (value: number | string | undefined, set: (v: string) => void, label: string) => (
    <select aria-label={label} value={value ?? ''} onChange={(e) => set(e.target.value)}>
      <option value="">—</option>
      {[1, 2, 3, 4, 5].map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );

  return (
    <Dialog title={`Feedback on ${interview.personName}`} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          Your feedback, as {author}. Each interviewer gives it once; it cannot be changed afterwards.
        </p>
        <div className="form-grid">
          {COMPETENCIES.map((c) => (
            <div key={c} className="field">
              <span>{words.competencies[c]}</span>
              {scale(ratings[c], (v) => setRatings((r) => ({ ...r, [c]: v ? Number(v) : undefined })), `${words.competencies[c]} (1–5)`)}
            </div>
          ))}
          <Field label="Overall (1–5)" error={errors.overall}>
            {(p) => (
              <select {...p} value={overall} onChange={(e) => setOverall(e.target.value)}>
                <option value="">—</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Recommendation">
            {(p) => (
              <select {...p} value={recommendation} onChange={(e) => setRecommendation(e.target.value as Recommendation)}>
                <EnumOptions values={RECOMMENDATIONS} labels={words.recommendations} />
              </select>
            )}
          </Field>
        </div>
        <Field label="Strengths">{(p) => <textarea {...p} rows={2} value={strengths} onChange={(e) => setStrengths(e.target.value)} />}</Field>
        <Field label="Concerns">{(p) => <textarea {...p} rows={2} value={concerns} onChange={(e) => setConcerns(e.target.value)} />}</Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={submit.isPending}>
            Submit feedback
          </button>
        </div>
      </form>
    </Dialog>
  );
}
