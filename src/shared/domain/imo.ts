/**
 * IMO ship identification numbers: seven digits, the last a check digit. The first six are multiplied by
 * 7, 6, 5, 4, 3 and 2; the last digit of the sum is the check digit (IMO Resolution A.1117(30)).
 * Accepts an optional "IMO" prefix as printed on registry papers.
 */
export function normaliseImoNumber(value: string): string {
  return value.trim().replace(/^IMO\s*/i, '');
}

export function isValidImoNumber(value: string): boolean {
  const digits = normaliseImoNumber(value);
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i += 1) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}
