import { ARCHIVED_FILTERS, type ArchivedFilter } from '../../../shared/api';
import { words } from '../../../shared/words';
import { EnumOptions } from '../forms/form-helpers';

/** Whether a list shows archived records: without them, with them, or them alone. */
export function ArchivedFilterSelect({ value, onChange }: { value: ArchivedFilter; onChange(value: ArchivedFilter): void }) {
  return (
    <select aria-label="Archived" value={value} onChange={(e) => onChange(e.target.value as ArchivedFilter)}>
      <EnumOptions values={ARCHIVED_FILTERS} labels={words.archivedFilters} />
    </select>
  );
}
