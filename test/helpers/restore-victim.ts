/**
 * A process that restores two backups in turn, for ever, until it is killed: the victim of the kill-during-restore
 * test (restore-kills.ts). Arguments: data folder, backup id A, backup id B. Prints "ready" once the database is
 * open. It runs the restore procedure's own code without the rest of the core, so that it starts in a second
 * rather than two, and a hundred kills stay affordable.
 */
import { EventBus } from '../../src/core/api/event-bus';
import { TaskRegistry } from '../../src/core/api/tasks';
import { CoreState } from '../../src/core/core-state';
import { restoreBackup } from '../../src/core/system/restore';

const [dataDir, first, second] = process.argv.slice(2) as [string, string, string];
const state = new CoreState(dataDir, 'victim', new TaskRegistry(new EventBus()));
state.openDatabase();
process.stdout.write('ready\n');
for (let round = 0; ; round += 1) {
  restoreBackup(state, round % 2 === 0 ? first : second);
  // Let the parent's kill land between restores too, as it would between two requests.
  await new Promise((resolve) => setImmediate(resolve));
}
