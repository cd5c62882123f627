import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema } from '../../../shared/api';
import { words } from '../../../shared/words';
import { call } from '../api/client';
import { Field, showApiError } from '../forms/form-helpers';
import { AuthPage } from './AuthPage';
import { PASSWORD_GUIDANCE, sameAs } from './password-fields';
import { useSetAuthState } from './session';
import { useSessionStore } from './session-store';

const schema = z
  .object({ displayName: displayNameSchema, username: usernameSchema, password: passwordSchema, repeatPassword: z.string() })
  .superRefine(sameAs('password'));
type Values = z.input<typeof schema>;

/**
 * The first start: no account exists, so the person in front of the app creates the owner's. There is no default
 * password; the core answers a one-time recovery code, which the next screen shows before the app opens.
 */
export function FirstStartScreen() {
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', username: '', password: '', repeatPassword: '' },
  });
  const setState = useSetAuthState();
  const showRecoveryCode = useSessionStore((s) => s.showRecoveryCode);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const grant = await call('auth.createOwner', { displayName: values.displayName, username: values.username, password: values.password });
      // The code first: the gate shows it before the app, whatever the session's state says.
      showRecoveryCode(grant.recoveryCode);
      setState({ needsOwner: false, user: grant.user, locked: false });
    } catch (error) {
      showApiError(error, form.setError, ['displayName', 'username', 'password']);
    }
  });
  return (
    <AuthPage title="Welcome to Harmony Crew">
      <p>
        Create the owner’s account first. The owner adds everyone else and can do everything, so choose a password
        only you know. Harmony Crew has no default password.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <Field label="Your name" error={errors.displayName?.message}>
          {(a) => <input {...a} {...form.register('displayName')} autoFocus autoComplete="name" placeholder="e.g. Jane Smith" />}
        </Field>
        <Field label={words.fields.username} error={errors.username?.message} hint="What you type to sign in, e.g. jane or j.smith">
          {(a) => <input {...a} {...form.register('username')} autoComplete="username" autoCapitalize="off" spellCheck={false} />}
        </Field>
        <Field label={words.fields.password} error={errors.password?.message} hint={PASSWORD_GUIDANCE}>
          {(a) => <input {...a} {...form.register('password')} type="password" autoComplete="new-password" />}
        </Field>
        <Field label="Password again" error={errors.repeatPassword?.message}>
          {(a) => <input {...a} {...form.register('repeatPassword')} type="password" autoComplete="new-password" />}
        </Field>
        <div className="form-actions">
          <span />
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create the owner’s account'}
          </button>
        </div>
      </form>
    </AuthPage>
  );
}
