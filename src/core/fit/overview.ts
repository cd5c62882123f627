import type { Output } from '../../shared/api';
import { DEPARTMENTS, POSITION_TITLES, departmentOfTitle } from '../../shared/domain/crew';
import { titleKey } from '../../engine/documents/requirements';
import type { ServiceContext } from '../context';
import { cruisingAreas } from '../vessels/cruising-areas';
import { fitPresets, predictionDefaults, scoringConfig, shippedProfiles } from './models';
import { activeModel } from './prediction-models';
import { listPresets } from './presets';
import { profileFor } from './profiles';
import { listPositions } from '../vessels/staffing';
import { vessels } from '../db/schema';
import { and, isNull } from 'drizzle-orm';
import { drizzleCondition, vesselCondition } from '../scope/sql';

/** What the screens need to offer choices: presets, areas, the model in use and the versions of the defaults. */
export function fitSettingsView(ctx: ServiceContext): Output<'fit.settings'> {
  return {
    presets: listPresets(ctx),
    areas: cruisingAreas().areas.map((a) => ({ id: a.id, label: a.label, why: a.why })),
    model: activeModel(ctx).summary,
    versions: { presets: fitPresets().version, scoring: scoringConfig().version, profiles: shippedProfiles().version, prediction: predictionDefaults().version, areas: cruisingAreas().version },
  };
}

/** The profile of every known title and of every custom title the fleet uses, as shipped or edited. */
export function profilesView(ctx: ServiceContext): Output<'fit.profiles'> {
  const used = (ctx.sqlite().prepare('SELECT DISTINCT title FROM positions WHERE archived_at IS NULL').all() as Array<{ title: string }>).map((r) => r.title);
  const known = DEPARTMENTS.flatMap((d) => POSITION_TITLES[d]);
  const titles = [...known, ...used.filter((t) => !known.some((k) => titleKey(k) === titleKey(t)))];
  const library = shippedProfiles();
  return {
    version: library.version,
    sources: library.sources,
    profiles: titles.map((title) => {
      const p = profileFor(ctx, title);
      const edited = p.source.kind === 'edited' ? p.source : null;
      return {
        title,
        department: departmentOfTitle(title),
        ranges: p.ranges,
        source: edited ? `Edited (from ${edited.basedOn})` : `${p.source.kind === 'shipped' ? 'Shipped' : 'General profile'} (${'version' in p.source ? p.source.version : ''})`,
        editedBy: edited?.author ?? null,
        editedAt: edited?.at ?? null,
        edits: edited?.edits ?? 0,
      };
    }),
  };
}

/** Live positions of live vessels with their vacancies on the day, open ones first, then by vessel and rank. */
export function openPositions(ctx: ServiceContext, asOf: string): Output<'fit.positions'> {
  // Positions of the vessels the signed-in user sees (docs/security.md#scope).
  const live = ctx.db().select({ id: vessels.id, name: vessels.name }).from(vessels).where(and(isNull(vessels.archivedAt), drizzleCondition(vesselCondition('vessels.id'))));
  const names = new Map(live.all().map((v) => [v.id, v.name]));
  return listPositions(ctx, null, asOf)
    .filter((p) => p.archivedAt === null && names.has(p.vesselId))
    .map((p) => ({ id: p.id, vesselId: p.vesselId, vessel: names.get(p.vesselId)!, department: p.department, title: p.title, headcount: p.headcount, current: p.current, planned: p.planned, vacancies: p.vacancies }))
    .sort((a, b) => Number(b.vacancies > 0) - Number(a.vacancies > 0) || a.vessel.localeCompare(b.vessel) || DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department) || a.title.localeCompare(b.title));
}
