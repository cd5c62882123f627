import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { positionInputSchema, type Position, type PositionInput } from '../../../shared/api';
import {
  COMMON_ROTATIONS,
  DEFAULT_ROTATION,
  DEPARTMENTS,
  DEPARTMENT_LABELS,
  EMPLOYMENT_KINDS,
  EMPLOYMENT_KIND_LABELS,
  POSITION_TITLES,
  departmentOfTitle,
} from '../../../shared/domain/crew';
import { useApiMutation } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { EnumOptions, Field, FormActions, numberOrNull, showApiError } from './form-helpers';

const FIELDS = Object.keys(positionInputSchema.shape);

/** Add or edit a position: CREW.md titles are offered, any title (e.g. "Deck/Stew") is accepted. */
export function PositionForm({ vesselId, position, onClose }: { vesselId: string; position?: Position; onClose(): void }) {
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = useForm<PositionInput, unknown, ReturnType<typeof positionInputSchema.parse>>({
    resolver: zodResolver(positionInputSchema),
    defaultValues: position
      ? { ...position, rotation: position.rotation ?? '' }
      : { vesselId, department: 'deck', title: '', headcount: 1, rotation: '', employmentKind: 'permanent' },
  });
  const { errors, isSubmitting } = formState;
  const department = useWatch({ control, name: 'department' });
  const create = useApiMutation('positions.create', ['vessels.']);
  const update = useApiMutation('positions.update', ['vessels.']);
  const onSubmit = handleSubmit(async ({ vesselId: _vesselId, ...values }) => {
    try {
      const saved = position ? await update.mutateAsync({ id: position.id, ...values }) : await create.mutateAsync({ vesselId, ...values });
      toast.success(position ? `Saved ${saved.title}` : `Added ${saved.title}`);
      onClose();
    } catch (error) {
      showApiError(error, setError, FIELDS);
    }
  });
  const titleField = register('title');
  const kindField = register('employmentKind');
  return (
    <Dialog title={position ? `Edit ${position.title}` : 'Add a position'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <Field label="Department" error={errors.department?.message}>
            {(a) => (
              <select {...a} {...register('department')} autoFocus>
                <EnumOptions values={DEPARTMENTS} labels={DEPARTMENT_LABELS} />
              </select>
            )}
          </Field>
          <Field label="Title" error={errors.title?.message} hint="Pick one, or type a dual role such as Deck/Stew">
            {(a) => (
              <>
                <input
                  {...a}
                  {...titleField}
                  list="position-titles"
                  onChange={(event) => {
                    void titleField.onChange(event);
                    // A known title belongs to its department (CREW.md); follow it.
                    const known = departmentOfTitle(event.target.value);
                    if (known) setValue('department', known);
                  }}
                />
                <datalist id="position-titles">
                  {POSITION_TITLES[department ?? 'deck'].map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Headcount" error={errors.headcount?.message}>
            {(a) => <input {...a} {...register('headcount', { setValueAs: numberOrNull })} inputMode="numeric" />}
          </Field>
          <Field label="Employment" error={errors.employmentKind?.message}>
            {(a) => (
              <select
                {...a}
                {...kindField}
                onChange={(event) => {
                  void kindField.onChange(event);
                  // Rotational crew usually follow their department's pattern (CREW.md).
                  if (event.target.value === 'rotational' && !getValues('rotation')) setValue('rotation', DEFAULT_ROTATION[getValues('department') ?? 'deck']);
                }}
              >
                <EnumOptions values={EMPLOYMENT_KINDS} labels={EMPLOYMENT_KIND_LABELS} />
              </select>
            )}
          </Field>
          <Field label="Rotation (weeks on:off)" error={errors.rotation?.message} hint={`Blank for none; usual for ${DEPARTMENT_LABELS[department ?? 'deck']}: ${DEFAULT_ROTATION[department ?? 'deck']}`}>
            {(a) => (
              <>
                <input {...a} {...register('rotation')} list="rotations" placeholder="e.g. 4:2" />
                <datalist id="rotations">
                  {COMMON_ROTATIONS.map((r) => (
                    <option key={r} value={r} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <FormActions onCancel={onClose} submitLabel={position ? 'Save' : 'Add position'} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
