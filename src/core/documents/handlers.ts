import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { verifierOf } from './shared-verifier';

/**
 * `documents.verify`: one document read and checked, nothing stored. Its task's progress is that document's
 * progress.
 */
export function documentsHandlers(ctx: ServiceContext): HandlerGroup<'documents.verify'> {
  return {
    'documents.verify': async (input, { task }) =>
      verifierOf(ctx).verify(Buffer.from(input.contentBase64, 'base64'), {
        fileName: input.fileName,
        person: input.person,
        asOf: input.asOf,
        plannedTour: input.plannedTour,
        signal: task.signal,
        onProgress: (done, total, message) => task.progress(done, total, `${input.fileName}: ${message}`),
      }),
  };
}
