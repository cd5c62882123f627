import { DEFAULT_INSTRUMENT_ID } from '../../shared/api';
import { titleRank } from '../../shared/domain/crew';
import { requiredCertificates } from '../../engine/documents/requirements';
import type { FitSettings, PositionData, TeamBase } from '../../engine/fit';
import { dayNumber } from '../../engine/team';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { vesselOverrides } from '../documents/requirements';
import { resolveInstrument } from '../psychometrics/instruments';
import { crewStints, groupMembers, type GroupMember } from '../manning/crew';
import { harmonyModel } from '../team/models';
import { getPositionRow, getVesselRow } from '../vessels/records';
import { cruisingAreas } from '../vessels/cruising-areas';
import { scoringConfig } from './models';
import { profileFor, profileLabel } from './profiles';
import { placeResults, type PlacedPeople } from './results';

/** Results of every live person placed on their population's norm (once per request). */
export const placeEveryone = (ctx: ServiceContext, ids: readonly string[]): Promise<PlacedPeople> => placeResults(ctx, fitInstrument(ctx), ids);

/**
 * A position as the fit engine reads it on a start date: the vessel, the certificates it requires (the vessel's
 * own list or the defaults), its trait profile, the crew in post that day (the team a newcomer joins — someone
 * leaving before the start is not in it) and the head of department the newcomer would report to.
 */
export interface PositionSetup {
  data: PositionData;
  crew: GroupMember[];
  /** People who hold this position on the start date: they are not its candidates. */
  holders: Set<string>;
}

/** The most senior member of the department ranked above the position; the captain for a department's head. */
export function headOf(crew: readonly GroupMember[], position: { department: GroupMember['department']; title: string }, exclude: ReadonlySet<string>): GroupMember | null {
  const rank = titleRank(position.department, position.title);
  const above = crew.filter((m) => !exclude.has(m.personId) && m.department === position.department && titleRank(m.department, m.positionTitle) < rank).sort((a, b) => titleRank(a.department, a.positionTitle) - titleRank(b.department, b.positionTitle) || a.name.localeCompare(b.name));
  if (above[0]) return above[0];
  if (position.title.trim().toLowerCase() === 'captain') return null;
  return crew.find((m) => !exclude.has(m.personId) && m.positionTitle.trim().toLowerCase() === 'captain') ?? null;
}

export function fitSettings(domainNames: Record<string, string>): FitSettings {
  return { scoring: scoringConfig(), areas: cruisingAreas().areas, domainNames };
}

export const fitInstrument = (ctx: ServiceContext) => resolveInstrument(ctx, DEFAULT_INSTRUMENT_ID);

/** Every live person's id, in a fixed order: the pool of candidates and the people whose results are placed. */
export const livePeople = (ctx: ServiceContext): string[] => (ctx.sqlite().prepare('SELECT id FROM people WHERE archived_at IS NULL ORDER BY sort_key, id').all() as Array<{ id: string }>).map((r) => r.id);

/**
 * The position's data on a start date, reading results already placed (`placed`, for every live person).
 * `replacing` leaves a member out of the team (the person the newcomer would replace).
 */
export function positionSetup(ctx: ServiceContext, positionId: string, startDate: string, placed: PlacedPeople, replacing: string | null = null): PositionSetup {
  const position = getPositionRow(ctx, positionId);
  if (position.archivedAt !== null) throw new AppError('CONFLICT', `The position ${position.title} is archived; restore it first`);
  const vessel = getVesselRow(ctx, position.vesselId);
  const stints = crewStints(ctx, vessel.id);
  const day = dayNumber(startDate);
  const holders = new Set(stints.filter((s) => s.start <= day && (s.end === null || s.end >= day) && s.positionTitle === position.title && s.department === position.department).map((s) => s.personId));
  const crew = groupMembers(stints, day, { kind: 'crew' }).filter((m) => m.personId !== replacing);
  const members = crew.filter((m) => placed.results.has(m.personId)).map((m) => ({ id: m.personId, z: placed.results.get(m.personId)!.z }));
  const team: TeamBase | null = placed.normScales ? { members, model: harmonyModel(), normScales: placed.normScales } : null;
  const head = headOf(crew, position, new Set());
  const profile = profileFor(ctx, position.title);
  const data: PositionData = {
    positionId: position.id,
    vesselId: vessel.id,
    vesselName: vessel.name,
    title: position.title,
    department: position.department,
    rotation: position.rotationWeeksOn !== null && position.rotationWeeksOff !== null ? { weeksOn: position.rotationWeeksOn, weeksOff: position.rotationWeeksOff } : null,
    startDate,
    required: requiredCertificates(position.title, vesselOverrides(ctx, vessel.id)),
    vessel: { lengthM: vessel.lengthM, grossTonnage: vessel.grossTonnage, use: vessel.use, areas: vessel.cruisingAreas },
    profile: { ranges: profile.ranges, label: profileLabel(profile) },
    team,
    noTeam: team ? null : 'No norm group is large enough to compare the crew with yet, so fit with the team is not scored.',
    head: head && { personId: head.personId, name: head.name, z: placed.results.get(head.personId)?.z ?? null },
  };
  return { data, crew, holders };
}
