import { desc, eq, isNull, and } from 'drizzle-orm';
import { z } from 'zod';
import { traitRangeSchema, type TraitRange } from '../../shared/fit/model';
import { titleKey } from '../../engine/documents/requirements';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { traitProfiles } from '../db/schema';
import { write } from '../db/writes';
import { shippedProfiles } from './models';
import { currentOperator } from './operator';

/**
 * Trait profiles of positions (docs/fit-and-prediction.md#culture): the shipped library
 * (resources/fit/position-profiles-v1.json) with each range's rationale, and edits saved in the database — the
 * latest live edit of a title replaces its shipped profile; earlier edits stay as its history, and resetting
 * archives them so the shipped one applies again.
 */
export interface ProfileInUse {
  title: string;
  ranges: TraitRange[];
  /** "position-profiles-v1", or "edited 2026-03-01 by Ana" with the edit's id. */
  source: { kind: 'shipped' | 'fallback'; version: string } | { kind: 'edited'; id: string; basedOn: string; author: string; at: string; edits: number };
}

function shippedFor(title: string): Pick<ProfileInUse, 'ranges' | 'source'> {
  const library = shippedProfiles();
  const key = titleKey(title);
  // A dual role ("Deck/Stew") takes the profile of its first part that has one.
  const keys = [key, ...key.split('/').map((k) => k.trim()).filter(Boolean)];
  for (const k of keys) {
    const found = library.profiles.find((p) => p.titles.includes(k));
    if (found) return { ranges: found.ranges, source: { kind: 'shipped', version: library.version } };
  }
  return { ranges: library.fallback.ranges, source: { kind: 'fallback', version: library.version } };
}

export function profileFor(ctx: ServiceContext, title: string): ProfileInUse {
  const rows = ctx.db().select().from(traitProfiles).where(and(eq(traitProfiles.titleKey, titleKey(title)), isNull(traitProfiles.archivedAt))).orderBy(desc(traitProfiles.createdAt), desc(traitProfiles.id)).all();
  const latest = rows[0];
  if (!latest) return { title, ...shippedFor(title) };
  return { title, ranges: latest.ranges, source: { kind: 'edited', id: latest.id, basedOn: latest.basedOn, author: latest.author, at: latest.createdAt, edits: rows.length } };
}

export const profileLabel = (profile: ProfileInUse): string =>
  profile.source.kind === 'edited' ? `${profile.title} profile (edited)` : profile.source.kind === 'shipped' ? `${profile.title} profile` : 'general profile';

const rangesSchema = z.array(traitRangeSchema).min(1, 'Give at least one range');

export function saveProfile(ctx: ServiceContext, title: string, ranges: unknown): ProfileInUse {
  const parsed = rangesSchema.safeParse(ranges);
  if (!parsed.success) throw new AppError('VALIDATION', `The ranges cannot be saved: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const scales = parsed.data.map((r) => r.scale);
  if (new Set(scales).size !== scales.length) throw new AppError('VALIDATION', 'Each trait may have one range only');
  return write(ctx.sqlite(), () => {
    ctx.db().insert(traitProfiles).values({ titleKey: titleKey(title), ranges: parsed.data, basedOn: shippedProfiles().version, author: currentOperator().operator }).run();
    return profileFor(ctx, title);
  });
}

export function resetProfile(ctx: ServiceContext, title: string): ProfileInUse {
  return write(ctx.sqlite(), () => {
    ctx.db().update(traitProfiles).set({ archivedAt: nowIso() }).where(and(eq(traitProfiles.titleKey, titleKey(title)), isNull(traitProfiles.archivedAt))).run();
    return profileFor(ctx, title);
  });
}
