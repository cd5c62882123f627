import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { documentCorrectionSchema, FITNESS_LEVELS, SEXES, type DocumentFields, type DocumentRecord, type DocumentType } from '../../../shared/api';
import { useApiMutation } from '../api/hooks';
import { EnumOptions, Field, showApiError } from './form-helpers';
import { words } from '../../../shared/words';

type FieldName = keyof DocumentFields;

const LABELS: Record<FieldName, string> = { ...words.documentFields, restrictions: 'Restrictions (one per line)' };

const PERSONAL: FieldName[] = ['surname', 'givenNames', 'dateOfBirth', 'nationality'];
const BY_TYPE: Record<DocumentType, FieldName[]> = {
  passport: [...PERSONAL, 'sex', 'documentNumber', 'issuingState', 'dateOfIssue', 'expiryDate'],
  seamans_book: [...PERSONAL, 'documentNumber', 'issuingState', 'dateOfIssue', 'expiryDate'],
  stcw_certificate: [...PERSONAL, 'certificateType', 'stcwReference', 'certificateNumber', 'dateOfIssue', 'expiryDate'],
  eng1_medical: [...PERSONAL, 'certificateNumber', 'dateOfIssue', 'expiryDate', 'fitness', 'restrictions'],
  unknown: [...PERSONAL, 'documentNumber', 'certificateType', 'certificateNumber', 'dateOfIssue', 'expiryDate'],
};
const DATES = new Set<FieldName>(['dateOfBirth', 'dateOfIssue', 'expiryDate']);

type Values = Record<FieldName, string>;

const asText = (value: DocumentFields[FieldName]): string => (value === undefined ? '' : Array.isArray(value) ? value.join('\n') : value);

/**
 * The fields as they stand, editable. Saving sends only what changed; the core re-runs the checks. Validated with
 * the contract's correction schema, messages shown per field.
 */
export function DocumentFieldsForm({ document, disabled }: { document: DocumentRecord; disabled: boolean }) {
  const names = BY_TYPE[document.type];
  const initial = Object.fromEntries(names.map((name) => [name, asText(document.fields[name])])) as Values;
  const form = useForm<Values>({ values: initial });
  const correct = useApiMutation('documents.correct', ['documents.'], {
    onSuccess: (saved) => toast.success(saved.status === 'verified' ? 'Corrected: the checks now pass' : 'Corrected and checked again'),
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const changes: Record<string, unknown> = {};
    for (const name of names) {
      const value = values[name].trim();
      if (value === initial[name].trim()) continue;
      changes[name] = name === 'restrictions' ? value.split('\n').map((l) => l.trim()).filter(Boolean) : value;
    }
    const parsed = documentCorrectionSchema.safeParse(changes);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (typeof field === 'string' && names.includes(field as FieldName)) form.setError(field as FieldName, { message: issue.message });
        else toast.error(issue.message);
      }
      return;
    }
    try {
      await correct.mutateAsync({ id: document.id, fields: parsed.data });
    } catch (error) {
      showApiError(error, form.setError, names);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Fields">
      <div className="form-grid">
        {names.map((name) => (
          <Field key={name} label={LABELS[name]} error={form.formState.errors[name]?.message} {...(document.readFields[name] !== undefined && asText(document.readFields[name]) !== asText(document.fields[name]) ? { hint: `Read as: ${asText(document.readFields[name])}` } : {})}>
            {(a) =>
              name === 'sex' ? (
                <select {...a} {...form.register(name)} disabled={disabled}>
                  <option value="">—</option>
                  <EnumOptions values={SEXES} labels={words.sexes} />
                </select>
              ) : name === 'fitness' ? (
                <select {...a} {...form.register(name)} disabled={disabled}>
                  <option value="">—</option>
                  <EnumOptions values={FITNESS_LEVELS} labels={words.fitness} />
                </select>
              ) : name === 'restrictions' ? (
                <textarea {...a} {...form.register(name)} rows={2} disabled={disabled} />
              ) : (
                <input {...a} {...form.register(name)} disabled={disabled} {...(DATES.has(name) ? { placeholder: 'YYYY-MM-DD' } : {})} />
              )
            }
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={disabled || correct.isPending || !form.formState.isDirty}>
          Save corrections
        </button>
      </div>
    </form>
  );
}
