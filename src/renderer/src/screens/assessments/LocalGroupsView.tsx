import { useState } from 'react';
import { DEFAULT_INSTRUMENT_ID } from '../../../../shared/api';
import { groupings, type Grouping } from '../../../../shared/psychometrics';
import { useApiQuery } from '../../api/hooks';
import { EnumOptions } from '../../forms/form-helpers';
import { fixed } from './labels';
import { inSentence, words } from '../../../../shared/words';

/**
 * Local norm groups from stored results: by position, department, or everyone of a population — always apart
 * by population (docs/psychometrics.md §2). A group below the minimum size says so instead of showing figures that would become
 * percentiles.
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
          <table className="table">
            <caption className="sr-only">Local norm groups by {inSentence(words.groupings[by])}</caption>
            <thead>
              <tr>
                <th>Group</th>
                <th>Population</th>
                <th>People</th>
                {data.groups[0]!.scales.map((s) => (
                  <th key={s.scale}>{s.name} mean (SD)</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={`${g.group}|${g.population}`}>
                  <td>{g.group}</td>
                  <td>{words.populations[g.population]}</td>
                  <td>{g.n}</td>
                  {g.sufficient ? (
                    g.scales.map((s) => (
                      <td key={s.scale}>
                        {fixed(s.mean)} ({fixed(s.sd)})
                      </td>
                    ))
                  ) : (
                    <td colSpan={g.scales.length} className="muted">
                      {g.message}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
