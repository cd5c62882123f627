import { eq } from 'drizzle-orm';
import { assessmentSettingsSchema, type AssessmentSettings } from '../../shared/api';
import type { ServiceContext } from '../context';
import { settings } from '../db/schema';
import { write } from '../db/writes';

const KEY = 'assessments';

/**
 * The assessments settings, stored as one JSON value. Read through the contract's schema, so a value written by
 * an older version gains the documented defaults of anything it lacks (docs/psychometrics.md#validity-verdict).
 */
export function readAssessmentSettings(ctx: ServiceContext): AssessmentSettings {
  const row = ctx.db().select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  const parsed = assessmentSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : assessmentSettingsSchema.parse({});
}

export function updateAssessmentSettings(ctx: ServiceContext, value: AssessmentSettings): AssessmentSettings {
  write(ctx.sqlite(), () => {
    ctx.db().insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  });
  return readAssessmentSettings(ctx);
}
