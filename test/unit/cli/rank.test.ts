import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../../src/cli/run';
import { SUB_SCORES } from '../../../src/shared/fit/model';
import { bufferIo, expectPlain } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-core';

/** `harmony rank` on the sample fleet: the documented JSON, sorted and filtered, and plain errors. */
const dir = tempDir();
const harmony = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli([...args, '--data-dir', dir.path], io);
  return { code, ...io };
};

const subScores = z.strictObject(Object.fromEntries(SUB_SCORES.map((s) => [s, z.number().min(0).max(1).nullable()])) as Record<(typeof SUB_SCORES)[number], z.ZodNullable<z.ZodNumber>>);
const rankJson = z.strictObject({
  position: z.strictObject({ id: z.string(), vessel: z.string(), title: z.string() }),
  preset: z.string(),
  weights: z.strictObject(Object.fromEntries(SUB_SCORES.map((s) => [s, z.number()])) as Record<(typeof SUB_SCORES)[number], z.ZodNumber>),
  threshold: z.number(),
  considered: z.number().int(),
  candidates: z.array(z.strictObject({ personId: z.string(), name: z.string(), score: z.number(), subScores, confidence: z.number(), strengths: z.array(z.string()), gaps: z.array(z.string()) })),
});

beforeAll(async () => {
  expect((await harmony('demo')).code).toBe(0);
}, 120_000);
afterAll(() => dir.remove());

describe('harmony rank', { timeout: 60_000 }, () => {
  it('prints the documented JSON: sorted by score, every score at or above the threshold, at most N', async () => {
    const { code, stdout } = await harmony('rank', '--vessel', 'serenity tide', '--position', 'Stew', '--preset', 'guest-facing', '--threshold', '0.4', '--limit', '5', '--json');
    expect(code).toBe(0);
    const ranking = rankJson.parse(JSON.parse(stdout));
    expect(ranking.position).toMatchObject({ vessel: 'Serenity Tide', title: 'Stew' });
    expect(ranking.preset).toBe('guest-facing');
    expect(Object.values(ranking.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(ranking.threshold).toBe(0.4);
    expect(ranking.candidates.length).toBeLessThanOrEqual(5);
    expect(ranking.candidates.every((c) => c.score >= 0.4)).toBe(true);
    const scores = ranking.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ranking.considered).toBeGreaterThan(ranking.candidates.length);
  });

  it('gives the same ranking twice, and logs each as exported', async () => {
    const a = await harmony('rank', '--vessel', 'Kestrel', '--position', 'Deckhand', '--json');
    const b = await harmony('rank', '--vessel', 'Kestrel', '--position', 'Deckhand', '--json');
    expect(a.stdout).toBe(b.stdout);
  });

  it('prints a readable list without --json', async () => {
    const { code, stdout } = await harmony('rank', '--vessel', 'Kestrel', '--position', 'Captain', '--limit', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Captain on Kestrel, start/);
    expect(stdout).toMatch(/Advisory only/);
  });

  it('says plainly what is wrong: an unknown vessel, position or preset, a threshold outside 0–1, a bad limit', async () => {
    const vessel = await harmony('rank', '--vessel', 'Titanic', '--position', 'Stew', '--json');
    expect(vessel.code).toBe(2);
    expect(vessel.stderr).toMatch(/There is no vessel "Titanic"; known: Blue Meridian, Halcyon Wind, Kestrel, Serenity Tide/);
    const position = await harmony('rank', '--vessel', 'Kestrel', '--position', 'Purser', '--json');
    expect(position.stderr).toMatch(/There is no position "Purser" on Kestrel/);
    const preset = await harmony('rank', '--vessel', 'Kestrel', '--position', 'Captain', '--preset', 'cheap', '--json');
    expect(preset.code).toBe(1);
    expect(preset.stderr).toMatch(/no preset named "cheap"/);
    expectPlain(preset.stderr);
    const threshold = await harmony('rank', '--vessel', 'Kestrel', '--position', 'Captain', '--threshold', '2', '--json');
    expect(threshold.code).toBe(1);
    expect(threshold.stderr).toMatch(/threshold must be between 0 and 1/);
    expect((await harmony('rank', '--vessel', 'Kestrel', '--position', 'Captain', '--limit', '0')).code).toBe(2);
    expect((await harmony('rank', '--vessel', 'Kestrel')).stderr).toMatch(/--position TITLE\|ID is required/);
  });
});
