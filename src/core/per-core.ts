import type { ServiceContext } from './context';

/**
 * A service that exists once per core, starts on first use (not with the core, so a core that never needs it
 * never pays for it) and is closed with the core. Worker pools are the case: OCR and psychometrics workers are
 * shared by every procedure that needs them.
 */
export function perCore<T>(create: () => T, close: (service: T) => void | Promise<void>): (ctx: ServiceContext) => T {
  const services = new WeakMap<ServiceContext, T>();
  return (ctx) => {
    let service = services.get(ctx);
    if (service === undefined) {
      const created = create();
      services.set(ctx, created);
      ctx.onClose(async () => {
        services.delete(ctx);
        await close(created);
      });
      service = created;
    }
    return service;
  };
}
