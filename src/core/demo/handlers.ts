import { todayIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { loadSampleFleet } from './sample-fleet';

export function demoHandlers(ctx: ServiceContext): HandlerGroup<'demo.load'> {
  return {
    'demo.load': async (_input, { task }) => {
      const counts = await loadSampleFleet(ctx, task, todayIsoDate());
      ctx.events.emit('data.changed', { scopes: ['vessels.', 'people.', 'assessments.', 'requisitions.', 'applications.', 'interviews.', 'notifications.'] });
      return counts;
    },
  };
}
