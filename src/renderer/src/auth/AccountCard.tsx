import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { passwordSchema } from '../../../shared/api';
import { scopeInWords, words } from '../../../shared/words';
import { useApiQuery } from '../api/hooks';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { Field, FormActions } from '../forms/form-helpers';
import { fieldErrors } from '../screens/users/user-values';
import { PASSWORD_GUIDANCE, sameAs } from './password-fields';
import { useLockNow, useMe, useSetAuthState, useSignOut } from './session';

const passwordForm = z
  .object({ currentPassword: z.string().min(1, 'Give your current password'), newPassword: passwordSchema, repeatPassword: z.string() })
  .superRefine(sameAs('newPassword'));
type PasswordValues = z.infer<typeof passwordForm>;

function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const form = useForm<PasswordValues>({ resolver: zodResolver(passwordForm), defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' } });
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    try {
      await call('auth.changePassword', { currentPassword, newPassword });
      toast.success('Your password is changed.');
      onClose();
    } catch (error) {
      setFailure(fieldErrors(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });
  return (
    <Dialog title="Change your password" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Field label={words.fields.currentPassword} error={errors.currentPassword?.message}>
          {(a) => <input {...a} {...form.register('currentPassword')} type="password" autoFocus autoComplete="current-password" />}
        </Field>
        <Field label={words.fields.newPassword} error={errors.newPassword?.message} hint={PASSWORD_GUIDANCE}>
          {(a) => <input {...a} {...form.register('newPassword')} type="password" autoComplete="new-password" />}
        </Field>
        <Field label="New password again" error={errors.repeatPassword?.message}>
          {(a) => <input {...a} {...form.register('repeatPassword')} type="password" autoComplete="new-password" />}
        </Field>
        {failure && (
          <p className="notice bad" role="alert">
            {failure}
          </p>
        )}
        <FormActions onCancel={onClose} submitLabel="Change password" pending={isSubmitting} />
      </form>
    </Dialog>
  );
}

const idleForm = z.object({
  minutes: z.number({ error: 'Give a whole number of minutes' }).int('Give a whole number of minutes').min(0, 'Give 0 or more minutes').max(24 * 60, 'At most a day (1440 minutes)'),
});
type IdleValues = z.infer<typeof idleForm>;

/** Minutes without input before the app locks itself; 0 never locks (the lock on sleep and Ctrl+L remain). */
function IdleLockForm({ minutes }: { minutes: number }) {
  const form = useForm<IdleValues>({ resolver: zodResolver(idleForm), values: { minutes } });
  const setState = useSetAuthState();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const me = await call('auth.setIdleLock', values);
      setState((old) => ({ ...old, user: me }));
      toast.success(values.minutes === 0 ? 'Harmony Crew will not lock itself when idle.' : `Harmony Crew locks after ${values.minutes} minutes without input.`);
    } catch (error) {
      const message = fieldErrors(error, form.setError, ['minutes']);
      if (message) form.setError('minutes', { type: 'server', message });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form">
      <Field label="Lock after (minutes without input)" error={errors.minutes?.message} hint="0: never lock when idle. It also locks when the computer sleeps.">
        {(a) => <input {...a} {...form.register('minutes', { valueAsNumber: true })} type="number" min={0} max={1440} inputMode="numeric" />}
      </Field>
      <button type="submit" className="primary" disabled={isSubmitting}>
        Save
      </button>
    </form>
  );
}

/** Settings → Your account: who is signed in, their role and what they see, password, idle lock, lock, sign out. */
export function AccountCard() {
  const me = useMe();
  const lock = useLockNow();
  const signOut = useSignOut();
  const [changing, setChanging] = useState(false);
  const vessels = useApiQuery('vessels.list', { archived: 'include' }, { enabled: me?.capabilities.includes('fleet.read') ?? false });
  if (!me) return null;
  const names = new Map((vessels.data ?? []).map((v) => [v.id, v.name]));
  const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';
  return (
    <div className="card" id="account">
      <div className="card-header">
        <h2>Your account</h2>
        <div className="form-actions">
          <button type="button" onClick={() => setChanging(true)}>
            Change password
          </button>
          <button type="button" onClick={() => void lock()} title={`${mod}L`}>
            Lock now
          </button>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
      <dl className="facts">
        <dt>Signed in as</dt>
        <dd>
          {me.displayName} ({me.username})
        </dd>
        <dt>{words.fields.role}</dt>
        <dd>{words.roles[me.role]}</dd>
        <dt>{words.fields.scope}</dt>
        <dd>{scopeInWords(me.scope, (id) => names.get(id) ?? 'a vessel not on record')}</dd>
        <dt>May</dt>
        <dd>{me.capabilities.length === 0 ? 'Answer their own questionnaires' : me.capabilities.map((c) => words.capabilities[c]).join('; ')}</dd>
      </dl>
      <IdleLockForm minutes={me.idleLockMinutes} />
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  );
}
