import type { DocumentFields, Issue, VerificationReason } from '../api';
import type { Scope } from '../auth/roles';
import { en } from './en';
import type { InputField, RecordKind, Words } from './types';
import { inSentence } from './text';

export { capitalised, inSentence } from './text';
export { domainWords, positionOf } from './domain';

export type { InputField, RecordKind, Words } from './types';

/**
 * The one dictionary of the app's vocabulary (docs/architecture.md#words): screens, the core's messages and the
 * CLI's reports all name things through it, never by their identifiers. No zod and no values of the contract
 * here, so the engine's worker threads can load it. Another language would be another `Words` chosen here.
 */
export const words: Words = en;

/** Field names inside a sentence: "Could not read: certificate number, expiry date". */
export const fieldWords = (fields: ReadonlyArray<keyof DocumentFields>): string => fields.map((field) => inSentence(words.documentFields[field])).join(', ');

/** Why a document is not verified, in a line: "expired, name differs from the person". */
export const reasonWords = (reasons: readonly VerificationReason[]): string => reasons.map((reason) => words.verificationReasons[reason]).join(', ');

const isKeyOf = <T extends object>(group: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(group, key);

/**
 * What a message calls the field at an input path: the innermost segment with a name ("fields.expiryDate" is the
 * expiry date, "thresholds.irv.questionable" the validity cut-offs), or null when no segment has one.
 */
export function fieldName(path: string): string | null {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  for (const segment of segments.reverse()) {
    if (isKeyOf(words.documentFields, segment)) return words.documentFields[segment];
    if (isKeyOf(words.fields, segment)) return words.fields[segment as InputField];
  }
  return null;
}

/** Input problems as a person reads them: each message after the name of its field, never the field's identifier. */
export function issuesInWords(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const name = issue.path ? fieldName(issue.path) : null;
      return name ? `${name}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** A record that is not (or no longer) in the database: the id stays in the error's details, not in its words. */
export const noLongerExists = (kind: RecordKind): string => `This ${words.records[kind]} no longer exists.`;

/**
 * What a person calls a stored column (the audit log's before and after): the input field's name when a form
 * has one ("given_names" is "Given names"), else the column's own word; null when neither has one (a unit test
 * holds every audited column to having one).
 */
export function columnLabel(column: string): string | null {
  const field = column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  if (isKeyOf(words.fields, field)) return words.fields[field as InputField];
  return Object.hasOwn(words.columns, column) ? words.columns[column]! : null;
}

/**
 * Which records a user sees, in words: "Whole organisation", "Aboard Serenity Tide, Blue Horizon",
 * "Aboard Serenity Tide, deck department only". `vesselName` names a vessel by its id (an unknown id by itself).
 */
export function scopeInWords(scope: Scope, vesselName: (id: string) => string): string {
  const where =
    scope.vesselIds === null
      ? words.scopeParts.wholeOrganisation
      : scope.vesselIds.length === 0
        ? words.scopeParts.noVessel
        : `${words.scopeParts.vessels} ${scope.vesselIds.map(vesselName).join(', ')}`;
  return scope.department ? `${where}, ${inSentence(words.departments[scope.department])} ${words.scopeParts.departmentOnly}` : where;
}
