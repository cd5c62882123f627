import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { EXIT, UsageError, type CliCommand } from '../io';
import { passwordFromStdin } from './users';

export const recoverCommand: CliCommand = {
  name: 'recover',
  summary: 'The owner lost the password: set a new one with the recovery code',
  usage: `harmony recover [--data-dir DIR]

Sets a new password for the owner with the recovery code shown when the owner account was created. The code is
taken from HARMONY_RECOVERY_CODE or asked on the terminal; the new password is read from standard input. Prints
the new recovery code (the old one no longer works); every session of the owner ends.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
    if (positionals.length > 0) throw new UsageError(`Unexpected arguments: ${positionals.join(' ')}`);
    const fromEnv = io.env.HARMONY_RECOVERY_CODE?.trim();
    if (!fromEnv && !io.ask) throw new UsageError('Set HARMONY_RECOVERY_CODE, or run in a terminal to be asked for the recovery code.');
    const newPassword = await passwordFromStdin(io, 'the new password');
    const recoveryCode = fromEnv || (await io.ask!('Recovery code: ', true)).trim();
    const core = createCore({ ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}), operatorShell: true, ...(io.passwordCost ? { passwordCost: io.passwordCost } : {}) });
    try {
      const next = await core.call('auth.recover', { recoveryCode, newPassword }, { client: 'cli' });
      io.out('The owner’s password is set; every session of the owner has ended.');
      io.out(`New recovery code (shown once; keep it somewhere safe): ${next.recoveryCode}`);
      return EXIT.ok;
    } finally {
      await core.close();
    }
  },
};
