import { restoreKills } from '../helpers/restore-kills';
import type { Benchmark } from './harness';

const KILLS = Number(process.env.RESTORE_KILLS ?? 100);

const bench: Benchmark = {
  name: `Restore killed at ${KILLS} random moments (SIGKILL, then the database opened as the app would)`,
  async run(report) {
    const started = performance.now();
    const outcome = await restoreKills(KILLS);
    report({ label: 'kills', value: outcome.kills, unit: '' });
    report({ label: 'databases damaged or neither the old nor the new one', value: outcome.corrupted, unit: '', target: '0' });
    report({ label: 'kills that caught a restore half-way (its copy beside the database)', value: outcome.midRestore, unit: '' });
    report({ label: 'half-done copies still there after the app opened again', value: outcome.leftovers, unit: '', target: '0' });
    report({ label: 'left backup A (10,000 people)', value: outcome.found.A, unit: '' });
    report({ label: 'left backup B (20,000 people)', value: outcome.found.B, unit: '' });
    report({ label: 'time', value: (performance.now() - started) / 1000, unit: 's' });
  },
};
export default bench;
