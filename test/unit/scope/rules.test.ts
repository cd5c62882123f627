import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCOPE_RULES } from '../../../src/core/scope/rules';
import { contract, type Method } from '../../../src/shared/api';

/**
 * A scope rule names the input fields that hold record ids (docs/security.md#scope). A misspelt field would never
 * be checked, and the record behind it never narrowed: every path must be a field of the procedure's input.
 */
function objectOf(schema: z.ZodType): z.ZodObject | null {
  let current: unknown = schema;
  for (let i = 0; i < 10 && current !== undefined; i += 1) {
    if (current instanceof z.ZodObject) return current;
    if (current instanceof z.ZodArray) {
      current = current.element;
      continue;
    }
    const def = (current as { _zod: { def: { innerType?: unknown; in?: unknown; schema?: unknown } } })._zod.def;
    current = def.innerType ?? def.in ?? def.schema;
  }
  return null;
}

function hasPath(schema: z.ZodType, path: string): boolean {
  const [field, ...rest] = path.split('.');
  const object = objectOf(schema);
  const inner = object?.shape[field!] as z.ZodType | undefined;
  if (inner === undefined) return false;
  return rest.length === 0 || hasPath(inner, rest.join('.'));
}

describe('scope rules', () => {
  const withRefs = (Object.keys(SCOPE_RULES) as Method[]).flatMap((method) => {
    const rule = SCOPE_RULES[method];
    return rule.kind === 'read' || rule.kind === 'write' ? Object.keys(rule.refs).map((path) => [method, path] as const) : [];
  });

  it('name records in many procedures', () => {
    expect(withRefs.length).toBeGreaterThan(100);
  });

  it.each(withRefs)('%s: %s is a field of its input', (method, path) => {
    expect(hasPath(contract[method].input as z.ZodType, path)).toBe(true);
  });

  it('finds a misspelt field (the check can fail)', () => {
    expect(hasPath(contract['people.get'].input as z.ZodType, 'personID')).toBe(false);
    expect(hasPath(contract['fit.whatIf'].input as z.ZodType, 'add.personId')).toBe(true);
    expect(hasPath(contract['fit.whatIf'].input as z.ZodType, 'add.vesselId')).toBe(false);
  });
});
