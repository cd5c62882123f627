import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { bufferIo } from '../../helpers/cli-io';
import { OWNER, tempDir } from '../../helpers/temp-core';

/** Issue 14, the command line: signing in from the environment, the first start, `harmony users` and `recover`. */
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const harmony = async (args: string[], options: { env?: Record<string, string | undefined>; stdin?: string } = {}) => {
  const io = bufferIo(options);
  const code = await runCli([...args, '--data-dir', dir.path], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

describe('signing in on the command line', () => {
  it('creates the owner on a folder without accounts, printing the recovery code once; later commands sign in', async () => {
    const first = await harmony(['users', 'list'], { env: { HARMONY_NAME: 'Olivia Owner' } });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Created the owner account “owner”\. Recovery code \(shown once; keep it somewhere safe\): ([A-Z2-9]{5}-){4}[A-Z2-9]{5}\n$/);
    expect(first.stdout).toBe('owner\tOlivia Owner\tOwner\tevery vessel\n');
    const again = await harmony(['users', 'list']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
  });

  it('says how to sign in when no credentials are given and there is no terminal; a wrong password is refused', async () => {
    await harmony(['users', 'list']);
    const none = await harmony(['backup', '--list'], { env: { HARMONY_USER: undefined, HARMONY_PASSWORD: undefined } });
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining('Set HARMONY_USER and HARMONY_PASSWORD, or run in a terminal to be asked.') });
    const wrong = await harmony(['backup', '--list'], { env: { HARMONY_PASSWORD: 'not the password' } });
    expect(wrong).toMatchObject({ code: 1, stderr: 'The user name or the password is wrong.\n' });
  });

  it('verify, analyze and team need no account', async () => {
    const help = await harmony(['analyze', '--responses', 'missing.csv'], { env: { HARMONY_USER: undefined, HARMONY_PASSWORD: undefined } });
    expect(help.stderr).not.toMatch(/HARMONY_USER/);
  });
});

describe('harmony users', () => {
  it('adds a captain scoped to a vessel with the password from standard input, who then signs in; resets and removes', async () => {
    const added = await harmony(['users', 'add', 'marco', '--role', 'captain', '--vessel', 'v-1', '--vessel', 'v-2', '--department', 'deck', '--name', 'Marco Rossi'], { stdin: 'marco password 1\n' });
    expect(added).toMatchObject({ code: 0, stdout: 'Added marco\tMarco Rossi\tCaptain\tvessels v-1, v-2, Deck\n' });
    const asMarco = { HARMONY_USER: 'marco', HARMONY_PASSWORD: 'marco password 1' };
    expect((await harmony(['backup', '--list'], { env: asMarco })).stderr).toMatch(/^Your role \(captain\) does not allow this\./);
    expect((await harmony(['users', 'list'], { env: asMarco })).code).toBe(1);

    expect((await harmony(['users', 'reset-password', 'Marco'], { stdin: 'marco password 2\n' })).stdout).toBe('Set a new password for marco; their sessions have ended.\n');
    expect((await harmony(['users', 'list'], { env: asMarco })).stderr).toBe('The user name or the password is wrong.\n');
    expect((await harmony(['users', 'remove', 'marco'])).stdout).toBe('Removed marco: they can no longer sign in.\n');
    expect((await harmony(['users', 'list'])).stdout).not.toMatch(/marco/);
    expect((await harmony(['users', 'list', '--removed'])).stdout).toMatch(/marco\tMarco Rossi\tCaptain\tvessels v-1, v-2, Deck \(removed\)/);
  });

  it('refuses wrong usage with exit code 2 and a missing password, an unknown role or department', async () => {
    expect((await harmony(['users', 'add', 'x', '--role', 'pirate'], { stdin: 'a password 123\n' })).stderr).toMatch(/^--role must be one of owner, admin, captain/);
    expect((await harmony(['users', 'add', 'xy', '--role', 'captain', '--department', 'bridge'], { stdin: 'a password 123\n' })).code).toBe(2);
    expect((await harmony(['users', 'add', 'xy', '--role', 'captain'])).stderr).toMatch(/^Give the new user’s password on standard input/);
    expect((await harmony(['users', 'add', 'xy', '--role', 'captain'], { stdin: 'short\n' })).stderr).toMatch(/Password: A password has at least 10 characters/);
    expect((await harmony(['users', 'frobnicate'])).code).toBe(2);
    expect((await harmony(['users', 'remove', 'nobody'])).stderr).toMatch(/^There is no user named nobody/);
  });
});

describe('harmony recover', () => {
  it('sets the owner’s password with the recovery code and prints a new one', async () => {
    const first = await harmony(['users', 'list']);
    const code = /Recovery code .*: (\S+)/.exec(first.stderr)![1]!;
    const wrong = await harmony(['recover'], { env: { HARMONY_RECOVERY_CODE: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }, stdin: 'the new owner password\n' });
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringMatching(/^The recovery code is wrong/) });
    const recovered = await harmony(['recover'], { env: { HARMONY_RECOVERY_CODE: code }, stdin: 'the new owner password\n' });
    expect(recovered.stdout).toMatch(/New recovery code \(shown once; keep it somewhere safe\): ([A-Z2-9]{5}-){4}[A-Z2-9]{5}/);
    expect((await harmony(['users', 'list'])).code).toBe(1);
    expect((await harmony(['users', 'list'], { env: { HARMONY_PASSWORD: 'the new owner password' } })).stdout).toMatch(new RegExp(`^${OWNER.username}\\t`));
  });
});
