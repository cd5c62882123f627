import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { assignmentUpdateSchema, type AssignmentHistoryItem } from '../../../shared/api';
import { useApiMutation } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { Field, FormActions, showApiError, withWholeDates } from './form-helpers';
import { words } from '../../../shared/words';

const FIELDS = ['startDate', 'endDate', 'rotation', 'rotationRestart'];

/** Change an assignment's dates or rotation (e.g. plan the sign-off date); overlaps come back on the start date. */
export function AssignmentEditForm({ assignment, onClose }: { assignment: AssignmentHistoryItem; onClose(): void }) {
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof assignmentUpdateSchema>, unknown, z.output<typeof assignmentUpdateSchema>>({
    resolver: zodResolver(assignmentUpdateSchema),
    defaultValues: { id: assignment.assignmentId, startDate: assignment.startDate, endDate: assignment.endDate ?? '', rotation: assignment.rotation ?? '', rotationRestart: assignment.rotationRestart ?? '' },
  });
  const { errors, isSubmitting } = formState;
  const update = useApiMutation('assignments.update', ['people.', 'vessels.']);
  const onSubmit = handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      toast.success('Assignment saved');
      onClose();
    } catch (error) {
      showApiError(error, setError, FIELDS);
    }
  });
  return (
    <Dialog title={`${assignment.positionTitle} on ${assignment.vesselName}`} onClose={onClose}>
      <form onSubmit={withWholeDates(onSubmit, setError)} noValidate>
        <div className="form-grid">
          <Field label={words.fields.startDate} error={errors.startDate?.message}>
            {(a) => <input {...a} {...register('startDate')} type="date" autoFocus />}
          </Field>
          <Field label={words.fields.endDate} error={errors.endDate?.message} hint="Blank for open-ended">
            {(a) => <input {...a} {...register('endDate')} type="date" />}
          </Field>
          <Field label={words.fields.rotation} error={errors.rotation?.message} hint="Blank for none">
            {(a) => <input {...a} {...register('rotation')} placeholder="e.g. 4:2" />}
          </Field>
          <Field label={words.fields.rotationRestart} error={errors.rotationRestart?.message} hint="Optional: a new stretch aboard starts that day (to stagger leave)">
            {(a) => <input {...a} {...register('rotationRestart')} type="date" />}
          </Field>
        </div>
        <FormActions onCancel={onClose} submitLabel="Save" pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
