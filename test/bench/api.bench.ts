import { startHttpTransport } from '../../src/core/transports/http';
import { httpBridge } from '../helpers/http-bridge';
import { ownerCore, tempDir } from '../helpers/temp-core';
import { percentile, sample, type Benchmark } from './harness';

const bench: Benchmark = {
  name: 'API round trip over HTTP (127.0.0.1, the browser preview transport)',
  async run(report) {
    const dir = tempDir();
    const core = ownerCore(dir.path);
    const http = await startHttpTransport({ dispatch: core.dispatch, events: core.events });
    const bridge = httpBridge(http.url);
    try {
      await core.call('demo.load', {});
      const cases: Array<[string, string, unknown]> = [
        ['system.info (no database work)', 'system.info', {}],
        ['vessels.list (sample fleet)', 'vessels.list', {}],
        ['people.list, first page (sample fleet)', 'people.list', { limit: 100 }],
      ];
      for (const [label, method, input] of cases) {
        for (let i = 0; i < 20; i += 1) await bridge.invoke(method, input);
        const times = await sample(300, () => bridge.invoke(method, input));
        report({ label: `${label}, p50`, value: percentile(times, 50), unit: 'ms' });
        report({ label: `${label}, p99`, value: percentile(times, 99), unit: 'ms' });
      }
    } finally {
      await http.close();
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
