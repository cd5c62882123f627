import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../../shared/api';
import { words } from '../../../shared/words';
import { call } from '../api/client';
import { Field, showApiError } from '../forms/form-helpers';
import { AuthPage } from './AuthPage';
import { PASSWORD_GUIDANCE, sameAs } from './password-fields';
import { useSessionStore } from './session-store';

const schema = z
  .object({ recoveryCode: z.string().trim().min(8, 'Type the whole recovery code'), newPassword: passwordSchema, repeatPassword: z.string() })
  .superRefine(sameAs('newPassword'));
type Values = z.input<typeof schema>;

/**
 * The owner lost the password: the recovery code written down at the first start and a new password. The core
 * answers a new code (the old one is used up), which the gate shows next; then the owner signs in.
 */
export function RecoverForm({ onDone }: { onDone(): void }) {
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { recoveryCode: '', newPassword: '', repeatPassword: '' } });
  const showRecoveryCode = useSessionStore((s) => s.showRecoveryCode);
  const setNotice = useSessionStore((s) => s.setNotice);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ recoveryCode, newPassword }) => {
    try {
      const answer = await call('auth.recover', { recoveryCode, newPassword });
      setNotice('The owner’s password is changed: sign in with the new one.');
      showRecoveryCode(answer.recoveryCode);
      onDone();
    } catch (error) {
      showApiError(error, form.setError, ['recoveryCode', 'newPassword']);
    }
  });
  return (
    <AuthPage title="Forgot the owner’s password">
      <p>Type the recovery code shown when Harmony Crew was first started, and choose a new password for the owner.</p>
      <form onSubmit={onSubmit} noValidate>
        <Field label={words.fields.recoveryCode} error={errors.recoveryCode?.message}>
          {(a) => <input {...a} {...form.register('recoveryCode')} autoFocus autoComplete="off" autoCapitalize="off" spellCheck={false} />}
        </Field>
        <Field label={words.fields.newPassword} error={errors.newPassword?.message} hint={PASSWORD_GUIDANCE}>
          {(a) => <input {...a} {...form.register('newPassword')} type="password" autoComplete="new-password" />}
        </Field>
        <Field label="New password again" error={errors.repeatPassword?.message}>
          {(a) => <input {...a} {...form.register('repeatPassword')} type="password" autoComplete="new-password" />}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onDone}>
            Back to sign-in
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            Set the new password
          </button>
        </div>
      </form>
    </AuthPage>
  );
}
