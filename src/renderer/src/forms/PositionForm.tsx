import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { positionInputSchema, type Position, type PositionInput } from '../../../shared/api';
import { COMMON_ROTATIONS, DEFAULT_ROTATION, DEPARTMENTS, EMPLOYMENT_KINDS, POSITION_TITLES, departmentOfTitle, sameTitle } from '../../../shared/domain/crew';
import { mustBeAboardByDefault } from '../../../shared/domain/manning';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { EnumOptions, Field, FormActions, FormWarning, numberOrNull, showApiError, useWarningGate } from './form-helpers';
import { positionOf, words } from '../../../shared/words';

const FIELDS = Object.keys(positionInputSchema.shape);

/** Add or edit a position: the usual yacht titles are offered (docs/domain.md#departments-and-positions), any title (e.g. "Deck/Stew") is accepted. */
export function PositionForm({ vesselId, position, onClose }: { vesselId: string; position?: Position; onClose(): void }) {
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = useForm<PositionInput, unknown, ReturnType<typeof positionInputSchema.parse>>({
    resolver: zodResolver(positionInputSchema),
    defaultValues: position
      ? { ...position, rotation: position.rotation ?? '' }
      : { vesselId, department: 'deck', title: '', headcount: 1, rotation: '', employmentKind: 'permanent', mustBeAboard: false },
  });
  const { errors, isSubmitting, dirtyFields } = formState;
  // When a known title moves the department, say so next to it: nothing changes behind the captain's back.
  const [departmentNote, setDepartmentNote] = useState<string | null>(null);
  const department = useWatch({ control, name: 'department' });
  const create = useApiMutation('positions.create', ['vessels.']);
  const update = useApiMutation('positions.update', ['vessels.']);
  const vessel = useApiQuery('vessels.get', { id: vesselId });
  const title = useWatch({ control, name: 'title' }) ?? '';
  const twin = vessel.data?.positions.find((p) => p.archivedAt === null && p.id !== position?.id && sameTitle(p.title, title));
  const warning = useWarningGate(
    twin ? `${vessel.data!.vessel.name} already has a ${twin.title} position (${twin.headcount} ${twin.headcount === 1 ? 'berth' : 'berths'}). For another berth, raise its headcount instead; or save this one anyway.` : null,
  );
  const onSubmit = handleSubmit(async ({ vesselId: _vesselId, ...values }) => {
    if (!warning.pass()) return;
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
  const departmentField = register('department');
  return (
    <Dialog title={position ? `Edit ${position.title}` : 'Add a position'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <Field label={words.fields.department} error={errors.department?.message} {...(departmentNote ? { hint: departmentNote } : {})}>
            {(a) => (
              <select
                {...a}
                {...departmentField}
                autoFocus
                onChange={(event) => {
                  void departmentField.onChange(event);
                  setDepartmentNote(null);
                }}
              >
                <EnumOptions values={DEPARTMENTS} labels={words.departments} />
              </select>
            )}
          </Field>
          <Field label={words.fields.title} error={errors.title?.message} hint="Pick one, or type a dual role such as Deck/Stew">
            {(a) => (
              <>
                <input
                  {...a}
                  {...titleField}
                  list="position-titles"
                  onChange={(event) => {
                    void titleField.onChange(event);
                    // A known title belongs to one department (the API refuses it under another): follow it, and say so.
                    const known = departmentOfTitle(event.target.value);
                    if (known && known !== getValues('department')) {
                      setValue('department', known, { shouldValidate: formState.isSubmitted });
                      setDepartmentNote(`Changed to ${words.departments[known]}: ${event.target.value.trim()} is ${positionOf(known)}`);
                    }
                    // Until the captain ticks or unticks it, "must be aboard" follows the title's default.
                    if (!position && !dirtyFields.mustBeAboard) setValue('mustBeAboard', mustBeAboardByDefault(event.target.value));
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
          <Field label={words.fields.headcount} error={errors.headcount?.message}>
            {(a) => <input {...a} {...register('headcount', { setValueAs: numberOrNull })} inputMode="numeric" />}
          </Field>
          <Field label={words.fields.employmentKind} error={errors.employmentKind?.message}>
            {(a) => (
              <select
                {...a}
                {...kindField}
                onChange={(event) => {
                  void kindField.onChange(event);
                  // Rotational crew usually follow their department's pattern (docs/domain.md#rotations).
                  if (event.target.value === 'rotational' && !getValues('rotation')) setValue('rotation', DEFAULT_ROTATION[getValues('department') ?? 'deck']);
                }}
              >
                <EnumOptions values={EMPLOYMENT_KINDS} labels={words.employmentKinds} />
              </select>
            )}
          </Field>
          <Field label={words.fields.rotation} error={errors.rotation?.message} hint={`Blank for none; usual for ${words.departments[department ?? 'deck']}: ${DEFAULT_ROTATION[department ?? 'deck']}`}>
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
        <Field label={words.fields.mustBeAboard} error={errors.mustBeAboard?.message} hint="Someone holding this position must be aboard every day; the vessel screen warns of days nobody is">
          {(a) => (
            <input {...a} {...register('mustBeAboard')} type="checkbox" style={{ alignSelf: 'flex-start' }} />
          )}
        </Field>
        <FormWarning text={warning.shown} />
        <FormActions onCancel={onClose} submitLabel={warning.shown ? 'Save anyway' : position ? 'Save' : 'Add position'} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
