import { z } from 'zod';
import { procedure } from './procedure';

/**
 * Long work (imports, OCR, scoring, sync) runs as a task: the caller names a task id with the call, the core
 * reports `task.progress` events under that id, and `tasks.cancel` aborts it. Any procedure can be a task.
 */
export const taskIdSchema = z.string().min(1).max(100);

export const taskProgressSchema = z.object({
  taskId: taskIdSchema,
  method: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  message: z.string().optional(),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

export const taskProcedures = {
  'tasks.cancel': procedure(
    'Cancel a running task by the id its caller gave it',
    z.object({ taskId: taskIdSchema }),
    z.object({ cancelled: z.boolean() }),
  ),
};
