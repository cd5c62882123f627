import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from '../../src/core/users/passwords';
import type { Benchmark } from './harness';
import { sample } from './harness';

/**
 * The cost of a password hash (scrypt, r = 8, p = 1) for each N: time per hash and memory it takes. The default
 * (src/core/users/passwords.ts) is the N whose hash takes about a quarter to half a second here
 * (docs/security.md#passwords).
 */
const bench: Benchmark = {
  name: 'Password hashing (scrypt)',
  async run(report) {
    for (const ln of [14, 15, 16, 17]) {
      const cost = { ln, r: 8, p: 1 };
      const stored = await hashPassword('correct horse battery staple', cost);
      const times = await sample(5, () => verifyPassword('correct horse battery staple', stored));
      const mark = ln === DEFAULT_PASSWORD_COST.ln ? ' (the default)' : '';
      report({ label: `N = 2^${ln}: median time per hash${mark}`, value: times[2]!, unit: 'ms', target: ln === DEFAULT_PASSWORD_COST.ln ? '250–500 ms' : undefined });
      report({ label: `N = 2^${ln}: memory per hash`, value: (128 * cost.r * 2 ** ln) / 2 ** 20, unit: 'MiB' });
    }
  },
};
export default bench;
