import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { assignmentInputSchema, type AssignmentInput } from '../../../shared/api';
import { todayIsoDate } from '../../../shared/domain/dates';
import { ageBelowMinimum, MINIMUM_CREW_AGE } from '../../../shared/domain/crew';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { formatDate } from '../format';
import { Field, FormActions, FormWarning, showApiError, useWarningGate, withWholeDates } from './form-helpers';
import { words } from '../../../shared/words';

/** The contract's assignment schema plus the vessel picked first (positions are per vessel). */
const formSchema = assignmentInputSchema.safeExtend({ vesselId: z.string().min(1, 'Choose a vessel') });
type FormInput = AssignmentInput & { vesselId: string };
const FIELDS = ['vesselId', 'positionId', 'startDate', 'endDate', 'rotation'];

/** Assign a person to a vessel position; a double booking comes back as a message on the start date. */
export function AssignmentForm({ personId, personName, dateOfBirth, onClose }: { personId: string; personName: string; dateOfBirth: string; onClose(): void }) {
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<FormInput, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { personId, vesselId: '', positionId: '', startDate: todayIsoDate(), endDate: '', rotation: '' },
  });
  const { errors, isSubmitting } = formState;
  const vessels = useApiQuery('vessels.list', {});
  const vesselId = useWatch({ control, name: 'vesselId' });
  const positionId = useWatch({ control, name: 'positionId' });
  const detail = useApiQuery('vessels.get', { id: vesselId }, { enabled: vesselId !== '' });
  const positions = (detail.data?.positions ?? []).filter((p) => p.archivedAt === null);
  const chosen = positions.find((p) => p.id === positionId);
  const create = useApiMutation('assignments.create', ['people.', 'vessels.']);
  const startDate = useWatch({ control, name: 'startDate' });
  const age = ageBelowMinimum(dateOfBirth, startDate);
  const warning = useWarningGate(age === null ? null : `${personName} is ${age} on ${formatDate(startDate)}: nobody under ${MINIMUM_CREW_AGE} may work at sea. Check their date of birth, or assign anyway.`);
  const onSubmit = handleSubmit(async ({ vesselId: _vesselId, rotation, ...values }) => {
    if (!warning.pass()) return;
    try {
      // A blank rotation means "as the position"; the API reads an absent rotation that way.
      await create.mutateAsync({ ...values, ...(rotation ? { rotation } : {}) });
      toast.success(`Assigned ${personName} as ${chosen?.title ?? 'crew'}`);
      onClose();
    } catch (error) {
      showApiError(error, setError, FIELDS);
    }
  });
  const vesselField = register('vesselId');
  return (
    <Dialog title={`Assign ${personName}`} onClose={onClose}>
      <form onSubmit={withWholeDates(onSubmit, setError)} noValidate>
        <div className="form-grid">
          <Field label={words.fields.vesselId} error={errors.vesselId?.message}>
            {(a) => (
              <select
                {...a}
                {...vesselField}
                autoFocus
                onChange={(event) => {
                  void vesselField.onChange(event);
                  setValue('positionId', '');
                }}
              >
                <option value="">Choose a vessel…</option>
                {(vessels.data ?? []).map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={words.fields.positionId} error={errors.positionId?.message ? 'Choose a position' : undefined}>
            {(a) => (
              <select {...a} {...register('positionId')} disabled={vesselId === ''}>
                <option value="">{vesselId === '' ? 'Choose a vessel first' : positions.length === 0 ? 'This vessel has no positions yet' : 'Choose a position…'}</option>
                {positions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {words.departments[p.department]} · {p.title} ({p.vacancies > 0 ? `${p.vacancies} vacant` : 'full'})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={words.fields.startDate} error={errors.startDate?.message}>
            {(a) => <input {...a} {...register('startDate')} type="date" />}
          </Field>
          <Field label={words.fields.endDate} error={errors.endDate?.message} hint="Blank for open-ended">
            {(a) => <input {...a} {...register('endDate')} type="date" />}
          </Field>
          <Field label={words.fields.rotation} error={errors.rotation?.message} hint={`Blank: the position's (${chosen?.rotation ?? 'none'})`}>
            {(a) => <input {...a} {...register('rotation')} placeholder={chosen?.rotation ?? 'e.g. 4:2'} />}
          </Field>
        </div>
        <FormWarning text={warning.shown} />
        <FormActions onCancel={onClose} submitLabel={warning.shown ? 'Assign anyway' : 'Assign'} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
