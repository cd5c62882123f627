import { and, isNull } from 'drizzle-orm';
import type { ParsedInput, Output, TeamGroup, TeamNormOption } from '../../shared/api';
import { todayIsoDate } from '../../shared/domain/dates';
import { dayNumber, isAboard } from '../../engine/team';
import type { ServiceContext } from '../context';
import { vessels } from '../db/schema';
import { scopedDepartment } from '../scope/narrowing';
import { drizzleCondition, vesselCondition } from '../scope/sql';
import { resolveInstrument } from '../psychometrics/instruments';
import { assembleTeam, scaleLists, type AssembledTeam } from './assemble';
import { crewStints, groupMembers, type CrewStint } from '../manning/crew';
import { harmonyModel } from './models';
import { latestResults } from './results';
import { teamFigures } from './run';
import { teamNormOptions, type chooseNorm } from './team-norms';

const DATA_NOTES = new Set(['missing-results', 'not-placed', 'questionable-results', 'unchecked-results', 'invalid-results', 'low-valid-share', 'no-results']);

/**
 * The fleet at a glance: each live vessel's crew in post, how many have results, the harmony index against the
 * default norm and the most serious insight. Norm options and norms are worked out once for all vessels.
 */
export async function teamFleet(ctx: ServiceContext, input: ParsedInput<'team.fleet'>): Promise<Output<'team.fleet'>> {
  const asOf = input.asOf ?? todayIsoDate();
  const day = dayNumber(asOf);
  const instrument = resolveInstrument(ctx, input.instrumentId);
  const scales = scaleLists(instrument).ids;
  const normOptions: TeamNormOption[] = await teamNormOptions(ctx, instrument.id, scales);
  const resolved = new Map<string, Awaited<ReturnType<typeof chooseNorm>>>();
  const byVessel = new Map<string, CrewStint[]>();
  for (const stint of crewStints(ctx, null)) {
    let list = byVessel.get(stint.vesselId);
    if (!list) byVessel.set(stint.vesselId, (list = []));
    list.push(stint);
  }
  // The vessels the signed-in user sees; a head of department's figures count their department only (docs/security.md#scope).
  const live = ctx
    .db()
    .select({ id: vessels.id, name: vessels.name })
    .from(vessels)
    .where(and(isNull(vessels.archivedAt), drizzleCondition(vesselCondition('vessels.id'))))
    .orderBy(vessels.name)
    .all();
  const department = scopedDepartment();
  const group: TeamGroup = department === null ? { kind: 'crew' } : { kind: 'department', department };
  const crews = new Map(live.map((vessel) => [vessel.id, groupMembers(byVessel.get(vessel.id) ?? [], day, group)]));
  const results = await latestResults(ctx, instrument.id, scales, [...crews.values()].flatMap((crew) => crew.map((m) => m.personId)));
  const teams: AssembledTeam[] = [];
  // One after another: the first resolves the norms that the rest find in `resolved`.
  for (const vessel of live) {
    teams.push(await assembleTeam(ctx, crews.get(vessel.id)!, { instrument, choice: 'default', allowMixing: false, normOptions, resolved, results, domainsOnly: true }));
  }
  const figures = await teamFigures(ctx, teams.map((t) => t.input));
  const rows = live.map((vessel, v) => {
    const stints = byVessel.get(vessel.id) ?? [];
    const { diagnosis, harmony } = figures[v]!;
    // The first finding about the crew itself; notes about the data are on the vessel's screen.
    const aboutCrew = diagnosis.filter((i) => !DATA_NOTES.has(i.id));
    const concern = aboutCrew.find((i) => i.severity === 'warning') ?? aboutCrew.find((i) => i.severity === 'notice');
    return {
      vesselId: vessel.id,
      name: vessel.name,
      crew: teams[v]!.members.length,
      aboard: new Set(stints.filter((s) => isAboard(s, day)).map((s) => s.personId)).size,
      withResults: teams[v]!.input.members.length,
      harmony: harmony && { score: harmony.score, band: harmony.band },
      concern: concern?.message ?? null,
    };
  });
  return { asOf, harmonyVersion: harmonyModel().version, rows };
}
