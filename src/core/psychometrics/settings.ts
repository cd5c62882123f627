import { assessmentSettingsSchema, type AssessmentSettings } from '../../shared/api';
import type { ServiceContext } from '../context';
import { readFleetSettings, writeFleetSetting } from '../db/fleet-settings';
import { write } from '../db/writes';

/**
 * The assessments settings — the validity cut-offs and the minimum local group size — are fleet data: they decide
 * which results count, so every computer of the fleet judges alike. They travel with sync as fleet settings
 * (src/core/db/fleet-settings.ts), one per rule, so that two computers changing different rules both keep their
 * change. Read through the contract's schema: a rule never set, or set by an older version without a newer
 * field, takes the documented defaults (docs/psychometrics.md#validity-verdict).
 */
const PREFIX = 'assessments';
const GROUP_SIZE = `${PREFIX}.minGroupSize`;
const RULE = `${PREFIX}.thresholds.`;

export function readAssessmentSettings(ctx: ServiceContext): AssessmentSettings {
  const stored = readFleetSettings(ctx.sqlite(), PREFIX);
  const thresholds: Record<string, unknown> = {};
  for (const [key, value] of stored) {
    if (!key.startsWith(RULE)) continue;
    const rule = key.slice(RULE.length);
    // A rule that does not parse (damaged, or from a newer version) is left at its default rather than failing all.
    if (assessmentSettingsSchema.safeParse({ thresholds: { [rule]: value } }).success) thresholds[rule] = value;
  }
  const minGroupSize = stored.get(GROUP_SIZE);
  const parsed = assessmentSettingsSchema.safeParse({ thresholds, ...(assessmentSettingsSchema.shape.minGroupSize.safeParse(minGroupSize).success ? { minGroupSize } : {}) });
  return parsed.success ? parsed.data : assessmentSettingsSchema.parse({});
}

/** Writes the rules that differ from what is read now, each as its own setting. */
export function updateAssessmentSettings(ctx: ServiceContext, value: AssessmentSettings): AssessmentSettings {
  write(ctx.sqlite(), () => {
    const current = readAssessmentSettings(ctx);
    if (value.minGroupSize !== current.minGroupSize) writeFleetSetting(ctx.sqlite(), GROUP_SIZE, value.minGroupSize);
    for (const [rule, cutoffs] of Object.entries(value.thresholds)) {
      if (JSON.stringify(cutoffs) !== JSON.stringify((current.thresholds as Record<string, unknown>)[rule])) writeFleetSetting(ctx.sqlite(), `${RULE}${rule}`, cutoffs);
    }
  });
  return readAssessmentSettings(ctx);
}
