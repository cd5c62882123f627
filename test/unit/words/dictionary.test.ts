import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, errorCodes, events } from '../../../src/shared/api';
import { fieldName, issuesInWords, noLongerExists, words } from '../../../src/shared/words';

/**
 * One dictionary for every word of the contract's vocabulary (issue 10, finding 17). The types make a missing word
 * a compile error; these tests hold the rest: every enum anywhere in the contract has a group of words, every
 * input field a name, and no word is an identifier in disguise.
 */

/** Every z.enum reachable from a schema (objects, arrays, unions, records, optional, default, pipes…). */
function enumsOf(schema: z.ZodType, found = new Map<string, string[]>(), seen = new Set<unknown>()): Map<string, string[]> {
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (def) {
      if (def.type === 'enum') {
        const values = Object.values(def.entries as Record<string, string>).map(String);
        found.set([...values].sort().join('|'), values);
      }
      for (const value of Object.values(def)) visit(value);
      return;
    }
    if (Array.isArray(node)) node.forEach(visit);
    else for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  return found;
}

/** The enums of the contract whose values no person reads: error codes travel with a message in words. */
const CODES_ONLY = new Set([[...errorCodes].sort().join('|')]);

const groups = Object.entries(words) as Array<[string, Record<string, string>]>;
const enums = new Map<string, string[]>();
for (const procedure of Object.values(contract)) {
  enumsOf(procedure.input, enums);
  enumsOf(procedure.output, enums);
}
for (const payload of Object.values(events)) enumsOf(payload, enums);

describe('the dictionary', () => {
  it('finds the enums of the contract (the walk reaches inputs, outputs and nested schemas)', () => {
    const all = [...enums.values()];
    expect(all).toContainEqual(expect.arrayContaining(['stcw_certificate', 'eng1_medical']));
    expect(all).toContainEqual(['applicant', 'incumbent']);
    expect(all.length).toBeGreaterThan(40);
  });

  it.each([...enums].filter(([key]) => !CODES_ONLY.has(key)).map(([, values]) => [values.join(', '), values] as const))('has words for every value of the enum %s', (_name, values) => {
    const group = groups.find(([, entries]) => values.every((value) => Object.hasOwn(entries, value)));
    expect(group, `no group of words holds ${values.join(', ')}: add one to src/shared/words`).toBeDefined();
  });

  it('names every top-level input field of every procedure', () => {
    for (const [method, procedure] of Object.entries(contract)) {
      const fields = new Set<string>();
      const collect = (node: unknown): void => {
        const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
        if (!def) return;
        if (def.type === 'object') for (const key of Object.keys(def.shape as object)) fields.add(key);
        else for (const inner of [def.innerType, def.in, ...((def.options as unknown[] | undefined) ?? [])]) collect(inner);
      };
      collect(procedure.input);
      for (const field of fields) expect(Object.hasOwn(words.fields, field), `${method}: the field ${field} has no name in words.fields`).toBe(true);
    }
  });

  it('holds no identifier in disguise: every word is trimmed text without snake_case or camelCase', () => {
    for (const [group, entries] of groups) {
      for (const [key, word] of Object.entries(entries)) {
        const where = `words.${group}.${key}`;
        expect(word.trim(), where).toBe(word);
        expect(word.length, where).toBeGreaterThan(0);
        expect(word, where).not.toMatch(/\b[a-z0-9]+_[a-z0-9_]+\b/);
        expect(word, where).not.toMatch(/\b[a-z]+[A-Z]\w*/);
      }
    }
  });

  it('names a field in a message as its form does, never by its identifier', () => {
    expect(fieldName('givenNames')).toBe('Given names');
    expect(fieldName('fields.expiryDate')).toBe('Expiry date');
    expect(fieldName('thresholds.irv.questionable')).toBe('Validity cut-offs');
    expect(fieldName('changes.0.to')).toBe('Changes');
    expect(fieldName('')).toBeNull();
    expect(issuesInWords([{ path: 'lengthM', message: 'Enter the length in metres' }, { path: '', message: 'Something else' }])).toBe('Length (m): Enter the length in metres; Something else');
    expect(noLongerExists('vessel')).toBe('This vessel no longer exists.');
  });
});
