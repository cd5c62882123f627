import { ownerCore, tempDir } from '../helpers/temp-core';
import { percentile, sample, type Benchmark } from './harness';

const bench: Benchmark = {
  name: 'Core start-up',
  async run(report) {
    const fresh = await sample(10, async () => {
      const dir = tempDir();
      const core = ownerCore(dir.path);
      await core.close();
      dir.remove();
    });
    report({ label: 'cold start, new database (open + create + migrate), median', value: percentile(fresh, 50), unit: 'ms', target: '< 300 ms' });

    const dir = tempDir();
    await ownerCore(dir.path).close();
    const reopen = await sample(20, async () => {
      const core = ownerCore(dir.path);
      await core.close();
    });
    report({ label: 'start on an existing database (open + check migrations), median', value: percentile(reopen, 50), unit: 'ms', target: '< 300 ms' });
    dir.remove();
  },
};
export default bench;
