/**
 * A label inside a sentence: "Expiry date" → "expiry date". A label that starts with an acronym or a name keeps
 * its capitals ("STCW reference", "ENG1 medical"); use it on groups written in sentence case, not on names.
 */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "Crew in post" from "crew in post": a sentence's words at the start of a line or a cell. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
