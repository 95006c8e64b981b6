/**
 * A decimal number as people type it: "1.5" or "1,5", spaces around allowed.
 * Anything else, an empty field included, is NaN, so callers test
 * Number.isFinite once. The one decimal parser of the forms.
 */
export function parseDecimal(text: string): number {
  const trimmed = text.trim()
  return trimmed === '' ? Number.NaN : Number(trimmed.replace(',', '.'))
}
