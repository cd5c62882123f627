// Under vitest/tsx the worker is TypeScript: register tsx's loader in the thread, then load it. The built app
// runs out/main/psychometrics-worker.js instead (an entry of the main build, electron.vite.config.ts).
import { register } from 'tsx/esm/api';

register();
const worker = await import('./psychometrics.worker.ts');
export default worker.default;
