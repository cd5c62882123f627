import type { Sql } from './store';

/** The enrolment names of the devices a pull's entries came from, read once per device and pull. */
export interface DeviceNames {
  of(ids: string[]): Promise<Map<string, string>>;
}

export function deviceNames(store: Sql): DeviceNames {
  const known = new Map<string, string>();
  return {
    async of(ids) {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      if (missing.length > 0) {
        const rows = await store.query<{ id: string; name: string }>('SELECT id, name FROM devices WHERE id = ANY($1::text[])', [missing]);
        for (const row of rows) known.set(row.id, row.name.slice(0, 200));
      }
      return known;
    },
  };
}
