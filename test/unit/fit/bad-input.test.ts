import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitPresets, predictionDefaults, scoringConfig, shippedProfiles } from '../../../src/core/fit/models';
import { resourcesDir } from '../../../src/core/paths';
import { loadModel } from '../../../src/core/model-file';
import { cruisingAreas } from '../../../src/core/vessels/cruising-areas';
import { presetsFileSchema, profilesFileSchema } from '../../../src/shared/fit/model';
import { checkThreshold, FitInputError, fitScore, normaliseWeights, preparePosition, rankCandidates, resolvePreset } from '../../../src/engine/fit';
import { candidate, position, settings } from '../../helpers/fit';
import { tempDir } from '../../helpers/temp-core';

/** Bad input: a clear error, or a lowered confidence with the reason; never a crash and never a silent zero. */
const dir = tempDir();
afterAll(() => dir.remove());
const even = { certificates: 1, experience: 1, availability: 1, location: 1, culture: 1, engagement: 1 };

describe('weights, threshold and presets', () => {
  it('refuse a negative weight, naming it', () => {
    expect(() => normaliseWeights({ ...even, culture: -0.2 })).toThrow(/Culture: a weight cannot be negative \(-0\.2\)/);
  });
  it('refuse weights that are all zero', () => {
    expect(() => normaliseWeights({ certificates: 0, experience: 0, availability: 0, location: 0, culture: 0, engagement: 0 })).toThrow(/all zero/);
  });
  it('refuse a missing or non-numeric weight and an unknown part', () => {
    expect(() => normaliseWeights({ ...even, experience: Number.NaN })).toThrow(/Experience: give a weight/);
    expect(() => normaliseWeights({ ...even, charm: 1 } as never)).toThrow(/"charm" is not a part of the score/);
  });
  it('refuse a threshold outside 0–1', () => {
    expect(() => checkThreshold(1.5)).toThrow(/between 0 and 1, not 1\.5/);
    expect(() => checkThreshold(-0.1)).toThrow(FitInputError);
    expect(() => rankCandidates([], preparePosition(position(), settings(), '2026-01-01'), { weights: normaliseWeights(even), threshold: 2, limit: null })).toThrow(/threshold/);
  });
  it('refuse an unknown preset, listing the known ones; find saved ones by name', () => {
    expect(() => resolvePreset('cheap', fitPresets(), [])).toThrow(/no preset named "cheap"; choose one of balanced, safety-critical, guest-facing/);
    expect(resolvePreset('mine', fitPresets(), [{ name: 'mine', label: 'Mine', weights: normaliseWeights(even) }]).weights.culture).toBeCloseTo(1 / 6, 12);
  });
});

describe('missing data', () => {
  const prepared = preparePosition(position({ required: [], vessel: { lengthM: 50, grossTonnage: null, use: 'charter', areas: [] } }), settings(), '2026-01-15');
  const fit = fitScore(candidate({ result: null, noResult: 'No questionnaire result yet' }), prepared, normaliseWeights(even));

  it('a position with no requirements, a vessel without cruising areas and a candidate without a result lower the confidence with the reasons', () => {
    expect(fit.subScores).toMatchObject({ certificates: null, location: null, culture: null });
    expect(fit.confidence).toBeCloseTo((0.5 + 1 + 1) / 6, 12);
    expect(fit.confidenceNotes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/lists no required certificates/),
        expect.stringMatching(/cruising areas are not set/),
        expect.stringMatching(/No questionnaire result yet, so culture is not scored/),
        expect.stringMatching(/No sea service is on record/),
      ]),
    );
    // Not scored parts are left out of the mean, not counted as 0: experience 0, availability 1, engagement ½.
    expect(fit.score).toBeCloseTo((0 + 1 + 0.5) / 3, 12);
  });
});

describe('shipped defaults', () => {
  it('load, with the three presets the issue names and a rationale for every range', () => {
    expect(fitPresets().presets.map((p) => p.name)).toEqual(['balanced', 'safety-critical', 'guest-facing']);
    expect(scoringConfig().version).toBe('scoring-v1');
    expect(predictionDefaults().version).toBe('prediction-v1');
    expect(cruisingAreas().areas.length).toBeGreaterThanOrEqual(4);
    const profiles = shippedProfiles();
    expect(profiles.profiles.flatMap((p) => p.ranges).every((r) => r.why.length > 20)).toBe(true);
  });

  it('refuse a preset file whose weights do not add up to 1, and a profile whose range is upside down, naming the file and field', () => {
    const presets = JSON.parse(readFileSync(join(resourcesDir(), 'fit', 'presets-v1.json'), 'utf8'));
    presets.presets[0].weights.culture = 0.5;
    const bad = join(dir.path, 'presets-bad.json');
    writeFileSync(bad, JSON.stringify(presets));
    expect(() => loadModel(presetsFileSchema, bad, 'candidate fit defaults')).toThrow(/presets-bad\.json are not valid: presets\.0\.weights: weights must be non-negative and add up to 1/);
    const profiles = JSON.parse(readFileSync(join(resourcesDir(), 'fit', 'position-profiles-v1.json'), 'utf8'));
    profiles.profiles[0].ranges[0] = { scale: 'C', min: 1, max: 0, why: 'x' };
    const upside = join(dir.path, 'profiles-bad.json');
    writeFileSync(upside, JSON.stringify(profiles));
    expect(() => loadModel(profilesFileSchema, upside, 'candidate fit defaults')).toThrow(/profiles-bad\.json are not valid: .*min must not be above max/);
  });
});
