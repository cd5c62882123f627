import { useState } from 'react';
import { DEFAULT_INSTRUMENT_ID } from '../../../../shared/api';
import { groupings, type Grouping } from '../../../../shared/psychometrics';
import type { LocalGroup } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { EnumOptions } from '../../forms/form-helpers';
import { fixed } from './labels';
import { inSentence, words } from '../../../../shared/words';

/** The columns of the groups: name, population, size, and each scale's mean (SD) when the group is large enough. */
function columnsFor(scales: LocalGroup['scales']): Array<Column<LocalGroup>> {
  return [
    {
      id: 'group',
      header: 'Group',
      sortBy: (g) => g.group,
      cell: (g) => (
        <>
          {g.group}
          {!g.sufficient && <div className="muted">{g.message}</div>}
        </>
      ),
    },
    { id: 'population', header: 'Population', sortBy: (g) => words.populations[g.population], cell: (g) => words.populations[g.population] },
    { id: 'people', header: 'People', sortBy: (g) => g.n, cell: (g) => g.n },
    ...scales.map(
      (scale, index): Column<LocalGroup> => ({
        id: scale.scale,
        header: `${scale.name} mean (SD)`,
        sortBy: (g) => (g.sufficient ? (g.scales[index]?.mean ?? null) : null),
        cell: (g) => {
          const s = g.scales[index];
          return g.sufficient && s ? `${fixed(s.mean)} (${fixed(s.sd)})` : '—';
        },
      }),
    ),
  ];
}

/**
 * Local norm groups from stored results: by position, department, or everyone of a population — always apart
 * by population (docs/psychometrics.md#2-scale-scores-and-norms). A group below the minimum size says so instead of
 * showing figures that would become percentiles.
 */
export function LocalGroupsView() {
  const [by, setBy] = useState<Grouping>('position');
  const [instrumentId, setInstrumentId] = useState(DEFAULT_INSTRUMENT_ID);
  const instruments = useApiQuery('instruments.list', { archived: 'include' });
  const groups = useApiQuery('assessments.localGroups', { by, instrumentId });
  const data = groups.data;
  return (
    <>
      <div className="filters">
        <label htmlFor="groups-instrument">Instrument</label>
        <select id="groups-instrument" value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
          {(instruments.data ?? []).map((i) => (
            <option key={i.id ?? i.key} value={i.key}>
              {i.name}
            </option>
          ))}
        </select>
        <label htmlFor="grouping">Group by</label>
        <select id="grouping" value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
          <EnumOptions values={groupings} labels={words.groupings} />
        </select>
      </div>
      {groups.isError && <p className="notice bad">{groups.error.message}</p>}
      {data && (
        <p className="muted">
          {data.results} results (each person&apos;s latest one that is not invalid, per population); {data.excludedInvalid} invalid {data.excludedInvalid === 1 ? 'result is' : 'results are'} left out. A group needs at least{' '}
          {data.minGroupSize} people before it serves as norms (change it under Validity rules).
        </p>
      )}
      {data && data.groups.length === 0 && (
        <div className="empty card">
          <p>No stored results to group yet. Import results under Results, or load the sample fleet from the Crew screen.</p>
        </div>
      )}
      {data && data.groups.length > 0 && (
        <div className="card-table">
          <SortableTable rows={data.groups} columns={columnsFor(data.groups[0]!.scales)} rowKey={(g) => `${g.group}|${g.population}`} caption={`Local norm groups by ${inSentence(words.groupings[by])}`} />
        </div>
      )}
    </>
  );
}
