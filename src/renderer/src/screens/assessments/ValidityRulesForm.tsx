import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldPath } from 'react-hook-form';
import { toast } from 'sonner';
import { assessmentSettingsSchema, type AssessmentSettings, type AssessmentSettingsInput } from '../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Field, numberOrNaN, numberOrNull, showApiError } from '../../forms/form-helpers';
import { capitalised, inSentence, words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

const DEFAULTS = assessmentSettingsSchema.parse({});

type Path = FieldPath<AssessmentSettingsInput>;

/** Cut-off pairs (questionable, invalid) with what they mean; blank switches a cut-off off. */
const PAIRS: Array<{ key: 'answered' | 'longstring' | 'irv' | 'mahalanobis' | 'evenOdd' | 'psychSyn' | 'psychAnt'; label: string; hint: string }> = [
  { key: 'answered', label: capitalised(words.validityIndices.answered), hint: 'Flag when fewer than this share (0–1) of the items were answered' },
  { key: 'longstring', label: capitalised(words.validityIndices.longstringMax), hint: 'Share of the items (0–1); flag when the run of identical answers is at least this long' },
  { key: 'irv', label: capitalised(words.validityIndices.irv), hint: 'Share of the response range (0–1); flag when the spread is below it (straight-lining)' },
  { key: 'mahalanobis', label: `${words.validityIndices.mahalanobis} confidence`, hint: 'χ² confidence (between 0 and 1, e.g. 0.99); flag when D² is above that quantile, relative to the group compared with' },
  { key: 'evenOdd', label: capitalised(words.validityIndices.evenOdd), hint: 'Flag when the index (−1 to 1, higher = less consistent) is above this' },
  { key: 'psychSyn', label: capitalised(words.validityIndices.psychSyn), hint: 'Flag when the within-person r is below this' },
  { key: 'psychAnt', label: capitalised(words.validityIndices.psychAnt), hint: 'Flag when the within-person r is above this' },
];

function RulesForm({ settings }: { settings: AssessmentSettings }) {
  const { register, handleSubmit, setError, reset, formState } = useForm<AssessmentSettingsInput, unknown, AssessmentSettings>({
    resolver: zodResolver(assessmentSettingsSchema),
    defaultValues: settings,
  });
  const { errors, isSubmitting, isDirty } = formState;
  const save = useApiMutation('assessments.updateSettings', ['assessments.']);
  const onSubmit = handleSubmit(async (values) => {
    try {
      reset(await save.mutateAsync(values));
      toast.success('Validity rules saved; they apply to results imported from now on');
    } catch (error) {
      showApiError(error, setError, ['minGroupSize', 'thresholds']);
    }
  });
  const number = (path: Path, nullable: boolean) => register(path, { setValueAs: nullable ? numberOrNull : numberOrNaN });
  const message = (path: string): string | undefined => {
    const found = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { message?: string } | undefined;
    return found?.message;
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label="Validity rules">
      <h2>Local norm groups</h2>
      <div className="form-grid">
        <Field label="Minimum group size" error={errors.minGroupSize?.message} hint={`Below this, a group shows no percentiles (default ${DEFAULTS.minGroupSize})`}>
          {(a) => <input {...a} inputMode="numeric" {...number('minGroupSize', false)} />}
        </Field>
      </div>
      <h2>Validity cut-offs</h2>
      <p className="muted">
        Leave a box empty to switch that cut-off off; each rule shows its default. Stored results keep the verdict they were given: each also shows, beside it, the verdict these
        rules would give. Mahalanobis D² and psychometric synonyms and antonyms compare a person with a group of at least three people per item (360 for IPIP-NEO-120): a smaller
        import is compared together with the stored results of the same population, or marked questionable because it could not be checked.
      </p>
      <table className="table compact rules">
        <thead>
          <tr>
            <th>Index</th>
            <th>Questionable at</th>
            <th>Invalid at</th>
          </tr>
        </thead>
        <tbody>
          {PAIRS.map(({ key, label, hint }) => (
            <tr key={key}>
              <td>
                {label}
                <br />
                <span className="field-hint">
                  {hint}. Default {String(DEFAULTS.thresholds[key].questionable ?? 'off')} / {String(DEFAULTS.thresholds[key].invalid ?? 'off')}.
                </span>
              </td>
              {(['questionable', 'invalid'] as const).map((level) => (
                <td key={level}>
                  <Field label={`${label}: ${inSentence(words.verdicts[level])}`} error={message(`thresholds.${key}.${level}`)}>
                    {(a) => <input {...a} inputMode="decimal" {...number(`thresholds.${key}.${level}`, true)} />}
                  </Field>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Response time and combined findings</h2>
      <div className="form-grid">
        <Field label="Too fast below (ms per item)" error={message('thresholds.responseTime.thresholdMs')} hint="Huang et al. 2012: 2000 ms">
          {(a) => <input {...a} inputMode="numeric" {...number('thresholds.responseTime.thresholdMs', false)} />}
        </Field>
        <Field label="Items per page" error={message('thresholds.responseTime.pageSize')}>
          {(a) => <input {...a} inputMode="numeric" {...number('thresholds.responseTime.pageSize', false)} />}
        </Field>
        <Field label="Rushed pages for questionable" error={message('thresholds.responseTime.rushedPages')} hint="Empty = off">
          {(a) => <input {...a} inputMode="numeric" {...number('thresholds.responseTime.rushedPages', true)} />}
        </Field>
        <Field label="Questionable findings that make it invalid" error={message('thresholds.questionableForInvalid')} hint="Empty = off">
          {(a) => <input {...a} inputMode="numeric" {...number('thresholds.questionableForInvalid', true)} />}
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" {...register('thresholds.responseTime.rushedOverall')} /> Invalid when the whole questionnaire took less than the threshold per item
      </label>
      <Can need="assessments.write">
        <div className="form-actions">
          <button type="button" onClick={() => reset(DEFAULTS, { keepDefaultValues: true })}>
            Back to the defaults
          </button>
          <button type="submit" className="primary" disabled={isSubmitting || !isDirty}>
            Save rules
          </button>
        </div>
      </Can>
    </form>
  );
}

/** The validity-rules settings form: configurable cut-offs with their defaults. */
export function ValidityRulesForm() {
  const settings = useApiQuery('assessments.settings', {});
  if (settings.isError) return <p className="notice bad">{settings.error.message}</p>;
  return settings.data ? <RulesForm settings={settings.data} /> : <p className="muted">Loading…</p>;
}
