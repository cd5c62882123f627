import type { Core } from '../../src/core/core';
import { builtinInstrument } from '../../src/core/psychometrics/builtin';
import { simulate } from './psych-sim';

/** Helpers for the assessments tests: synthetic people and a results CSV naming them by e-mail (no real people). */
export const ipip = builtinInstrument('ipip-neo-120')!;
export const itemIds = ipip.items.map((i) => i.id);
const simItems = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));

export async function createPeople(core: Core, n: number, prefix = 'resp'): Promise<Array<{ id: string; email: string }>> {
  const out: Array<{ id: string; email: string }> = [];
  for (let i = 0; i < n; i += 1) {
    const email = `${prefix}${i}@example.org`;
    const person = await core.call('people.create', { givenNames: `Given${i}`, surname: `${prefix}Surname${i}`, dateOfBirth: '1990-01-01', email });
    out.push({ id: person.id, email });
  }
  return out;
}

/** `n` people in one CSV import (faster than one call each), found by e-mail `${prefix}${i}@example.org`. */
export async function importPeople(core: Core, n: number, prefix: string): Promise<Array<{ id: string; email: string }>> {
  const lines = ['given_names,surname,date_of_birth,email', ...Array.from({ length: n }, (_, i) => `Given${i},${prefix}Surname${i},1990-01-01,${prefix}${i}@example.org`)];
  await core.call('people.import', { contentBase64: base64(`${lines.join('\n')}\n`) });
  const wanted = new Set(Array.from({ length: n }, (_, i) => `${prefix}${i}@example.org`));
  const found: Array<{ id: string; email: string }> = [];
  for (let offset = 0; found.length < n; offset += 500) {
    const page = await core.call('people.list', { search: prefix, limit: 500, offset });
    if (page.rows.length === 0) break;
    for (const row of page.rows) if (row.email && wanted.has(row.email)) found.push({ id: row.id, email: row.email });
  }
  return found.sort((a, b) => Number(/(\d+)@/.exec(a.email)![1]) - Number(/(\d+)@/.exec(b.email)![1]));
}

/** Rows of `email,taken_on,i1..i120` from the simulation; `extra` lines are appended as they are. */
export function resultsCsv(emails: readonly string[], options: { seed: number; takenOn?: string; random?: number; straight?: number; extra?: string[] }): string {
  const data = simulate(simItems, { n: emails.length, seed: options.seed, random: options.random ?? 0, straight: options.straight ?? 0 });
  const k = itemIds.length;
  const lines = [['email', 'taken_on', ...itemIds].join(',')];
  emails.forEach((email, r) => lines.push([email, options.takenOn ?? '2025-03-01', ...Array.from(data.values.subarray(r * k, r * k + k), String)].join(',')));
  return `${[...lines, ...(options.extra ?? [])].join('\n')}\n`;
}

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
