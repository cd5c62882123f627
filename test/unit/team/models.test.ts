import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/core/model-file';
import { harmonyModel, volatilityModel } from '../../../src/core/team/models';
import { resourcesDir } from '../../../src/core/paths';
import { harmonyModelSchema } from '../../../src/shared/team/model';
import { tempDir } from '../../helpers/temp-core';

/** The versioned defaults in resources/team: shipped, readable, checked when loaded. */
const dir = tempDir();
afterAll(() => dir.remove());
const shipped = JSON.parse(readFileSync(join(resourcesDir(), 'team', 'harmony-v1.json'), 'utf8')) as Record<string, unknown> & { components: Array<Record<string, unknown>> };
const write = (name: string, data: unknown) => {
  const path = join(dir.path, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};

describe('team dynamics defaults', () => {
  it('ship the harmony parts the issue asks for, with weights adding up to 1 and a source for each', () => {
    const model = harmonyModel();
    expect(model.version).toBe('harmony-v1');
    expect(model.components.map((c) => `${c.statistic} ${c.trait.reversed ? '-' : ''}${c.trait.scale}`)).toEqual(['mean A', 'mean C', 'sd A', 'sd C', 'min A', 'mean -N', 'min -N']);
    expect(model.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    expect(model.components.every((c) => c.source.length > 20)).toBe(true);
    expect(volatilityModel()).toMatchObject({ version: 'volatility-v1', windowMonths: 12 });
  });

  it('refuse a file whose weights do not add up to 1, naming the file and the field', () => {
    const path = write('bad-weights.json', { ...shipped, components: shipped.components.map((c, i) => (i === 0 ? { ...c, weight: 0.5 } : c)) });
    expect(() => loadModel(harmonyModelSchema, path, 'team dynamics defaults')).toThrow(/bad-weights\.json are not valid: components: the weights add up to 1\.26/);
  });

  it('refuse an unknown field, a broken file and a missing one', () => {
    expect(() => loadModel(harmonyModelSchema, write('extra.json', { ...shipped, bonus: 1 }), 'team dynamics defaults')).toThrow(/extra\.json are not valid/);
    expect(() => loadModel(harmonyModelSchema, write('broken.json', '{ "version": '), 'team dynamics defaults')).toThrow(/Cannot read the team dynamics defaults .*broken\.json/);
    expect(() => loadModel(harmonyModelSchema, join(dir.path, 'absent.json'), 'team dynamics defaults')).toThrow(/Cannot read the team dynamics defaults .*absent\.json/);
  });
});
