/** RFC 4180 fields and rows, safe to open in a spreadsheet. */

/**
 * A text field, quoted when it must be. Text that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) gets a leading apostrophe, the usual guard against CSV injection;
 * numbers are written by `numberField` and never altered.
 */
export function textField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number to `decimals` places without trailing zeros; empty when absent (never a made-up 0). */
export function numberField(value: number | null | undefined, decimals = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export const row = (fields: readonly string[]): string => `${fields.join(',')}\r\n`;
