/**
 * ICAO Doc 9303 Part 3 §4.9 check digit (docs/documents.md#check-digits): 0–9 are themselves, A–Z are 10–35, the
 * filler `<` is 0; weights 7, 3, 1 repeating; the sum modulo 10. Letters count (alphanumeric document numbers).
 */
const WEIGHTS = [7, 3, 1] as const;

export function charValue(char: string): number {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`"${char}" is not an MRZ character (A–Z, 0–9, <)`);
}

export function icaoCheckDigit(value: string): number {
  let sum = 0;
  for (let i = 0; i < value.length; i += 1) sum += charValue(value[i]!) * WEIGHTS[i % 3]!;
  return sum % 10;
}

/** Whether `digit` (one character as printed) is the check digit of `value`; `<` counts as 0 (empty fields). */
export function isValidCheckDigit(value: string, digit: string): boolean {
  if (!/^[0-9<]$/.test(digit)) return false;
  if (!/^[A-Z0-9<]*$/.test(value)) return false;
  return icaoCheckDigit(value) === (digit === '<' ? 0 : Number(digit));
}
