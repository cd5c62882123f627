import { describe, expect, it } from 'vitest';
import { validityThresholdsSchema } from '../../../src/shared/psychometrics';
import { assessReported, fastStreaks, proctoringFindings, withProctoring } from '../../../src/engine/questionnaires';
import type { ProctoringEvent } from '../../../src/shared/questionnaires';

const thresholds = validityThresholdsSchema.parse({});
const event = (severity: ProctoringEvent['severity']): ProctoringEvent => ({ kind: 'focusLost', severity, at: '2026-01-01T10:00:00.000Z', item: 'i1', detail: `a ${severity} event` });

describe('proctoring events', () => {
  it('get their severity from the core, by kind and duration', () => {
    expect(assessReported({ kind: 'focusLost', seconds: 0, item: 'i12' })).toMatchObject({ severity: 'medium', detail: expect.stringMatching(/at item 12/) });
    expect(assessReported({ kind: 'idle', seconds: 180, item: null }).severity).toBe('low');
    expect(assessReported({ kind: 'idle', seconds: 900, item: null })).toMatchObject({ severity: 'medium', detail: expect.stringMatching(/15 min/) });
    expect(assessReported({ kind: 'paste', seconds: 0, item: null }).severity).toBe('high');
    expect(assessReported({ kind: 'syntheticInput', seconds: 0, item: null }).severity).toBe('critical');
  });

  it('find streaks of answers faster than the threshold: five make a medium event, ten a high one', () => {
    const answers = (ms: number[]) => ms.map((m, i) => ({ item: `i${i + 1}`, ms: m, at: `2026-01-01T10:00:${String(i).padStart(2, '0')}.000Z` }));
    expect(fastStreaks(answers([500, 500, 500, 500, 3000, 500]), 2000)).toEqual([]);
    const five = fastStreaks(answers([3000, 500, 500, 500, 500, 500, 3000]), 2000);
    expect(five).toEqual([expect.objectContaining({ kind: 'fastStreak', severity: 'medium', item: 'i2', at: '2026-01-01T10:00:05.000Z', detail: expect.stringMatching(/^5 answers in a row.*items 2 to 6/) })]);
    expect(fastStreaks(answers(Array(12).fill(100)), 2000)).toEqual([expect.objectContaining({ severity: 'high' })]);
    // A missing time breaks a streak.
    expect(fastStreaks([...answers([100, 100, 100]), { item: 'i4', ms: null, at: 'x' }, ...answers([100, 100])], 2000)).toEqual([]);
  });

  it('count in the verdict: critical makes it invalid, high questionable, medium from three on; low never', () => {
    expect(proctoringFindings([event('low'), event('low'), event('low'), event('low')])).toEqual([]);
    expect(proctoringFindings([event('medium'), event('medium')])).toEqual([]);
    expect(proctoringFindings([event('medium'), event('medium'), event('medium')])).toEqual([expect.objectContaining({ index: 'proctoringMedium', level: 'questionable', value: 3 })]);
    expect(withProctoring([], [event('high')], thresholds)).toMatchObject({ verdict: 'questionable', findings: [expect.objectContaining({ index: 'proctoringHigh' })] });
    expect(withProctoring([], [event('critical')], thresholds).verdict).toBe('invalid');
    expect(withProctoring([], [], thresholds)).toEqual({ verdict: 'valid', findings: [] });
  });
});
