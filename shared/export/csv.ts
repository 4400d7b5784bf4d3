/**
 * A CSV writer (RFC 4180) that is safe to open in a spreadsheet.
 *
 * Layout, as RFC 4180 says: records end with CRLF (the last one too); a
 * field that holds a comma, a double quote, a CR or an LF is wrapped in
 * double quotes and each quote inside it is doubled; every other field is
 * written as it is. Text stays a JavaScript string; the caller writes it as
 * UTF-8. Excel only reads a CSV as UTF-8 when it starts with a byte-order
 * mark, hence the `bom` option.
 *
 * Formula injection (CSV injection): a spreadsheet treats a cell that starts
 * with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage
 * return can smuggle one past a trim. Rationales and names are typed by
 * people, so every cell goes through `neutralizeFormula` by default: such a
 * cell gets a leading apostrophe, the OWASP recommendation, which spreadsheets
 * read as "this is text" and do not show.
 */

export interface CsvOptions {
  /** Starts the text with U+FEFF so Excel reads it as UTF-8. Default false. */
  bom?: boolean;
  /**
   * Passes every cell through `neutralizeFormula`. Default true; turn it off
   * only for a file that never reaches a spreadsheet.
   */
  neutralizeFormulas?: boolean;
}

/** The characters that make a spreadsheet read a cell as a formula (OWASP's list). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

export const UTF8_BOM = '\uFEFF';

/**
 * Prefixes an apostrophe to a cell whose first character is `=`, `+`, `-`,
 * `@`, a tab or a carriage return; any other cell is returned unchanged.
 *
 * Numbers are prefixed too: "-3" becomes "'-3". Telling a harmless negative
 * number from `-1+cmd|' /C calc'!A0` means parsing what a spreadsheet would
 * parse, and a check that gets it wrong once is an injection, so the rule
 * has no exception. Nothing is lost for the exports this serves: the columns
 * of a decisions file are ids, names, codes and prose, which an HR import
 * maps as text anyway, and a reader that wants the number strips the
 * apostrophe.
 */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.includes(cell.charAt(0)) ? `'${cell}` : cell;
}

/**
 * One field, quoted when RFC 4180 requires it (a comma, quote, CR or LF), and
 * also when it starts with U+FEFF: as the first field of a file, a bare one
 * would be read as a byte-order mark and dropped.
 */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) || cell.charCodeAt(0) === 0xfeff ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The rows as CSV text: CRLF after every record, fields quoted as RFC 4180
 * requires, formulas neutralised unless turned off. A record that is a
 * single empty field is written as `""`, so that it is not an empty line
 * (which many readers skip). A record with no fields at all cannot be told
 * apart from that, and is written the same way.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: CsvOptions = {}): string {
  const neutralize = options.neutralizeFormulas ?? true;
  const out: string[] = [];
  if (options.bom) out.push(UTF8_BOM);
  for (const row of rows) {
    if (row.length === 0 || (row.length === 1 && row[0] === '')) {
      out.push('""\r\n');
      continue;
    }
    out.push(row.map((cell) => csvField(neutralize ? neutralizeFormula(cell) : cell)).join(','), '\r\n');
  }
  return out.join('');
}
