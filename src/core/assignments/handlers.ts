import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { archiveAssignment, createAssignment, restoreAssignment, updateAssignment } from './service';

type AssignmentMethods = 'assignments.create' | 'assignments.update' | 'assignments.archive' | 'assignments.restore';

export function assignmentHandlers(ctx: ServiceContext): HandlerGroup<AssignmentMethods> {
  return {
    'assignments.create': (input) => createAssignment(ctx, input),
    'assignments.update': (input) => updateAssignment(ctx, input),
    'assignments.archive': ({ id }) => archiveAssignment(ctx, id),
    'assignments.restore': ({ id }) => restoreAssignment(ctx, id),
  };
}
