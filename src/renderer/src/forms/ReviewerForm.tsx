import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { reviewerNameSchema } from '../../../shared/api';
import { useApiMutation } from '../api/hooks';
import { Field, showApiError } from './form-helpers';

const schema = z.object({ name: reviewerNameSchema });
type Values = z.infer<typeof schema>;

/** The name recorded as the author of review decisions (there are no user accounts yet). */
export function ReviewerForm({ current }: { current: string | null }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), values: { name: current ?? '' } });
  const save = useApiMutation('documents.setReviewer', ['documents.reviewer']);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      toast.success(`Decisions will be recorded as ${values.name}`);
    } catch (error) {
      showApiError(error, form.setError, ['name']);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form">
      <Field label="Reviewer name" error={form.formState.errors.name?.message} hint="Recorded as the author of every accept, reject and correction">
        {(a) => <input {...a} {...form.register('name')} placeholder="e.g. Captain J. Smith" />}
      </Field>
      <button type="submit" className="primary" disabled={save.isPending}>
        Save name
      </button>
    </form>
  );
}
