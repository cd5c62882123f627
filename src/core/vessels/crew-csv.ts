import { countryName } from '../../shared/domain/countries';
import type { ServiceContext } from '../context';
import { writeCsv } from '../../engine/csv';
import { vesselDetail } from './service';
import { words } from '../../shared/words';

const HEADER = ['department', 'position', 'given_names', 'surname', 'nationalities', 'start_date', 'end_date', 'rotation', 'status'];

/** A vessel's crew list (current crew, then planned joiners) as CSV, e.g. for a port agent or a crew-list form. */
export function exportCrewCsv(ctx: ServiceContext, vesselId: string, asOf: string) {
  const detail = vesselDetail(ctx, vesselId, asOf);
  const records = [...detail.currentCrew, ...detail.plannedJoiners].map((c) => [
    words.departments[c.department],
    c.positionTitle,
    c.givenNames,
    c.surname,
    c.nationalities.map(countryName).join('; '),
    c.startDate,
    c.endDate ?? '',
    c.rotation ?? '',
    c.phase ? words.personStatuses[c.phase] : words.personStatuses.joining,
  ]);
  const slug = detail.vessel.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'vessel';
  return { fileName: `crew-${slug}-${asOf}.csv`, csv: writeCsv(HEADER, records), rows: records.length };
}
