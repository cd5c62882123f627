import type { ServiceContext } from '../context';
import { PsychometricsPool } from '../workers/psychometrics-pool';

const pools = new WeakMap<ServiceContext, PsychometricsPool>();

/** One psychometrics worker pool per core, started on first use and closed with the core. */
export function psychometricsPool(ctx: ServiceContext): PsychometricsPool {
  let pool = pools.get(ctx);
  if (!pool) {
    const created = new PsychometricsPool();
    pools.set(ctx, created);
    ctx.onClose(() => created.close());
    pool = created;
  }
  return pool;
}
