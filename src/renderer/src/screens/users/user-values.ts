import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema, type User } from '../../../../shared/api';
import { roleSchema, type Scope } from '../../../../shared/auth/roles';
import { DEPARTMENTS } from '../../../../shared/domain/crew';
import { ApiCallError } from '../../api/client';

/**
 * The add/edit user form's values: the scope is chosen as "whole organisation" or a list of vessels, a department
 * for a head of department, the person for a crew member; the contract's `scope` and `personId` are made from them.
 */
const base = z.object({
  displayName: displayNameSchema,
  role: roleSchema,
  wholeOrganisation: z.boolean(),
  vesselIds: z.array(z.string()),
  department: z.enum(DEPARTMENTS).or(z.literal('')),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
});

function scopeRules(values: z.infer<typeof base>, context: z.RefinementCtx): void {
  if (!values.wholeOrganisation && values.vesselIds.length === 0) context.addIssue({ code: 'custom', path: ['vesselIds'], message: 'Choose at least one vessel, or the whole organisation' });
  if (values.role === 'head_of_department' && values.department === '') context.addIssue({ code: 'custom', path: ['department'], message: 'Choose the department they head' });
  if (values.role === 'crew_member' && values.person === null) context.addIssue({ code: 'custom', path: ['person'], message: 'Choose the crew member this account is for' });
}

export const editUserSchema = base.superRefine(scopeRules);
/** The edit form holds the same fields as the add form; the user name and password are neither shown nor checked. */
export const editUserFormSchema = base.extend({ username: z.string(), password: z.string(), repeatPassword: z.string() }).superRefine(scopeRules);
export const addUserSchema = base
  .extend({ username: usernameSchema, password: passwordSchema, repeatPassword: z.string() })
  .superRefine((values, context) => {
    scopeRules(values, context);
    if (values.password !== values.repeatPassword) context.addIssue({ code: 'custom', path: ['repeatPassword'], message: 'The two passwords are not the same' });
  });

export type EditUserValues = z.infer<typeof editUserSchema>;
export type AddUserValues = z.infer<typeof addUserSchema>;

export function scopeOf(values: EditUserValues): Scope {
  return {
    vesselIds: values.wholeOrganisation ? null : values.vesselIds,
    // Only a head of department is narrowed to a department.
    department: values.role === 'head_of_department' && values.department !== '' ? values.department : null,
  };
}

export function valuesOf(user: User, personName: string | null): EditUserValues {
  return {
    displayName: user.displayName,
    role: user.role,
    wholeOrganisation: user.scope.vesselIds === null,
    vesselIds: user.scope.vesselIds ?? [],
    department: user.scope.department ?? '',
    person: user.personId ? { id: user.personId, name: personName ?? 'The linked person' } : null,
  };
}

/** Where a field of the contract's input shows its message in this form. */
const FIELD_OF: Record<string, string> = { 'scope.vesselIds': 'vesselIds', 'scope.department': 'department', scope: 'vesselIds', personId: 'person' };

/**
 * Shows an API failure next to its field (a name already taken, a role one may not give); anything that is not
 * about one field is answered as the form's own message. Returns that message, or null when every issue found
 * its field.
 */
export function fieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiCallError)) return error instanceof Error ? error.message : String(error);
  let placed = 0;
  for (const [path, message] of Object.entries(error.fieldIssues())) {
    const field = FIELD_OF[path] ?? FIELD_OF[path.split('.').slice(0, 2).join('.')] ?? path.split('.')[0]!;
    if (!fields.includes(field)) continue;
    setError(field as Path<T>, { type: 'server', message });
    placed += 1;
  }
  return placed > 0 ? null : error.message;
}
