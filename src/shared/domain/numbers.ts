/** "1,250" or "12,500": an English thousands separator as easily as a decimal comma. */
const GROUPED_THOUSANDS = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/;
const DECIMAL = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

/**
 * A number as people type it into a form: "48.5" and "48,5" are both 48.5 (half the world writes a decimal
 * comma). Blank is null. Text that is no number, or whose comma could as well group thousands ("12,500"), is
 * NaN, so the field's own check asks for the number again rather than store 12.5 for 12,500.
 */
export function parseDecimal(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  if (GROUPED_THOUSANDS.test(value) || !DECIMAL.test(value)) return Number.NaN;
  return Number(value.replace(',', '.'));
}
