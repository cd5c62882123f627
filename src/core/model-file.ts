import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { describeIssues, issuesFromZod } from '../shared/api';

/**
 * A versioned model shipped with the app under resources/ (team dynamics, candidate fit, cruising areas), read
 * and checked against its schema. A file that breaks the schema stops its feature with a message naming the file
 * and the field, rather than figures from a half-read model.
 */
export function loadModel<S extends z.ZodType>(schema: S, path: string, what: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`The ${what} ${path} are not valid: ${describeIssues(issuesFromZod(parsed.error))}`);
  return parsed.data;
}
