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

/** Rows of `email,taken_on,i1..i120` from the simulation; `extra` lines are appended as they are. */
export function resultsCsv(emails: readonly string[], options: { seed: number; takenOn?: string; random?: number; straight?: number; extra?: string[] }): string {
  const data = simulate(simItems, { n: emails.length, seed: options.seed, random: options.random ?? 0, straight: options.straight ?? 0 });
  const k = itemIds.length;
  const lines = [['email', 'taken_on', ...itemIds].join(',')];
  emails.forEach((email, r) => lines.push([email, options.takenOn ?? '2025-03-01', ...Array.from(data.values.subarray(r * k, r * k + k), String)].join(',')));
  return `${[...lines, ...(options.extra ?? [])].join('\n')}\n`;
}

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
