import type { InstrumentDefinition } from '../../shared/psychometrics';
import { inputError } from './errors';

/** A scale or facet with the columns of its items, in presentation order (docs/psychometrics.md#1-data-conventions). */
export interface ScaleLayout {
  id: string;
  name: string;
  /** Column indices into the response matrix, ascending. */
  columns: Int32Array;
}

/**
 * An instrument as the responses present it: columns in presentation order, each with its keying, scale and
 * facet. Plain data (typed arrays), so it crosses to worker threads unchanged.
 */
export interface Layout {
  instrumentId: string;
  /** Item ids, one per column, in presentation order. */
  items: string[];
  min: number;
  max: number;
  /** +1 or −1 per column. */
  keys: Int8Array;
  scales: ScaleLayout[];
  facets: ScaleLayout[];
}

/** Display name of a scale: the language asked for, else English, else any, else the id. */
export function localName(names: Record<string, string>, id: string, language = 'en'): string {
  return names[language] ?? names.en ?? Object.values(names)[0] ?? id;
}

/** Maps column names (item ids or aliases, any case) to the instrument's items. */
function itemLookup(instrument: InstrumentDefinition): Map<string, number> {
  const lookup = new Map<string, number>();
  instrument.items.forEach((item, index) => {
    for (const name of [item.id, ...item.aliases]) lookup.set(name.toLowerCase(), index);
  });
  return lookup;
}

/**
 * Lays the instrument out over the columns of a responses table. Every item must have exactly one column; the
 * column order is the presentation order (it drives longstring and the even/odd halves).
 */
export function layoutFor(
  instrument: InstrumentDefinition,
  columns: readonly string[],
  options: { source?: string; range?: { min: number; max: number } } = {},
): Layout {
  const source = options.source ?? 'responses';
  const lookup = itemLookup(instrument);
  const called = instrument.name ?? instrument.id;
  const issues: Array<{ path: string; message: string }> = [];
  const itemOfColumn: number[] = [];
  const columnOfItem = new Map<number, number>();
  columns.forEach((name, column) => {
    const item = lookup.get(name.trim().toLowerCase());
    if (item === undefined) {
      issues.push({ path: `${source} column ${name}`, message: `"${name}" is not an item of ${called}` });
      return;
    }
    const previous = columnOfItem.get(item);
    if (previous !== undefined) {
      issues.push({ path: `${source} column ${name}`, message: `item ${instrument.items[item]!.id} also has column "${columns[previous]}"` });
      return;
    }
    columnOfItem.set(item, column);
    itemOfColumn[column] = item;
  });
  const missing = instrument.items.filter((_, i) => !columnOfItem.has(i)).map((item) => item.id);
  if (missing.length) {
    const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} and ${missing.length - 10} more` : missing.join(', ');
    issues.push({ path: source, message: `no column for item${missing.length > 1 ? 's' : ''} ${shown}` });
  }
  if (issues.length) throw inputError(`The columns of ${source} do not match ${called}`, issues);

  const items = itemOfColumn.map((i) => instrument.items[i]!);
  const group = (id: string, name: string, member: (item: (typeof items)[number]) => boolean): ScaleLayout => ({
    id,
    name,
    columns: Int32Array.from(items.flatMap((item, column) => (member(item) ? [column] : []))),
  });
  const range = options.range ?? instrument.response;
  return {
    instrumentId: instrument.id,
    items: items.map((item) => item.id),
    min: range.min,
    max: range.max,
    keys: Int8Array.from(items.map((item) => item.keyed)),
    scales: instrument.scales.map((s) => group(s.id, localName(s.name, s.id), (item) => item.scale === s.id)),
    facets: instrument.facets.map((f) => group(f.id, localName(f.name, f.id), (item) => item.facet === f.id)),
  };
}
