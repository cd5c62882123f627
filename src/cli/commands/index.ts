import type { CliCommand } from '../io';
import { backupCommand } from './backup';
import { serveCommand } from './serve';
import { verifyCommand } from './verify';

/** Every `harmony` command, in the order `harmony help` lists them. */
export const commands: CliCommand[] = [serveCommand, backupCommand, verifyCommand];
