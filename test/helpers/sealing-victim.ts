/**
 * A process that seals a data folder's plain files as the core does when it starts with a keyring and files from
 * before it: the victim of the kill-during-encryption test (sealing-kills.ts). Argument: the data folder. Prints
 * "ready" once the database is open and "done" when every file is sealed. It runs the migration's own code
 * without the rest of the core, so that it starts in a second and many kills stay affordable.
 */
import { EventBus } from '../../src/core/api/event-bus';
import { TaskRegistry } from '../../src/core/api/tasks';
import { CoreState } from '../../src/core/core-state';
import { makeDataFolderPrivate } from '../../src/core/files/modes';
import { ENCRYPTION_TASK, sealPlainFiles } from '../../src/core/system/encrypt-at-rest';

const [dataDir] = process.argv.slice(2) as [string];
const tasks = new TaskRegistry(new EventBus());
const state = new CoreState(dataDir, 'victim', tasks);
makeDataFolderPrivate(dataDir);
state.openDatabase();
process.stdout.write('ready\n');
await sealPlainFiles(state, tasks.start(ENCRYPTION_TASK.method, ENCRYPTION_TASK.id).handle);
process.stdout.write('done\n');
state.closeDatabase();
