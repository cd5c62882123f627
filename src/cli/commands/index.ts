import type { CliCommand } from '../io';
import { analyzeCommand } from './analyze';
import { backupCommand } from './backup';
import { cvCommand } from './cv';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { kioskCommand } from './kiosk';
import { rankCommand } from './rank';
import { recoverCommand } from './recover';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';
import { serverCommand } from './server';
import { teamCommand } from './team';
import { usersCommand } from './users';
import { verifyCommand } from './verify';

/** Every `harmony` command, in the order `harmony help` lists them. */
export const commands: CliCommand[] = [
  serveCommand,
  demoCommand,
  importCommand,
  exportCommand,
  backupCommand,
  restoreCommand,
  analyzeCommand,
  teamCommand,
  rankCommand,
  cvCommand,
  verifyCommand,
  kioskCommand,
  usersCommand,
  recoverCommand,
  serverCommand,
];
