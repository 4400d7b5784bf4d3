/**
 * A JSON file's ASCII form (shared/exchange/ascii-json.ts), which the import
 * worker parses instead of the decoded text: it parses to exactly what the
 * decoded text parses to, or fails where that fails, for any bytes; and a
 * bundle read that way opens, or is refused with the same words, as when its
 * text is decoded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJsonText, decodedText } from '../../../shared/exchange/ascii-json';
import { createBundle, openBundle, type BundleContent } from '../../../shared/exchange/bundle-format';
import { checkBundleText, readBundleFile } from '../../../shared/exchange/import-check';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
const parsed = (text: string): { value: unknown } | 'fails' => {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return 'fails';
  }
};
const isAscii = (text: string) => [...text].every((c) => c.charCodeAt(0) < 0x80);

/** Characters that make JSON (and break it), with non-ASCII ones of one to four bytes, a BOM and Unicode whitespace. */
const piece = fc.constantFrom('["', '"]', '{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', 'u', '0', 'a', '1', 'é', '’', '\u3000', '\ufeff', '😀', 'ß', '\u00a0', '"é"', '"\\u00e9"');

describe('asciiJsonText', () => {
  it('gives any JSON text with non-ASCII characters as ASCII that parses to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.constantFrom(undefined, 0, 2), fc.boolean(), (value, indent, bom) => {
        // As in a bundle, mostly ASCII around it (text mostly in another script is left to the plain decoding).
        const text = JSON.stringify({ value, ascii: 'x'.repeat(64 * JSON.stringify(value).length) }, null, indent);
        const bytes = utf8(bom ? `\ufeff${text}` : text);
        const ascii = asciiJsonText(bytes);
        expect(ascii).not.toBeNull();
        expect(isAscii(ascii!)).toBe(true);
        expect(JSON.parse(ascii!)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('parses to what the decoded bytes parse to, or fails where they fail, for any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const bytes = utf8(pieces.join(''));
        const ascii = asciiJsonText(bytes);
        if (ascii === null) return;
        expect(parsed(ascii)).toEqual(parsed(decodedText(bytes)));
      }),
    );
  });

  it('gives the same value for a large file with an accented name in every row', () => {
    // Over a hundred thousand stretches between non-ASCII letters, short and long: one string built from all of them.
    const names = Array.from({ length: 60_000 }, (_, i) => ({ id: `c-${i}`, name: `Zoë Brontë ${i}`, note: 'Led the launch of the service. '.repeat(i % 10 === 0 ? 20 : 4) }));
    const text = JSON.stringify({ names });
    const ascii = asciiJsonText(utf8(text));
    expect(ascii).not.toBeNull();
    expect(isAscii(ascii!)).toBe(true);
    expect(JSON.parse(ascii!)).toEqual({ names });
  });

  it('does not turn an escaped non-ASCII character (invalid JSON) into a valid escape', () => {
    // "\’" is not JSON; read as "\\u2019" it would be the text \u2019.
    expect(asciiJsonText(utf8('["\\’"]'))).toBeNull();
    expect(asciiJsonText(utf8('["\\\\\\é"]'))).toBeNull();
    expect(JSON.parse(asciiJsonText(utf8('["\\\\’"]'))!)).toEqual(['\\’']);
  });

  it('keeps a U+FEFF inside the file (only a leading one is a byte-order mark)', () => {
    // Found by the property below (seed 447687836): "1" then U+FEFF read as "1", which parses, where the text fails.
    // Padded with ASCII: mostly non-ASCII text is left to the plain decoding (null).
    const pad = ' '.repeat(64);
    expect(parsed(asciiJsonText(utf8(`1${pad}\ufeff`))!)).toBe('fails');
    expect(JSON.parse(asciiJsonText(utf8(`["\ufeffa", "b\ufeff"]${pad}`))!)).toEqual(['\ufeffa', 'b\ufeff']);
    expect(JSON.parse(asciiJsonText(utf8(`\ufeff["\ufeff"]${pad}`))!)).toEqual(['\ufeff']);
  });

  it('gives up on bytes that are not UTF-8, and keeps ASCII as it is', () => {
    expect(asciiJsonText(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toBeNull();
    expect(asciiJsonText(new Uint8Array([0x22, 0xc3, 0x22]))).toBeNull();
    expect(asciiJsonText(utf8('{"a": [1, "b"]}'))).toBe('{"a": [1, "b"]}');
  });

  it('finds non-ASCII bytes at any offset of a view', () => {
    const text = `${'x'.repeat(37)}é${'y'.repeat(9)}`;
    const buffer = new Uint8Array(64);
    for (let offset = 0; offset < 8; offset++) {
      const view = buffer.subarray(offset, offset + utf8(text).length);
      view.set(utf8(text));
      expect(asciiJsonText(view)).toBe(text.replace('é', '\\u00e9'));
    }
  });
});

describe('a bundle file read as its ASCII form', () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 4 });
  const content: BundleContent = {
    cycle: sample.cycle,
    frameworks: [sample.framework],
    candidates: sample.candidates.map((c, i) => (i === 1 ? { ...c, name: 'Zoë Ólafsdóttir’s 😀' } : c)),
    evidence: sample.evidence,
    packets: sample.packets,
  };
  /** What the worker makes of a file, beside what opening its decoded text gives. */
  const both = async (bytes: Uint8Array<ArrayBuffer>) => {
    const blob = new Blob([bytes]);
    const file = await readBundleFile(blob);
    return { read: await checkBundleText(file.text, { bytes: file.bytes }), decoded: await openBundle(await blob.text()) };
  };

  it('opens with the same content as its decoded text, non-ASCII names included', async () => {
    const text = await createBundle(content, { createdAt: '2026-11-02T10:00:00.000Z', appVersion: 'test' });
    const file = await readBundleFile(new Blob([utf8(text)]));
    expect(isAscii(file.text)).toBe(true);
    const { read, decoded } = await both(utf8(text));
    if (!read.ok || !decoded.ok) throw new Error('expected both to open');
    expect(read.content).toEqual(decoded.content);
    expect(read.content.candidates[1]!.name).toBe('Zoë Ólafsdóttir’s 😀');
    expect(read.summary).toEqual(decoded.summary);
  });

  it('is refused with the same words as its decoded text when it does not parse', async () => {
    const text = await createBundle(content, { createdAt: '2026-11-02T10:00:00.000Z', appVersion: 'test' });
    // [file, read as ASCII]: the third escapes a non-ASCII character, so it is read as decoded.
    const files: Array<[string, boolean]> = [
      // Only Unicode spaces (empty, as decoded) and ASCII ones: as escapes it would not be empty.
      [`\u3000\u00a0${' '.repeat(100)}\n`, true],
      [text.slice(0, text.indexOf('Zoë') + 6), true],
      [text.replace('"Zoë', '"Zoë\n').replace('Ólafs', '\\Ólafs'), false],
      [`${text.slice(0, text.indexOf('Zoë'))}’${text.slice(text.indexOf('Zoë') + 3, -1)},}`, true],
    ];
    for (const [file, ascii] of files) {
      expect(isAscii((await readBundleFile(new Blob([utf8(file)]))).text)).toBe(ascii);
      const { read, decoded } = await both(utf8(file));
      expect(read.ok).toBe(false);
      expect(read).toEqual(decoded);
    }
  });
});
