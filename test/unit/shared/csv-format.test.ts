import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, neutralizeFormula, toCsv } from '../../../shared/export/csv';
import { parseCsv } from '../../fixtures/db/csv-reader';

const utf8 = (text: string) => new TextEncoder().encode(text);
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

describe('the test reader (an independent RFC 4180 parser)', () => {
  it('reads the RFC examples', () => {
    expect(parseCsv('aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n')).toEqual([
      ['aaa', 'bbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(parseCsv('aaa,bbb,ccc\r\nzzz,yyy,xxx')).toEqual([
      ['aaa', 'bbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(parseCsv('"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx\r\n')).toEqual([
      ['aaa', 'b\r\nbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(parseCsv('"aaa","b""bb","ccc"')).toEqual([['aaa', 'b"bb', 'ccc']]);
    expect(parseCsv('\uFEFFa,\r\n,b\r\n')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

});

describe('toCsv', () => {
  it('quotes exactly the fields RFC 4180 says to, doubling quotes', () => {
    const text = toCsv([
      ['plain', 'with,comma', 'with "quote"', 'line\nbreak', 'carriage\rreturn', 'both\r\n', ''],
    ]);
    expect(text).toBe('plain,"with,comma","with ""quote""","line\nbreak","carriage\rreturn","both\r\n",\r\n');
  });

  it('ends every record with CRLF, the last one too, and has no bare line breaks outside quotes', () => {
    const text = toCsv([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(text).toBe('a,b\r\nc,d\r\ne,f\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes a record of one empty field as "" so it is not an empty line', () => {
    expect(toCsv([['x'], [''], ['y']])).toBe('x\r\n""\r\ny\r\n');
    expect(parseCsv(toCsv([['x'], [''], ['y']]))).toEqual([['x'], [''], ['y']]);
    expect(toCsv([])).toBe('');
  });

  it('starts with a byte-order mark only when asked, which encodes as EF BB BF', () => {
    expect(toCsv([['a']])).toBe('a\r\n');
    const bytes = utf8(toCsv([['a']], { bom: true }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(fromUtf8(bytes))).toEqual([['a']]);
  });

  it('keeps accents, CJK and emoji intact through UTF-8', () => {
    const rows = [
      ['name', 'note'],
      ['Zoë Ferreira-Égalité', 'Ré-évalué, “smart quotes”'],
      ['王小明', '中文，全角逗号'],
      ['🚀 Rocket 👩🏽‍💻', 'flag 🇵🇹 and ZWJ family 👨‍👩‍👧'],
    ];
    const bytes = utf8(toCsv(rows, { bom: true }));
    expect(parseCsv(fromUtf8(bytes))).toEqual(rows);
  });
});

describe('formula neutralisation', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1+cmd', "'+1+cmd"],
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('prefixes %j with an apostrophe', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it('prefixes numbers that start with a sign too (an HR import reads these columns as text)', () => {
    expect(neutralizeFormula('-3')).toBe("'-3");
    expect(neutralizeFormula('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(neutralizeFormula('-0.5')).toBe("'-0.5");
  });

  it('leaves every other cell alone', () => {
    for (const cell of ['', '3', '0.5', 'a=b', 'IC3', "'=already", ' =leading space', '\n=newline', 'é=', '＝full-width']) {
      expect(neutralizeFormula(cell)).toBe(cell);
    }
  });

  it('covers each trigger character, and toCsv applies it to every cell by default', () => {
    expect(FORMULA_TRIGGERS).toEqual(['=', '+', '-', '@', '\t', '\r']);
    const row = FORMULA_TRIGGERS.map((t) => `${t}1`);
    const parsed = parseCsv(toCsv([row]));
    expect(parsed).toEqual([row.map((cell) => `'${cell}`)]);
    expect(parseCsv(toCsv([row], { neutralizeFormulas: false }))).toEqual([row]);
  });

  it('neutralises a formula that also needs quoting', () => {
    expect(toCsv([['=HYPERLINK("http://x.invalid","click")']])).toBe(`"'=HYPERLINK(""http://x.invalid"",""click"")"\r\n`);
  });
});

describe('round trip through a parser', () => {
  it('reads back what was written, after neutralisation', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'a,b'],
      ['2', '"quoted"'],
      ['3', 'multi\r\nline\nand\rbare'],
      ['4', '=1+1'],
      ['5', '-3'],
      ['6', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(neutralizeFormula)));
  });

  it('holds for any rectangular matrix of strings (property)', () => {
    // Any code point (lone surrogates aside: UTF-8 cannot carry them), with
    // the characters CSV and spreadsheets care about drawn far more often.
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((n) => n < 0xd800 || n > 0xdfff).map((n) => String.fromCodePoint(n));
    const special = fc.constantFrom(',', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ' ', 'é', '中', '🚀', '👩🏽‍💻', '\uFEFF');
    const cell = fc.string({ unit: fc.oneof(special, fc.string({ minLength: 1, maxLength: 1 }), codePoint), maxLength: 12 });
    const matrix = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(matrix, fc.boolean(), (rows, bom) => {
        const text = toCsv(rows, { bom });
        const parsed = parseCsv(fromUtf8(utf8(text)));
        const expected = rows.map((r) => r.map(neutralizeFormula));
        return JSON.stringify(parsed) === JSON.stringify(expected) && parsed.flat().every((c) => !/^[=+\-@\t\r]/.test(c));
      }),
      { numRuns: 500 },
    );
  });
});
