import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';

/**
 * Countries (flags, nationalities) as ISO 3166-1 alpha-3 codes with English names, from i18n-iso-countries.
 * Alpha-3 because the machine-readable zone of passports uses it (ICAO Doc 9303).
 */
countries.registerLocale(en);

export interface Country {
  code: string;
  name: string;
}

/** Every country, sorted by English name (for pickers). */
export const COUNTRIES: readonly Country[] = Object.keys(countries.getAlpha3Codes())
  .map((code) => ({ code, name: countries.getName(code, 'en') ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

const CODES = new Set(COUNTRIES.map((c) => c.code));

export function isCountryCode(value: string): boolean {
  return CODES.has(value);
}

export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/**
 * Reads a country as people type it in a spreadsheet: an alpha-3 or alpha-2 code, or an English name or
 * common alias ("France", "UK", "Great Britain"). Null when it is not a country.
 */
export function resolveCountry(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const upper = value.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && CODES.has(upper)) return upper;
  if (/^[A-Z]{2}$/.test(upper)) {
    const alpha3 = countries.alpha2ToAlpha3(upper);
    if (alpha3) return alpha3;
  }
  return countries.getAlpha3Code(value, 'en') ?? countries.getSimpleAlpha3Code(value, 'en') ?? null;
}
