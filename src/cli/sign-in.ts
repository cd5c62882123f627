import { AppError, type Core, type SignedIn } from '../core/core';
import type { CliIo } from './io';

/** The command line's credentials: from the environment, else asked on the terminal. */
async function credentials(io: CliIo, purpose: string): Promise<{ username: string; password: string }> {
  const username = io.env.HARMONY_USER?.trim();
  const password = io.env.HARMONY_PASSWORD;
  if (username && password) return { username, password };
  if (!io.ask) {
    throw new AppError('FORBIDDEN', `${purpose} Set HARMONY_USER and HARMONY_PASSWORD, or run in a terminal to be asked.`, { reason: 'signed-out' });
  }
  return {
    username: username || (await io.ask('User name: ', false)).trim(),
    password: password ?? (await io.ask('Password: ', true)),
  };
}

/**
 * Signs the command line in on `core` (docs/security.md#the-command-line). A data folder without any account gets
 * its owner from these credentials, as the app's first start would, and the recovery code is printed once. While
 * the database cannot be opened nobody can sign in: the session is null and only a restore is answered.
 */
export async function signInCli(core: Core, io: CliIo): Promise<SignedIn | null> {
  if (core.state.database === null) return null;
  const state = await core.call('auth.state', {});
  if (state.needsOwner) {
    const { username, password } = await credentials(io, 'This data folder has no account yet: the owner is created with the user name and password given.');
    const displayName = io.env.HARMONY_NAME?.trim() || username;
    const grant = await core.call('auth.createOwner', { username, displayName, password }, { client: 'cli' });
    io.err(`Created the owner account “${username}”. Recovery code (shown once; keep it somewhere safe): ${grant.recoveryCode}`);
    return core.withSession(grant.token!);
  }
  const { username, password } = await credentials(io, 'This command needs a signed-in user.');
  return core.signIn(username, password, 'cli');
}

/** `core` whose `call` and `dispatch` come with `session` (when there is one). */
export function asSignedIn(core: Core, session: SignedIn | null): Core {
  if (session === null) return core;
  return Object.assign(Object.create(core) as Core, core, {
    call: ((method, input, options = {}) => core.call(method, input, { ...options, session: session.token, client: 'cli' })) as Core['call'],
    dispatch: ((method, input, options = {}) => core.dispatch(method, input, { ...options, session: session.token, client: 'cli' })) as Core['dispatch'],
  });
}
