import type { TeamDynamics, TeamGroup, TeamNormChoice, TeamNormOption } from '../../../../shared/api';
import { DEPARTMENTS, type Department } from '../../../../shared/domain/crew';
import { normOptionLabel } from '../assessments/labels';
import { words } from '../../../../shared/words';

const keyOf = (ref: TeamNormOption['ref']) => JSON.stringify(ref);


export interface TeamSettings {
  asOf: string;
  group: TeamGroup;
  norm: TeamNormChoice;
  allowMixing: boolean;
}

/** Who (whole crew, aboard on the date, a department), when, and against which norm. */
export function TeamControls({ settings, onChange, data }: { settings: TeamSettings; onChange: (next: TeamSettings) => void; data: TeamDynamics | undefined }) {
  const set = (patch: Partial<TeamSettings>) => onChange({ ...settings, ...patch });
  const department: Department = settings.group.kind === 'department' ? settings.group.department : 'deck';
  const options = data?.normOptions ?? [];
  const normValue = settings.norm === 'none' ? 'none' : settings.norm === 'default' ? (data?.norm ? keyOf(data.norm.ref) : 'none') : keyOf(settings.norm);
  const mismatched = data?.members.some((m) => m.notPlaced) || data?.norm?.mixed;
  return (
    <div className="card team-controls">
      <fieldset className="segmented">
        <legend>Group</legend>
        <label className="check">
          <input type="radio" name="group" checked={settings.group.kind === 'crew'} onChange={() => set({ group: { kind: 'crew' } })} /> {words.teamGroups.crew}
        </label>
        <label className="check">
          <input type="radio" name="group" checked={settings.group.kind === 'aboard'} onChange={() => set({ group: { kind: 'aboard' } })} /> {words.teamGroups.aboard}
        </label>
        <label className="check">
          <input type="radio" name="group" checked={settings.group.kind === 'department'} onChange={() => set({ group: { kind: 'department', department } })} /> {words.teamGroups.department}
        </label>
        <label className="sr-only" htmlFor="team-department">
          Department
        </label>
        <select id="team-department" value={department} disabled={settings.group.kind !== 'department'} onChange={(e) => set({ group: { kind: 'department', department: e.target.value as Department } })}>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {words.departments[d]}
            </option>
          ))}
        </select>
      </fieldset>
      <div className="filters">
        <label htmlFor="team-date">Date</label>
        <input id="team-date" type="date" value={settings.asOf} required onChange={(e) => e.target.value && set({ asOf: e.target.value })} />
        <label htmlFor="team-norm">Compare with</label>
        <select
          id="team-norm"
          value={normValue}
          onChange={(e) => set({ norm: e.target.value === 'none' ? 'none' : (options.find((o) => keyOf(o.ref) === e.target.value)?.ref ?? 'default'), allowMixing: false })}
        >
          {options.map((o) => (
            <option key={keyOf(o.ref)} value={keyOf(o.ref)}>
              {normOptionLabel(o)}
            </option>
          ))}
          <option value="none">No norm (averages on the answer scale)</option>
        </select>
      </div>
      {mismatched && (
        <label className="check">
          <input type="checkbox" checked={settings.allowMixing} onChange={(e) => set({ allowMixing: e.target.checked })} />
          Compare members whose result is of another population anyway (the figures will be marked as mixed)
        </label>
      )}
    </div>
  );
}
