/**
 * jsonUtf8 (shared/exchange/canonical-json.ts): the UTF-8 bytes of
 * JSON.stringify, written a row at a time, so a bundle's checksum never
 * builds (and encodes) its whole content as one string.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { jsonUtf8, sha256Hex, sha256HexOfBytes } from '../../../shared/exchange/canonical-json';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('jsonUtf8', () => {
  it('is byte for byte the UTF-8 of JSON.stringify, whatever the characters and nesting', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5e-7,
      'plain',
      [],
      {},
      [[], {}, [1, [2, [3]]]],
      { b: 1, a: [{ z: 'é — “quoted” 漢字 🎉' }, 'x'], '': null, 'ключ': { deep: { deeper: [true, false] } } },
      { lone: '\ud800 and \udfff', escapes: '"\\\n\t\u0001' },
      JSON.parse('{"__proto__": {"x": 1}, "n": 1e21}'),
    ];
    for (const value of values) expect(jsonUtf8(value)).toEqual(encode(value));
  });

  it('grows past its first buffer and keeps every byte', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `row-${i}`, text: i % 7 === 0 ? `naïve — ${'é'.repeat(i % 50)}` : 'x'.repeat(i % 90) }));
    const value = { rows, tail: { more: rows.slice(0, 10) } };
    // Compared as buffers: a deep equal of a few hundred kilobytes element by element is slow.
    expect(Buffer.compare(jsonUtf8(value), encode(value))).toBe(0);
  });

  it('hashes to the same digest as the whole text', async () => {
    const value = { a: ['ü', { b: '𝄞' }] };
    expect(await sha256HexOfBytes(jsonUtf8(value))).toBe(await sha256Hex(JSON.stringify(value)));
  });
});

describe('opening a bundle', () => {
  it('checks the checksum without writing the whole content as one string', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
    const candidates = sample.candidates.map((c, i) => (i === 0 ? { ...c, name: 'Zoë “Zed” Ångström — 漢' } : c));
    const content = { cycle: sample.cycle, frameworks: [sample.framework], candidates, evidence: sample.evidence, packets: sample.packets };
    const text = await createBundle(content, { createdAt: '2026-11-02T10:00:00.000Z', appVersion: 'test' });
    const whole = JSON.stringify(JSON.parse(text).content).length;
    const stringify = vi.spyOn(JSON, 'stringify');
    const opened = await openBundle(text);
    expect(opened.ok).toBe(true);
    const longest = Math.max(0, ...stringify.mock.results.map((r) => (typeof r.value === 'string' ? r.value.length : 0)));
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThan(whole / 2);
  });
});
