import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oneWayAnova } from '../../../src/engine/fit';
import { seededRandom } from '../../../src/engine/random';
import { baseRAvailable, fitReference } from '../../helpers/r-fit';
import { tempDir } from '../../helpers/temp-core';

/** ANOVA of a trait across groups: a hand-worked case and R's anova(lm(value ~ group)). */
const dir = tempDir();
afterAll(() => dir.remove());

describe('one-way ANOVA', () => {
  it('works a small case by hand: groups {1,2,3} and {4,5,6} give F = 13.5 on 1 and 4 df', () => {
    const { result } = oneWayAnova([
      { label: 'deck', values: [1, 2, 3] },
      { label: 'interior', values: [4, 5, 6] },
    ]);
    // Grand mean 3.5; between: 3·(2 − 3.5)² + 3·(5 − 3.5)² = 13.5; within: 2 + 2 = 4; F = 13.5 / (4 / 4).
    expect(result).toMatchObject({ dfBetween: 1, dfWithin: 4, ssBetween: 13.5, ssWithin: 4, f: 13.5 });
    expect(result!.etaSquared).toBeCloseTo(13.5 / 17.5, 12);
  });

  it.skipIf(!baseRAvailable)('agrees with R on four groups of unequal size', () => {
    const random = seededRandom(11);
    const rows: string[] = ['group,value'];
    const groups = ['deck', 'engineering', 'interior', 'galley'].map((label, g) => {
      const values = Array.from({ length: 5 + g * 3 }, () => 3 + 0.2 * g + random() - 0.5);
      for (const v of values) rows.push(`${label},${v}`);
      return { label, values };
    });
    const file = join(dir.path, 'groups.csv');
    writeFileSync(file, rows.join('\n'));
    const r = fitReference('anova', file);
    const { result } = oneWayAnova(groups);
    expect(result!.dfBetween).toBe(r.get('df.between'));
    expect(result!.dfWithin).toBe(r.get('df.within'));
    expect(result!.ssBetween).toBeCloseTo(r.get('ss.between')!, 10);
    expect(result!.ssWithin).toBeCloseTo(r.get('ss.within')!, 10);
    expect(result!.f).toBeCloseTo(r.get('f')!, 9);
    expect(result!.p).toBeCloseTo(r.get('p')!, 9);
  });

  it('says why there is no test with one group, or only one person per group', () => {
    expect(oneWayAnova([{ label: 'deck', values: [1, 2] }]).reason).toMatch(/two groups/);
    expect(oneWayAnova([{ label: 'a', values: [1] }, { label: 'b', values: [2] }]).reason).toMatch(/single person/);
  });
});
