/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** Characters that make Excel read a cell as a formula; such a cell is written with a leading apostrophe. */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A CSV file as Danish Excel opens it with a double click: semicolons between fields, every field quoted, lines ended
 * by CRLF, and a byte-order mark first so æ, ø and å are read as UTF-8.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
