import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { vesselInputSchema, type Vessel, type VesselInput } from '../../../shared/api';
import { COUNTRIES } from '../../../shared/domain/countries';
import { VESSEL_KINDS, VESSEL_USES } from '../../../shared/domain/crew';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { EnumOptions, Field, FormActions, numberOrNull, showApiError } from './form-helpers';
import { words } from '../../../shared/words';

const FIELDS = Object.keys(vesselInputSchema.shape);

/** Add or edit a vessel; validated with the contract's own schema, server issues shown per field. */
export function VesselForm({ vessel, onClose, onSaved }: { vessel?: Vessel; onClose(): void; onSaved?(vessel: Vessel): void }) {
  const form = useForm<VesselInput, unknown, ReturnType<typeof vesselInputSchema.parse>>({
    resolver: zodResolver(vesselInputSchema),
    defaultValues: vessel
      ? { ...vessel, imoNumber: vessel.imoNumber ?? '', officialNumber: vessel.officialNumber ?? '', homePort: vessel.homePort ?? '' }
      : { name: '', kind: 'motor', flag: '', imoNumber: '', officialNumber: '', homePort: '', use: 'private', grossTonnage: null, cruisingAreas: [] },
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const areas = useApiQuery('fit.settings', {}).data?.areas ?? [];
  const { errors, isSubmitting } = formState;
  const create = useApiMutation('vessels.create', ['vessels.']);
  const update = useApiMutation('vessels.update', ['vessels.', 'people.']);
  const onSubmit = handleSubmit(async (values) => {
    try {
      const saved = vessel ? await update.mutateAsync({ id: vessel.id, ...values }) : await create.mutateAsync(values);
      toast.success(vessel ? `Saved ${saved.name}` : `Added ${saved.name}`);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showApiError(error, setError, FIELDS);
    }
  });
  return (
    <Dialog title={vessel ? `Edit ${vessel.name}` : 'Add a vessel'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <Field label={words.fields.name} error={errors.name?.message}>
            {(a) => <input {...a} {...register('name')} autoFocus placeholder="e.g. Serenity Tide" />}
          </Field>
          <Field label={words.fields.kind} error={errors.kind?.message}>
            {(a) => (
              <select {...a} {...register('kind')}>
                <EnumOptions values={VESSEL_KINDS} labels={words.vesselKinds} />
              </select>
            )}
          </Field>
          <Field label={words.fields.lengthM} error={errors.lengthM?.message}>
            {(a) => <input {...a} {...register('lengthM', { setValueAs: numberOrNull })} inputMode="decimal" />}
          </Field>
          <Field label={words.fields.grossTonnage} error={errors.grossTonnage?.message} hint="Optional">
            {(a) => <input {...a} {...register('grossTonnage', { setValueAs: numberOrNull })} inputMode="decimal" />}
          </Field>
          <Field label={words.fields.flag} error={errors.flag?.message}>
            {(a) => (
              <select {...a} {...register('flag')}>
                <option value="">Choose a flag state…</option>
                {COUNTRIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={words.fields.use} error={errors.use?.message}>
            {(a) => (
              <select {...a} {...register('use')}>
                <EnumOptions values={VESSEL_USES} labels={words.vesselUses} />
              </select>
            )}
          </Field>
          <Field label={words.fields.imoNumber} error={errors.imoNumber?.message} hint="7 digits, e.g. IMO 9074729">
            {(a) => <input {...a} {...register('imoNumber')} />}
          </Field>
          <Field label={words.fields.officialNumber} error={errors.officialNumber?.message} hint="If there is no IMO number">
            {(a) => <input {...a} {...register('officialNumber')} />}
          </Field>
          <Field label={words.fields.homePort} error={errors.homePort?.message}>
            {(a) => <input {...a} {...register('homePort')} />}
          </Field>
        </div>
        <Controller
          control={control}
          name="cruisingAreas"
          render={({ field }) => (
            <fieldset className="segmented">
              <legend>Cruising areas</legend>
              {areas.map((area) => (
                <label key={area.id} className="check" title={area.why}>
                  <input
                    type="checkbox"
                    checked={(field.value ?? []).includes(area.id)}
                    onChange={(e) => field.onChange(e.target.checked ? [...(field.value ?? []), area.id] : (field.value ?? []).filter((id) => id !== area.id))}
                  />{' '}
                  {area.label}
                </label>
              ))}
              {errors.cruisingAreas?.message && <span className="field-error">{errors.cruisingAreas.message}</span>}
            </fieldset>
          )}
        />
        <FormActions onCancel={onClose} submitLabel={vessel ? 'Save' : 'Add vessel'} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
