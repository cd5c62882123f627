import { sealingKills } from '../helpers/sealing-kills';
import type { Benchmark } from './harness';

const KILLS = Number(process.env.SEALING_KILLS ?? 50);

const bench: Benchmark = {
  name: `Encryption of stored files killed at ${KILLS} random moments (SIGKILL, then started again)`,
  async run(report) {
    const started = performance.now();
    const outcome = await sealingKills(KILLS);
    report({ label: 'kills', value: outcome.kills, unit: '' });
    report({ label: 'files (scans of 16 KB to 1 MB, and backups)', value: outcome.files, unit: '' });
    report({ label: 'kills that caught it half-way', value: outcome.midway, unit: '' });
    report({ label: 'files lost or changed', value: outcome.lost, unit: '', target: '0' });
    report({ label: 'files still plain at the end', value: outcome.plainAtEnd, unit: '', target: '0' });
    report({ label: 'temporary files left', value: outcome.leftovers, unit: '', target: '0' });
    report({ label: 'time', value: (performance.now() - started) / 1000, unit: 's' });
  },
};
export default bench;
