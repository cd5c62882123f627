import { ARCHIVED_FILTERS, type ArchivedFilter } from '../../../shared/api';
import { EnumOptions } from '../forms/form-helpers';

const LABELS: Record<ArchivedFilter, string> = {
  exclude: 'Without archived',
  include: 'With archived',
  only: 'Archived only',
};

/** Whether a list shows archived records: without them, with them, or them alone. */
export function ArchivedFilterSelect({ value, onChange }: { value: ArchivedFilter; onChange(value: ArchivedFilter): void }) {
  return (
    <select aria-label="Archived" value={value} onChange={(e) => onChange(e.target.value as ArchivedFilter)}>
      <EnumOptions values={ARCHIVED_FILTERS} labels={LABELS} />
    </select>
  );
}
