import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import type { User } from '../../../../shared/api';
import { ROLES, type Role } from '../../../../shared/auth/roles';
import { DEPARTMENTS } from '../../../../shared/domain/crew';
import { words } from '../../../../shared/words';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useMe } from '../../auth/session';
import { PASSWORD_GUIDANCE } from '../../auth/password-fields';
import { Dialog } from '../../components/Dialog';
import { EnumOptions, Field, FormActions } from '../../forms/form-helpers';
import { PersonPicker } from '../questionnaires/PersonPicker';
import { addUserSchema, editUserFormSchema, fieldErrors, scopeOf, valuesOf, type AddUserValues } from './user-values';

const FIELDS = ['displayName', 'username', 'role', 'vesselIds', 'department', 'person', 'password'];

/** The roles the signed-in user may give: there is one owner, and only the owner makes administrators. */
export function grantableRoles(myRole: Role | undefined): Role[] {
  return ROLES.filter((role) => role !== 'owner' && (role !== 'admin' || myRole === 'owner'));
}

/**
 * Add a user (name, user name, role, what they see, their first password) or edit one (name, role, what they
 * see, the linked person). Nobody changes their own role or scope, so those are fixed when editing oneself.
 */
export function UserForm({ user, personName, onClose }: { user?: User; personName?: string | null; onClose(): void }) {
  const me = useMe();
  const self = user !== undefined && user.id === me?.id;
  const fixedRole = self || user?.role === 'owner';
  const form = useForm<AddUserValues>({
    resolver: zodResolver(user ? editUserFormSchema : addUserSchema),
    defaultValues: user
      ? { ...valuesOf(user, personName ?? null), username: user.username, password: '', repeatPassword: '' }
      : { displayName: '', username: '', role: 'captain', wholeOrganisation: false, vesselIds: [], department: '', person: null, password: '', repeatPassword: '' },
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const [failure, setFailure] = useState<string | null>(null);
  const vessels = useApiQuery('vessels.list', { archived: 'exclude' });
  const create = useApiMutation('users.create', ['users.']);
  const update = useApiMutation('users.update', ['users.', 'auth.']);
  const role = useWatch({ control, name: 'role' });
  const whole = useWatch({ control, name: 'wholeOrganisation' });
  const roles = fixedRole && user ? [user.role] : grantableRoles(me?.role);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const personId = values.role === 'crew_member' ? (values.person?.id ?? null) : null;
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          displayName: values.displayName,
          personId,
          ...(fixedRole ? {} : { role: values.role, scope: scopeOf(values) }),
        });
        toast.success(`Saved ${values.displayName}`);
      } else {
        await create.mutateAsync({ username: values.username, displayName: values.displayName, role: values.role, scope: scopeOf(values), personId, password: values.password });
        toast.success(`Added ${values.displayName}: they can sign in as ${values.username}`);
      }
      onClose();
    } catch (error) {
      setFailure(fieldErrors(error, setError, FIELDS));
    }
  });

  return (
    <Dialog title={user ? `Edit ${user.displayName}` : 'Add a user'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <Field label={words.fields.displayName} error={errors.displayName?.message}>
            {(a) => <input {...a} {...register('displayName')} autoFocus placeholder="e.g. Jane Smith" />}
          </Field>
          {!user && (
            <Field label={words.fields.username} error={errors.username?.message} hint="What they type to sign in">
              {(a) => <input {...a} {...register('username')} autoComplete="off" autoCapitalize="off" spellCheck={false} />}
            </Field>
          )}
          <Field label={words.fields.role} error={errors.role?.message} {...(fixedRole ? { hint: self ? 'Nobody changes their own role' : 'There is one owner' } : {})}>
            {(a) => (
              <select {...a} {...register('role')} disabled={fixedRole}>
                <EnumOptions values={roles} labels={words.roles} />
              </select>
            )}
          </Field>
          {role === 'head_of_department' && !fixedRole && (
            <Field label={words.fields.department} error={errors.department?.message} hint="They see questionnaire results of this department only">
              {(a) => (
                <select {...a} {...register('department')}>
                  <option value="">Choose a department…</option>
                  <EnumOptions values={DEPARTMENTS} labels={words.departments} />
                </select>
              )}
            </Field>
          )}
        </div>
        {!fixedRole && (
          <fieldset className="segmented">
            <legend>{words.fields.scope}</legend>
            <label className="check">
              <input type="radio" checked={whole} onChange={() => form.setValue('wholeOrganisation', true)} /> {words.scopeParts.wholeOrganisation}
            </label>{' '}
            <label className="check">
              <input type="radio" checked={!whole} onChange={() => form.setValue('wholeOrganisation', false)} /> Chosen vessels
            </label>
            {!whole && (
              <Controller
                control={control}
                name="vesselIds"
                render={({ field }) => (
                  <div className="scope-vessels" role="group" aria-label="Vessels">
                    {(vessels.data ?? []).map((vessel) => (
                      <label key={vessel.id} className="check">
                        <input
                          type="checkbox"
                          checked={field.value.includes(vessel.id)}
                          onChange={(e) => field.onChange(e.target.checked ? [...field.value, vessel.id] : field.value.filter((id) => id !== vessel.id))}
                        />{' '}
                        {vessel.name}
                      </label>
                    ))}
                    {vessels.data?.length === 0 && <span className="muted">There are no vessels yet: add one first, or give the whole organisation.</span>}
                  </div>
                )}
              />
            )}
            {errors.vesselIds?.message && (
              <span className="field-error" role="alert">
                {errors.vesselIds.message}
              </span>
            )}
          </fieldset>
        )}
        {role === 'crew_member' && (
          <Controller
            control={control}
            name="person"
            render={({ field }) => (
              <div className="field">
                <label htmlFor="user-person">{words.fields.personId}</label>
                <PersonPicker id="user-person" value={field.value} onChange={field.onChange} />
                {errors.person?.message && (
                  <span className="field-error" role="alert">
                    {errors.person.message}
                  </span>
                )}
              </div>
            )}
          />
        )}
        {!user && (
          <div className="form-grid">
            <Field label="First password" error={errors.password?.message} hint={`${PASSWORD_GUIDANCE} Tell it to them in person; they can change it.`}>
              {(a) => <input {...a} {...register('password')} type="password" autoComplete="new-password" />}
            </Field>
            <Field label="First password again" error={errors.repeatPassword?.message}>
              {(a) => <input {...a} {...register('repeatPassword')} type="password" autoComplete="new-password" />}
            </Field>
          </div>
        )}
        {failure && (
          <p className="notice bad" role="alert">
            {failure}
          </p>
        )}
        <FormActions onCancel={onClose} submitLabel={user ? 'Save' : 'Add user'} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
