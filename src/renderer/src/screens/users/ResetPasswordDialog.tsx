import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { passwordSchema, type User } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { useApiMutation } from '../../api/hooks';
import { PASSWORD_GUIDANCE, sameAs } from '../../auth/password-fields';
import { Dialog } from '../../components/Dialog';
import { Field, FormActions } from '../../forms/form-helpers';
import { fieldErrors } from './user-values';

const schema = z.object({ newPassword: passwordSchema, repeatPassword: z.string() }).superRefine(sameAs('newPassword'));
type Values = z.infer<typeof schema>;

/** Set another user's password (they forgot theirs): their sessions end and they sign in with the new one. */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose(): void }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { newPassword: '', repeatPassword: '' } });
  const reset = useApiMutation('users.resetPassword', ['users.']);
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    setFailure(null);
    try {
      await reset.mutateAsync({ id: user.id, newPassword });
      toast.success(`${user.displayName}’s password is changed: tell them the new one in person.`);
      onClose();
    } catch (error) {
      setFailure(fieldErrors(error, form.setError, ['newPassword']));
    }
  });
  return (
    <Dialog title={`Reset ${user.displayName}’s password`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">They are signed out everywhere and sign in again with the new password.</p>
        <Field label={words.fields.newPassword} error={errors.newPassword?.message} hint={PASSWORD_GUIDANCE}>
          {(a) => <input {...a} {...form.register('newPassword')} type="password" autoFocus autoComplete="new-password" />}
        </Field>
        <Field label="New password again" error={errors.repeatPassword?.message}>
          {(a) => <input {...a} {...form.register('repeatPassword')} type="password" autoComplete="new-password" />}
        </Field>
        {failure && (
          <p className="notice bad" role="alert">
            {failure}
          </p>
        )}
        <FormActions onCancel={onClose} submitLabel="Set the password" pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
