import type { ServiceContext } from '../context';
import { DocumentVerifier } from './verifier';

const verifiers = new WeakMap<ServiceContext, { get(): DocumentVerifier }>();

/**
 * One verifier (and so one pool of OCR workers) per core, shared by `documents.verify` and the stored-document
 * procedures. It starts on first use, not with the core, and is shut down with it.
 */
export function verifierOf(ctx: ServiceContext): DocumentVerifier {
  let holder = verifiers.get(ctx);
  if (!holder) {
    let verifier: DocumentVerifier | null = null;
    ctx.onClose(async () => {
      await verifier?.close();
      verifier = null;
    });
    holder = { get: () => (verifier ??= new DocumentVerifier()) };
    verifiers.set(ctx, holder);
  }
  return holder.get();
}
