import type { Method } from '../../shared/api';
import { words } from '../../shared/words';
import { AppError, notFound } from '../api/errors';
import type { Handler, Handlers } from '../api/dispatcher';
import type Database from 'better-sqlite3';
import { currentNarrowing, type Narrowing } from './narrowing';
import { presenceOf, type ScopedKind } from './records';
import { SCOPE_RULES, type Refs } from './rules';

/** The reason in the details of a refusal by scope, for programs; the message says it in words. */
export const OUT_OF_SCOPE = 'out-of-scope';

const recordOf = (kind: ScopedKind) => (kind === 'assessedPerson' ? 'person' : kind);

export function outOfScope(message: string): AppError {
  return new AppError('FORBIDDEN', message, { reason: OUT_OF_SCOPE });
}

function describeScope(narrowing: Narrowing): string {
  if (narrowing.kind === 'self') return 'your own record';
  const parts: string[] = [];
  if (narrowing.vesselIds !== null) parts.push(narrowing.vesselIds.length === 1 ? 'one vessel' : `${narrowing.vesselIds.length} vessels`);
  if (narrowing.department !== null) parts.push(`the ${words.departments[narrowing.department].toLowerCase()} department`);
  return parts.join(' and ');
}

/** The values at `path` of an input: `field`, or `field.inner` for a list of objects (each one's `inner`). */
function valuesAt(input: unknown, path: string): unknown[] {
  const [field, ...rest] = path.split('.');
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field!] : undefined;
  const values = Array.isArray(value) ? value : [value];
  return rest.length === 0 ? values : values.flatMap((v) => (typeof v === 'object' && v !== null ? valuesAt(v, rest.join('.')) : []));
}

/** The ids an input names under the paths of `refs` (a field may hold one id or a list of them). */
function named(input: unknown, refs: Refs): Array<{ kind: ScopedKind; id: string }> {
  return Object.entries(refs).flatMap(([path, kind]) =>
    valuesAt(input, path)
      .filter((id): id is string => typeof id === 'string')
      .map((id) => ({ kind, id })),
  );
}

/**
 * Checks a call against its procedure's scope rule before the handler runs. A record the user does not see
 * answers NOT_FOUND on a read, as a missing one does; a write to it, or onto a vessel outside the scope, is refused
 * with FORBIDDEN 'out-of-scope'. Lists are narrowed by their services, in SQL.
 */
export function checkScope(sqlite: () => Database.Database, method: Method, input: unknown): void {
  const narrowing = currentNarrowing();
  if (narrowing === null) return;
  const rule = SCOPE_RULES[method];
  switch (rule.kind) {
    case 'open':
      return;
    case 'organisation':
      throw outOfScope(`This is open to users who see the whole organisation; you see ${describeScope(narrowing)}.`);
    case 'read':
      for (const { kind, id } of named(input, rule.refs)) {
        if (presenceOf(sqlite(), narrowing, kind, id) !== 'visible') throw notFound(recordOf(kind), id);
      }
      return;
    case 'write':
      for (const { kind, id } of named(input, rule.refs)) {
        const presence = presenceOf(sqlite(), narrowing, kind, id);
        // A missing record is the service's to report, in its own words.
        if (presence === 'hidden') {
          throw outOfScope(`This ${words.records[recordOf(kind)]} is outside what you may change: you see ${describeScope(narrowing)}.`);
        }
      }
      return;
  }
}

/** Every handler behind its scope rule. The connection is fetched per call: a restore can swap it. */
export function guardedByScope(sqlite: () => Database.Database, handlers: Handlers): Handlers {
  const guarded = {} as Record<Method, Handler<Method>>;
  for (const method of Object.keys(handlers) as Method[]) {
    const handler = handlers[method] as Handler<Method>;
    guarded[method] = (input, call) => {
      checkScope(sqlite, method, input);
      return handler(input, call);
    };
  }
  return guarded as Handlers;
}
