import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { personInputSchema, type Person, type PersonInput } from '../../../shared/api';
import { COUNTRIES, countryName } from '../../../shared/domain/countries';
import { useApiMutation } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { ageBelowMinimum, MINIMUM_CREW_AGE } from '../../../shared/domain/crew';
import { todayIsoDate } from '../../../shared/domain/dates';
import { Field, FormActions, FormWarning, numberOrNull, showApiError, useWarningGate, withWholeDates } from './form-helpers';
import { words } from '../../../shared/words';
import { BLANK_PERSON, personFormValues } from './person-values';

const FIELDS = Object.keys(personInputSchema.shape);
const COMMON_LANGUAGES = ['English', 'French', 'Spanish', 'Italian', 'German', 'Dutch', 'Portuguese', 'Croatian', 'Greek', 'Russian', 'Tagalog', 'Afrikaans'];

function tooYoung(dateOfBirth: string): string | null {
  const age = ageBelowMinimum(dateOfBirth, todayIsoDate());
  return age === null ? null : `Aged ${age} today: nobody under ${MINIMUM_CREW_AGE} may work at sea. Check the date of birth, or save anyway.`;
}

/** Add or edit a person. Nationalities are chosen one by one; languages are typed, separated by commas. */
export function PersonForm({ person, onClose, onSaved }: { person?: Person; onClose(): void; onSaved?(person: Person): void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<PersonInput, unknown, ReturnType<typeof personInputSchema.parse>>({
    resolver: zodResolver(personInputSchema),
    defaultValues: person ? personFormValues(person) : BLANK_PERSON,
  });
  const { errors, isSubmitting } = formState;
  const create = useApiMutation('people.create', ['people.', 'vessels.']);
  const update = useApiMutation('people.update', ['people.', 'vessels.']);
  const warning = useWarningGate(tooYoung(useWatch({ control, name: 'dateOfBirth' }) ?? ''));
  const onSubmit = handleSubmit(async (values) => {
    if (!warning.pass()) return;
    try {
      const saved = person ? await update.mutateAsync({ id: person.id, ...values }) : await create.mutateAsync(values);
      toast.success(person ? `Saved ${saved.givenNames} ${saved.surname}` : `Added ${saved.givenNames} ${saved.surname}`);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showApiError(error, setError, FIELDS);
    }
  });
  const nationalityError = errors.nationalities?.message ?? (errors.nationalities as Array<{ message?: string }> | undefined)?.find?.((e) => e?.message)?.message;
  return (
    <Dialog title={person ? `Edit ${person.givenNames} ${person.surname}` : 'Add a person'} onClose={onClose}>
      <form onSubmit={withWholeDates(onSubmit, setError)} noValidate>
        <div className="form-grid">
          <Field label={words.fields.givenNames} error={errors.givenNames?.message}>
            {(a) => <input {...a} {...register('givenNames')} autoFocus autoComplete="off" />}
          </Field>
          <Field label={words.fields.surname} error={errors.surname?.message}>
            {(a) => <input {...a} {...register('surname')} autoComplete="off" />}
          </Field>
          <Field label={words.fields.dateOfBirth} error={errors.dateOfBirth?.message}>
            {(a) => <input {...a} {...register('dateOfBirth')} type="date" />}
          </Field>
          <Field label={words.fields.nationalities} error={nationalityError}>
            {(a) => (
              <Controller
                control={control}
                name="nationalities"
                render={({ field }) => {
                  const codes = field.value ?? [];
                  return (
                    <div className="chips">
                      {codes.map((code) => (
                        <span key={code} className="chip">
                          {countryName(code)}
                          <button type="button" className="link" aria-label={`Remove ${countryName(code)}`} onClick={() => field.onChange(codes.filter((c) => c !== code))}>
                            ✕
                          </button>
                        </span>
                      ))}
                      <select
                        {...a}
                        value=""
                        onChange={(event) => {
                          if (event.target.value && !codes.includes(event.target.value)) field.onChange([...codes, event.target.value]);
                        }}
                      >
                        <option value="">Add a nationality…</option>
                        {COUNTRIES.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  );
                }}
              />
            )}
          </Field>
          <Field label={words.fields.languages} error={errors.languages?.message} hint="Separated by commas, e.g. English, French">
            {(a) => (
              <Controller
                control={control}
                name="languages"
                render={({ field }) => (
                  <>
                    <input
                      {...a}
                      list="languages"
                      defaultValue={(field.value ?? []).join(', ')}
                      onChange={(event) =>
                        field.onChange(
                          event.target.value
                            .split(',')
                            .map((l) => l.trim())
                            .filter(Boolean),
                        )
                      }
                    />
                    <datalist id="languages">
                      {COMMON_LANGUAGES.map((l) => (
                        <option key={l} value={l} />
                      ))}
                    </datalist>
                  </>
                )}
              />
            )}
          </Field>
          <Field label={words.fields.email} error={errors.email?.message}>
            {(a) => <input {...a} {...register('email')} type="email" autoComplete="off" />}
          </Field>
          <Field label={words.fields.phone} error={errors.phone?.message}>
            {(a) => <input {...a} {...register('phone')} type="tel" />}
          </Field>
          <Field label={words.fields.emergencyContactName} error={errors.emergencyContactName?.message}>
            {(a) => <input {...a} {...register('emergencyContactName')} placeholder="Name" />}
          </Field>
          <Field label={words.fields.emergencyContactPhone} error={errors.emergencyContactPhone?.message}>
            {(a) => <input {...a} {...register('emergencyContactPhone')} type="tel" />}
          </Field>
          <Field label={words.fields.emergencyContactRelation} error={errors.emergencyContactRelation?.message}>
            {(a) => <input {...a} {...register('emergencyContactRelation')} placeholder="e.g. Mother" />}
          </Field>
          <Field label={words.fields.noticeDays} error={errors.noticeDays?.message} hint="Days they must give to leave a post; blank if not known">
            {(a) => <input {...a} {...register('noticeDays', { setValueAs: numberOrNull })} inputMode="numeric" />}
          </Field>
        </div>
        <FormWarning text={warning.shown} />
        <FormActions onCancel={onClose} submitLabel={warning.shown ? 'Save anyway' : person ? 'Save' : 'Add person'} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
