import type { Department } from '../domain/crew';
import { domain, type DomainWords } from './en/domain';
import { inSentence } from './text';

/** The words the contract's and the shared domain's own messages use (see ./en/domain.ts): the same as `words`. */
export const domainWords: DomainWords = domain;

/** "a deck position", "an engineering position": how a message names a department's positions. */
export function positionOf(department: Department): string {
  const name = inSentence(domainWords.departments[department]);
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} position`;
}
