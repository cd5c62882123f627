import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { bufferIo, expectPlain } from '../../helpers/cli-io';
import { personInput } from '../../helpers/fleet';
import { pdfPages } from '../../helpers/pdf-text';
import { ownerCore, tempDir } from '../../helpers/temp-core';

/** `harmony cv`: the yacht CV written as PDF or Markdown, with or without contact details, and plain errors. */
const dir = tempDir();
let personId: string;
const harmony = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli([...args, '--data-dir', dir.path], io);
  return { code, ...io };
};

beforeAll(async () => {
  const core = ownerCore(dir.path);
  personId = (await core.call('people.create', personInput({ givenNames: 'Ines', surname: 'Duarte', email: 'ines@example.org', phone: '+351 912 345 678' }))).id;
  await core.close();
});
afterAll(() => dir.remove());

describe('harmony cv', { timeout: 60_000 }, () => {
  it('writes a PDF of at most two pages, without contact details when asked', async () => {
    const file = join(dir.path, 'cv.pdf');
    const { code, stderr } = await harmony('cv', personId, '--out', file, '--no-contacts');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Wrote the CV \(1 page\) to .*cv\.pdf \(without contact details\)/);
    const pages = await pdfPages(readFileSync(file));
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages.join('\n')).toContain('Ines Duarte');
    expect(pages.join('\n')).not.toContain('ines@example.org');
  });

  it('writes Markdown with the contact details by default', async () => {
    const file = join(dir.path, 'cv.md');
    expect((await harmony('cv', personId, '--out', file, '--markdown')).code).toBe(0);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toMatch(/^# Ines Duarte\n/);
    expect(markdown).toContain('ines@example.org');
  });

  it('says plainly what is missing or wrong', async () => {
    const noOut = await harmony('cv', personId);
    expect(noOut.code).not.toBe(0);
    expect(noOut.stderr).toContain('Say where to write the CV: --out FILE');
    const unknown = await harmony('cv', 'no-such-person', '--out', join(dir.path, 'x.pdf'));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('This person no longer exists.');
    expectPlain(unknown.stderr);
    const existing = await harmony('cv', personId, '--out', join(dir.path, 'cv.pdf'));
    expect(existing.code).not.toBe(0);
    expect(existing.stderr).toContain('already exists. Add --force to replace it.');
    expect((await harmony('cv', personId, '--out', join(dir.path, 'cv.pdf'), '--force')).code).toBe(0);
  });
});
