import type { CrewMember } from '../../shared/api';
import { countryName } from '../../shared/domain/countries';
import type { ServiceContext } from '../context';
import { writeCsv } from '../../engine/csv';
import { vesselDetail } from './service';
import { words } from '../../shared/words';

/** The columns of a crew list, each header beside what it holds. */
const COLUMNS: ReadonlyArray<readonly [header: string, value: (member: CrewMember) => string]> = [
  ['department', (c) => words.departments[c.department]],
  ['position', (c) => c.positionTitle],
  ['given_names', (c) => c.givenNames],
  ['surname', (c) => c.surname],
  ['nationalities', (c) => c.nationalities.map(countryName).join('; ')],
  ['start_date', (c) => c.startDate],
  ['end_date', (c) => c.endDate ?? ''],
  ['rotation', (c) => c.rotation ?? ''],
  ['status', (c) => (c.phase ? words.personStatuses[c.phase] : words.personStatuses.joining)],
];

/** A vessel's crew list (current crew, then planned joiners) as CSV, e.g. for a port agent or a crew-list form. */
export function exportCrewCsv(ctx: ServiceContext, vesselId: string, asOf: string) {
  const detail = vesselDetail(ctx, vesselId, asOf);
  const records = [...detail.currentCrew, ...detail.plannedJoiners].map((member) => COLUMNS.map(([, value]) => value(member)));
  const slug = detail.vessel.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'vessel';
  return { fileName: `crew-${slug}-${asOf}.csv`, csv: writeCsv(COLUMNS.map(([header]) => header), records), rows: records.length };
}
