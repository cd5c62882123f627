import { startHttpTransport } from '../../src/core/transports/http';
import { ownerCore, tempDir } from '../helpers/temp-core';

/**
 * The preview server alone in a process, for benchmarks that measure its memory without the client's buffers:
 * prints its URL, then answers "rss" messages with the highest resident size seen since the last one.
 */
const dir = tempDir();
const core = ownerCore(dir.path);
const http = await startHttpTransport({ dispatch: core.dispatch, events: core.events });
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
process.on('message', (message) => {
  if (message === 'rss') {
    process.send!({ rss: process.memoryUsage.rss(), peak });
    peak = process.memoryUsage.rss();
  } else if (message === 'stop') {
    clearInterval(sampler);
    void http.close().then(() => core.close()).then(() => {
      dir.remove();
      process.exit(0);
    });
  }
});
process.send!({ url: http.url });
