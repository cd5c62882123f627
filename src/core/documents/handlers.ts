import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { DocumentVerifier } from './verifier';

/**
 * `documents.verify`. The verifier (and its OCR workers) starts on the first call, not with the core, and is
 * shut down with it. Each call is one document: its task's progress is that document's progress.
 */
export function documentsHandlers(ctx: ServiceContext): HandlerGroup<'documents.verify'> {
  let verifier: DocumentVerifier | null = null;
  ctx.onClose(async () => {
    await verifier?.close();
    verifier = null;
  });
  return {
    'documents.verify': async (input, { task }) => {
      verifier ??= new DocumentVerifier();
      return verifier.verify(Buffer.from(input.contentBase64, 'base64'), {
        fileName: input.fileName,
        person: input.person,
        asOf: input.asOf,
        plannedTour: input.plannedTour,
        signal: task.signal,
        onProgress: (done, total, message) => task.progress(done, total, `${input.fileName}: ${message}`),
      });
    },
  };
}
