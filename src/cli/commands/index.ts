import type { CliCommand } from '../io';
import { analyzeCommand } from './analyze';
import { backupCommand } from './backup';
import { serveCommand } from './serve';

/** Every `harmony` command, in the order `harmony help` lists them. */
export const commands: CliCommand[] = [serveCommand, backupCommand, analyzeCommand];
