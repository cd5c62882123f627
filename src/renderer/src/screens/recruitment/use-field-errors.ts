import { useState } from 'react';
import { toast } from 'sonner';
import { ApiCallError } from '../../api/client';

/**
 * Messages of a refused save, by field: those of the fields a form shows sit under them, anything else is a
 * toast. For the small forms of recruitment, which hold their values in state.
 */
export function useFieldErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const report = (error: unknown) => {
    const issues = error instanceof ApiCallError ? Object.entries(error.fieldIssues()).filter(([path]) => fields.includes(path.split('.')[0]!)) : [];
    setErrors(Object.fromEntries(issues.map(([path, message]) => [path.split('.')[0]!, message])));
    if (issues.length === 0 || !(error instanceof ApiCallError) || error.code !== 'VALIDATION') toast.error(error instanceof Error ? error.message : String(error));
  };
  return { errors, report, clear: () => setErrors({}) };
}
