import { describe, expect, it } from 'vitest';
import { assembleBundles, chunkBytes, inboxSubject, type InboxPiece } from '../../../../renderer/connected/inbox-chunks';

const enc = (s: string) => new TextEncoder().encode(s);

function pieces(text: string, size: number, managerId: string, bundleId: string, storedAt = '2026-11-20T10:00:00.000Z'): InboxPiece[] {
  const parts = chunkBytes(enc(text), size);
  return parts.map((data, i) => ({ subject: inboxSubject('c1', managerId, bundleId, i), data, total: parts.length, sender: managerId.toUpperCase(), packets: 2, storedAt }));
}

describe('packet bundles in chunks', () => {
  it('cuts 10 bytes into pieces of 4, 4 and 2, and an empty text into one empty piece', () => {
    expect(chunkBytes(enc('0123456789'), 4).map((p) => p.length)).toEqual([4, 4, 2]);
    expect(chunkBytes(enc(''), 4).map((p) => p.length)).toEqual([0]);
  });

  it('puts bundles back together whatever order the pieces come in, multi-byte characters split across pieces included', () => {
    const text = '{"packets":"Évidence — ünïcode ✓"}'.repeat(5);
    const a = pieces(text, 7, 'mia', 'b1');
    const b = pieces('second', 4, 'max', 'b2', '2026-11-20T11:00:00.000Z');
    const out = assembleBundles([...b, ...a.reverse()]);
    expect(out.map((x) => [x.key, x.sender, x.text])).toEqual([
      ['max.b2', 'MAX', 'second'],
      ['mia.b1', 'MIA', text],
    ]);
    expect(out[1]!.bytes).toBe(enc(text).length);
  });

  it('leaves out a bundle with a piece missing, and keeps the first copy of a repeated piece', () => {
    const a = pieces('abcdefghij', 4, 'mia', 'b1');
    expect(assembleBundles([a[0]!, a[2]!])).toEqual([]);
    const forgedRepeat = { ...a[1]!, data: enc('XXXX') };
    expect(assembleBundles([...a, forgedRepeat])[0]!.text).toBe('abcdefghij');
  });

  it('refuses ids that would change the subject', () => {
    expect(() => inboxSubject('c1', 'mia.evil', 'b1', 0)).toThrow(/letters, digits/);
    expect(() => inboxSubject('c1', 'mia', 'b>', 0)).toThrow(/letters, digits/);
  });
});
