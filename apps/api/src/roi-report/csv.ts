/** UTF-8 with a byte-order mark: spreadsheets then read accents right. */
export const BOM = '\uFEFF';

export type Separator = ',' | ';';

/**
 * One CSV cell. Text a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe; with the semicolon separator (French spreadsheets), decimals take a comma.
 */
export function cell(value: string | number | null | undefined, separator: Separator): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return separator === ';' ? text.replace('.', ',') : text;
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: (string | number | null | undefined)[][], separator: Separator): string {
  return BOM + rows.map((row) => row.map((value) => cell(value, separator)).join(separator)).join('\r\n') + '\r\n';
}
