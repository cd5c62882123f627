import { useId, useState, type BaseSyntheticEvent, type FormEvent, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { toast } from 'sonner';
import { parseDecimal } from '../../../shared/domain/numbers';
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

export const INCOMPLETE_DATE = 'Enter the whole date: day, month and year';

/**
 * A date picker left half filled in holds no value at all, so a form would take it as blank (an end date as
 * "open-ended"). Says so on that field instead, and sends nothing.
 */
export function withWholeDates<T extends FieldValues>(submit: (event?: BaseSyntheticEvent) => Promise<void>, setError: UseFormSetError<T>) {
  return (event: FormEvent<HTMLFormElement>): void => {
    const halfFilled = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="date"]')].filter((input) => input.validity.badInput);
    if (halfFilled.length === 0) {
      void submit(event);
      return;
    }
    event.preventDefault();
    for (const input of halfFilled) setError(input.name as Path<T>, { type: 'incomplete', message: INCOMPLETE_DATE });
  };
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

/**
 * What every number field stores: blank → null; "48.5" or "48,5" → 48.5; junk, or a comma that could group
 * thousands ("12,500"), → NaN, which the schema reports with the field's own message.
 */
export const numberOrNull = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : parseDecimal(String(value));
};

/** The same for a field that cannot be left blank: blank is NaN too. */
export const numberOrNaN = (value: unknown): number => numberOrNull(value) ?? Number.NaN;

/** The options of a select over a fixed list, labelled for people. */
export function EnumOptions<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

/**
 * A warning that does not forbid saving (a duplicate title, an unusually young person), worked out from what the
 * form holds now: the first submit shows it, a second submit with the same warning saves anyway. Once the fields
 * no longer call for it, it is gone.
 */
export function useWarningGate(current: string | null) {
  const [shown, setShown] = useState<string | null>(null);
  return {
    shown: shown !== null && shown === current ? shown : null,
    /** True when saving may go on: nothing to warn of, or this very warning has been shown once already. */
    pass(): boolean {
      if (current === null || current === shown) return true;
      setShown(current);
      return false;
    },
  };
}

export function FormWarning({ text }: { text: string | null }) {
  return text ? (
    <p className="notice warn" role="alert">
      {text}
    </p>
  ) : null;
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
