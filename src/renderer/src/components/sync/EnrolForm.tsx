import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { syncProcedures } from '../../../../shared/api';
import { useApiMutation } from '../../api/hooks';
import { Field, showApiError } from '../../forms/form-helpers';

const schema = syncProcedures['sync.enrol'].input.pick({ serverUrl: true, code: true });
type Values = z.input<typeof schema>;

/** Server address and the one-time code from the office. */
export function EnrolForm({ serverUrl }: { serverUrl: string | null }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { serverUrl: serverUrl ?? '', code: '' } });
  const enrol = useApiMutation('sync.enrol', ['sync.']);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await enrol.mutateAsync(values);
      toast.success('This computer is enrolled; it syncs now and then at the interval below.');
      form.reset({ serverUrl: values.serverUrl, code: '' });
    } catch (error) {
      showApiError(error, form.setError, ['serverUrl', 'code']);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form">
      <Field label="Server address" error={form.formState.errors.serverUrl?.message} hint="As the office gave it, e.g. http://office.example:8787">
        {(a) => <input {...a} {...form.register('serverUrl')} placeholder="http://office.example:8787" />}
      </Field>
      <Field label="Enrolment code" error={form.formState.errors.code?.message} hint="Works once; the office prints it with harmony server enrol">
        {(a) => <input {...a} {...form.register('code')} autoComplete="off" />}
      </Field>
      <button type="submit" className="primary" disabled={enrol.isPending}>
        {enrol.isPending ? 'Enrolling…' : 'Enrol'}
      </button>
    </form>
  );
}
