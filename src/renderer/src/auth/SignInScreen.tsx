import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { usernameSchema } from '../../../shared/api';
import { words } from '../../../shared/words';
import { ApiCallError, call } from '../api/client';
import { Field } from '../forms/form-helpers';
import { AuthPage } from './AuthPage';
import { retryAtOf } from './password-fields';
import { RecoverForm } from './RecoverForm';
import { useSetAuthState } from './session';
import { useSessionStore } from './session-store';

const schema = z.object({ username: usernameSchema, password: z.string().min(1, 'Give the password') });
type Values = z.infer<typeof schema>;

/** Seconds until a moment, counted down once a second (0 once it has passed). */
function useSecondsUntil(at: Date | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!at) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at ? Math.max(0, Math.ceil((at.getTime() - now) / 1000)) : 0;
}

/** Signed out (or the session ended): user name and password, or the owner's way back with the recovery code. */
export function SignInScreen() {
  const [recovering, setRecovering] = useState(false);
  const notice = useSessionStore((s) => s.notice);
  if (recovering) return <RecoverForm onDone={() => setRecovering(false)} />;
  return (
    <AuthPage title="Sign in">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <SignInForm />
      <p>
        <button type="button" className="link" onClick={() => setRecovering(true)}>
          Forgot the owner’s password?
        </button>
      </p>
    </AuthPage>
  );
}

export function SignInForm({ username = '' }: { username?: string }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { username, password: '' } });
  const setState = useSetAuthState();
  const setNotice = useSessionStore((s) => s.setNotice);
  const [refusal, setRefusal] = useState<{ message: string; retryAt: Date | null } | null>(null);
  const wait = useSecondsUntil(refusal?.retryAt ?? null);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setRefusal(null);
    try {
      const grant = await call('auth.login', values);
      setNotice(null);
      setState({ needsOwner: false, user: grant.user, locked: false });
    } catch (error) {
      form.setValue('password', '');
      setRefusal({ message: error instanceof Error ? error.message : String(error), retryAt: error instanceof ApiCallError ? retryAtOf(error.details) : null });
      form.setFocus('password');
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field label={words.fields.username} error={errors.username?.message}>
        {(a) => <input {...a} {...form.register('username')} autoFocus={username === ''} autoComplete="username" autoCapitalize="off" spellCheck={false} />}
      </Field>
      <Field label={words.fields.password} error={errors.password?.message}>
        {(a) => <input {...a} {...form.register('password')} type="password" autoFocus={username !== ''} autoComplete="current-password" />}
      </Field>
      {refusal && (
        <p className="notice bad" role="alert">
          {refusal.message}
          {wait > 0 && ` You can try again in ${wait} s.`}
        </p>
      )}
      <div className="form-actions">
        <span />
        <button type="submit" className="primary" disabled={isSubmitting || wait > 0}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
