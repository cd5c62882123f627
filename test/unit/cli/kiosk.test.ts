import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { bufferIo } from '../../helpers/cli-io';
import { ownerCore, tempDir } from '../../helpers/temp-core';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const harmony = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli([...args, '--data-dir', dir.path], io);
  return { code, ...io };
};

describe('harmony kiosk', () => {
  it('lets go of a kiosk whose exit code is forgotten, which the app itself cannot do while the kiosk holds it', async () => {
    const app = ownerCore(dir.path);
    const person = await app.call('people.create', { givenNames: 'Ana', surname: 'Lopes', dateOfBirth: '1990-01-01' });
    const { id } = await app.call('sessions.start', { personId: person.id, context: 'incumbent', exitCode: 'forgotten' });
    await expect(app.call('sessions.release', { sessionId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await app.close();

    expect((await harmony('kiosk', 'status')).stdout).toMatch(/^The kiosk is held by IPIP-NEO-120 .* of Ana Lopes, 0 of 120 answered\./);
    const released = await harmony('kiosk', 'release');
    expect(released.code).toBe(0);
    expect(released.stdout).toMatch(/paused, it goes on later where it stopped/);
    expect((await harmony('kiosk', 'status')).stdout).toBe('No questionnaire holds the kiosk.\n');
    expect((await harmony('kiosk', 'open')).code).toBe(2);
  });
});
