import type { ParsedInput, TeamDynamics } from '../../shared/api';
import { todayIsoDate } from '../../shared/domain/dates';
import { analyzeTeam, dayNumber, describe, rotationPairs, volatility, type TeamFigures } from '../../engine/team';
import { turnoverInsight } from '../../engine/team/diagnosis';
import type { ServiceContext } from '../context';
import { scopedDepartment } from '../scope/narrowing';
import { resolveInstrument } from '../psychometrics/instruments';
import { getVesselRow } from '../vessels/records';
import { assembleTeam, type AssembledTeam } from './assemble';
import { crewStints, groupMembers } from '../manning/crew';
import { harmonyModel, volatilityModel } from './models';
import { cohesionSeries } from '../questionnaires/pulse';

export const ADVISORY =
  'Advisory only: these figures describe the mix of people in this group compared with a norm group, from research on teams ashore. They are a starting point for conversations and decide nothing about any person.';

export const COHESION_PENDING =
  'Cohesion is measured with short pulse surveys: a few statements about how this crew works together ("this crew pulls together when it matters", answered 1–5), ' +
  'taken by everyone aboard every two to four weeks. No Team climate pulse survey has been answered here yet: schedule one for this vessel under Pulse surveys, ' +
  'and its results appear here and in the volatility index.';

function rotationCrews(team: AssembledTeam, pairs: ReturnType<typeof rotationPairs>): TeamDynamics['rotationPairs'] {
  const byId = new Map(team.members.map((m) => [m.personId, m]));
  return pairs.map((pair) => ({
    days: pair.days,
    crews: pair.crews.map((ids) => ({
      members: ids,
      domains: team.input.domains.map((d) => {
        const people = ids.map((id) => byId.get(id)).filter((m) => m?.result);
        return {
          id: d.id,
          raw: describe(people.map((m) => m!.result!.scores[d.id] ?? null)),
          z: team.input.normScales?.includes(d.id) ? describe(people.map((m) => m!.z?.[d.id] ?? null)) : null,
        };
      }),
    })),
  }));
}

const fitOf = (figures: TeamFigures): TeamDynamics['memberFit'] =>
  figures.memberFit.map((f) => ({ personId: f.id, distance: f.distance, profileR: f.profileR, differences: f.differences }));

/** Everything the Team dynamics screen shows for one vessel, group and date. */
export async function teamDynamics(ctx: ServiceContext, parsed: ParsedInput<'team.dynamics'>): Promise<TeamDynamics> {
  // A head of department sees the figures of their own department only (docs/security.md#scope).
  const department = scopedDepartment();
  const input = department === null ? parsed : { ...parsed, group: { kind: 'department' as const, department } };
  const vessel = getVesselRow(ctx, input.vesselId);
  const asOf = input.asOf ?? todayIsoDate();
  const day = dayNumber(asOf);
  const instrument = resolveInstrument(ctx, input.instrumentId);
  const stints = crewStints(ctx, vessel.id);
  // Volatility and rotation pairs follow the department when one is chosen; "aboard" is a day of the whole crew.
  const { group } = input;
  const scope = group.kind === 'department' ? stints.filter((s) => s.department === group.department) : stints;
  const where = { crew: 'in this crew', aboard: 'aboard', department: 'in this department' }[input.group.kind];
  const team = await assembleTeam(ctx, groupMembers(stints, day, input.group), { instrument, choice: input.norm, allowMixing: input.allowMixing, where });
  const crew = input.group.kind === 'aboard' ? await assembleTeam(ctx, groupMembers(scope, day, { kind: 'crew' }), { instrument, choice: input.norm, allowMixing: input.allowMixing }) : team;
  const pulse = cohesionSeries(ctx, vessel.id, group.kind === 'department' ? group.department : null, asOf);
  const vol = volatility(scope, asOf, volatilityModel(), pulse.collected ? pulse.series.map(({ month, mean }) => ({ month, mean })) : null);
  const figures = analyzeTeam(team.input);
  const domainIds = team.input.domains.map((d) => d.id);
  return {
    vessel: { id: vessel.id, name: vessel.name },
    asOf,
    group: input.group,
    instrument: { id: instrument.id, name: instrument.name ?? instrument.id },
    normOptions: team.normOptions,
    norm: team.norm && { ref: team.norm.ref, description: team.norm.description, mixed: team.norm.mixed },
    noNorm: team.noNorm,
    members: team.members.map((m) => ({
      personId: m.personId,
      name: m.name,
      positionTitle: m.positionTitle,
      department: m.department,
      aboard: m.aboard,
      result: m.result && { id: m.result.id, takenOn: m.result.takenOn, context: m.result.context, verdict: m.result.verdict, unchecked: m.result.unchecked },
      missingReason: m.missingReason,
      notPlaced: m.notPlaced,
      raw: domainIds.map((id) => m.result?.scores[id] ?? null),
      z: domainIds.map((id) => (team.norm ? (m.z?.[id] ?? null) : null)),
    })),
    domains: figures.domains,
    facets: figures.facets,
    memberFit: fitOf(figures),
    harmony: figures.harmony,
    harmonyNote: figures.harmonyNote,
    harmonyVersion: harmonyModel().version,
    diagnosis: [...figures.diagnosis, ...turnoverInsight(vol, harmonyModel().thresholds, figures.members.length)],
    volatility: vol,
    cohesion: pulse.collected ? { available: pulse.series.length > 0, message: pulse.message, series: pulse.series } : { available: false, message: COHESION_PENDING, series: [] },
    rotationPairs: rotationCrews(crew, rotationPairs(scope, day)),
    advisory: ADVISORY,
  };
}

