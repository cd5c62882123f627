import {
  instrumentDefinitionSchema,
  parseKeying,
  type InstrumentDefinition,
  type InstrumentDefinitionInput,
  type InstrumentSummary,
} from '../../shared/psychometrics';
import { CSV_LIMITS } from '../csv';
import { cellPath, columnIndex, parseCsv } from './csv';
import { inputError, PsychometricsInputError } from './errors';
import { localName } from './layout';

/** Validates a definition (already parsed JSON); issues name the field, e.g. `items.3.keyed`. */
export function parseInstrumentDefinition(data: unknown, source = 'the instrument definition'): InstrumentDefinition {
  const parsed = instrumentDefinitionSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw inputError(
    `${source} is not a valid instrument definition`,
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}

export function parseInstrumentJson(text: string, source = 'instrument.json'): InstrumentDefinition {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new PsychometricsInputError(`${source} is not valid JSON: ${message}`, [{ path: source, message }]);
  }
  return parseInstrumentDefinition(data, source);
}

/**
 * A keys CSV (`item,scale,keyed[,facet]`, keyed as 1/-1, +/- or plus/minus) becomes a definition without
 * texts. The file says nothing of the response range, so the caller gives it.
 */
export function parseKeysCsv(text: string, options: { id: string; range: { min: number; max: number }; source?: string }): InstrumentDefinition {
  const source = options.source ?? 'keys.csv';
  // One row per item, and a responses file holds at most CSV_LIMITS.maxColumns items.
  const table = parseCsv(text, source, { maxRows: CSV_LIMITS.maxColumns });
  const col = columnIndex(table, ['item', 'scale', 'keyed'], ['facet']);
  const issues: Array<{ path: string; message: string }> = [];
  const items: InstrumentDefinitionInput['items'] = [];
  const scales: string[] = [];
  const facets = new Map<string, { scale: string; row: number }>();
  const itemRows = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const item = row[col.item]!;
    const scale = row[col.scale]!;
    const facet = col.facet === null ? '' : row[col.facet]!;
    const keyed = parseKeying(row[col.keyed]!);
    if (item === '') issues.push({ path: cellPath(table, r, col.item), message: 'the item id is empty' });
    else if (itemRows.has(item.toLowerCase())) issues.push({ path: cellPath(table, r, col.item), message: `item "${item}" is already keyed on ${table.source} row ${table.lines[itemRows.get(item.toLowerCase())!]}` });
    itemRows.set(item.toLowerCase(), r);
    if (scale === '') issues.push({ path: cellPath(table, r, col.scale), message: 'the scale is empty' });
    else if (!scales.includes(scale)) scales.push(scale);
    if (keyed === null) issues.push({ path: cellPath(table, r, col.keyed), message: `"${row[col.keyed]}" is not a keying; use 1/-1, +/- or plus/minus` });
    if (facet !== '') {
      const known = facets.get(facet);
      if (!known) facets.set(facet, { scale, row: r });
      else if (known.scale !== scale) {
        issues.push({ path: cellPath(table, r, col.facet!), message: `facet "${facet}" is under scale "${known.scale}" on ${table.source} row ${table.lines[known.row]}, not "${scale}"` });
      }
    }
    items.push({ id: item, scale, facet: facet === '' ? null : facet, keyed: keyed ?? 1 });
  });
  if (!table.rows.length) issues.push({ path: source, message: 'no items under the header' });
  if (issues.length) throw inputError(`${source} cannot be used as a scoring key`, issues);
  return parseInstrumentDefinition(
    {
      id: options.id,
      response: options.range,
      scales: scales.map((id) => ({ id })),
      facets: [...facets].map(([id, { scale }]) => ({ id, scale })),
      items,
    },
    source,
  );
}

export function instrumentSummary(def: InstrumentDefinition, language = 'en'): InstrumentSummary {
  return {
    id: def.id,
    name: def.name ?? null,
    version: def.version,
    items: def.items.length,
    min: def.response.min,
    max: def.response.max,
    scales: def.scales.map((s) => ({ id: s.id, name: localName(s.name, s.id, language) })),
    facets: def.facets.map((f) => ({ id: f.id, scale: f.scale, name: localName(f.name, f.id, language) })),
    languages: def.languages,
    source: def.source ?? null,
    license: def.license ?? null,
  };
}
