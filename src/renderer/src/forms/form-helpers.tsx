import { useId, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { toast } from 'sonner';
import { ApiCallError } from '../api/client';

/**
 * Shows an API failure where it belongs: field-level issues (VALIDATION, or a CONFLICT that names a field) next
 * to their inputs, anything else as a toast with the envelope's message.
 */
export function showApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): void {
  if (error instanceof ApiCallError) {
    const issues = Object.entries(error.fieldIssues()).filter(([path]) => fields.includes(path.split('.')[0]!));
    for (const [path, message] of issues) setError(path.split('.')[0] as Path<T>, { type: 'server', message });
    if (issues.length > 0 && error.code === 'VALIDATION') return;
  }
  toast.error(error instanceof Error ? error.message : String(error));
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with its message underneath, wired for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, ...(error || hint ? { 'aria-describedby': messageId } : {}) })}
      {error ? (
        <span className="field-error" id={messageId} role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint" id={messageId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** Empty text input → null, anything else → a number (NaN for junk, which the schema reports). */
export const numberOrNull = (value: unknown): number | null => (value === '' || value === null || value === undefined ? null : Number(value));

/** The options of a select over a fixed list, labelled for people. */
export function EnumOptions<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

/** Cancel and submit at the foot of a form dialog (Enter submits, Escape cancels). */
export function FormActions({ onCancel, submitLabel, pending }: { onCancel(): void; submitLabel: string; pending: boolean }) {
  return (
    <div className="form-actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </div>
  );
}
