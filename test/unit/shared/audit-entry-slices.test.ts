/**
 * A large audit entry (an import of thousands of rows) is canonicalised and
 * hashed in slices, pausing between them so no main-thread task holds it
 * all (issue 13). The hash format must not change: the sliced entry is
 * exactly the one-go entry — stored fields and hash — for any rows, so
 * existing trails verify and new entries verify with the same code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEntryInSlices, appendEntrySync, ENTRY_SLICE_CHARS, ENTRY_SLICE_ROWS, entryHash, verifyChain, type AuditEntryInput } from '../../../shared/audit/hash-chain';
import { AUDITED_TABLES, type RowChange } from '../../../shared/domain/audit';

function input(rows: RowChange[], id = 'e1', extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return { id, deviceId: 'dev-a', actor: 'Priya Shah', entityType: 'cycle', entityId: 'cy-1', action: 'import bundle', at: '2026-11-20T12:00:00.000Z', after: { packets: rows.length }, changes: { reset: false, rows }, ...extra };
}

const row = (i: number): RowChange => ({
  table: 'evidence',
  id: `ev-${i}`,
  // Keys out of order, an undefined field, text that needs escaping: what canonical JSON must settle.
  row: { title: `Item ${i} — “quoted” \u2028 \ud800`, id: `ev-${i}`, note: undefined, criterionIds: ['b', 'a'], nested: { z: 1, a: [1.5, null, -0] } },
});

describe('appendEntryInSlices', () => {
  it('gives the same entry and hash as hashing in one go, pausing between slices', async () => {
    const rows = Array.from({ length: ENTRY_SLICE_ROWS * 3 + 7 }, (_, i) => row(i));
    const prev = appendEntrySync(null, input([row(0)], 'e0'));
    let pauses = 0;
    const sliced = await appendEntryInSlices(prev, input(rows), async () => pauses++);
    expect(sliced).toEqual(appendEntrySync(prev, input(rows)));
    expect(pauses).toBe(3);
    expect(sliced.hash).toBe(await entryHash(sliced));
    expect(await verifyChain([prev, sliced])).toEqual({ ok: true, count: 2 });
  });

  it('cuts a slice by the size of its text too, so a few large rows are not hashed in one task', async () => {
    // 40 rows of ~20,000 characters: under the row limit, 0.8 MB of text (an import's evidence is ~1.7 KB a row, 12,000 rows).
    const big = (i: number): RowChange => ({ table: 'evidence', id: `ev-${i}`, row: { id: `ev-${i}`, text: 'x'.repeat(20_000) } });
    const rows = Array.from({ length: 40 }, (_, i) => big(i));
    const rowChars = JSON.stringify(rows[0]).length;
    let pauses = 0;
    const sliced = await appendEntryInSlices(null, input(rows), async () => pauses++);
    expect(sliced).toEqual(appendEntrySync(null, input(rows)));
    // No slice holds more than the budget plus the row that crossed it: 7 rows of ~20 K close each slice (6 stay under 128 K), 40 rows make 6 slices.
    expect(Math.ceil(ENTRY_SLICE_CHARS / rowChars)).toBe(7);
    expect(pauses).toBe(5);
  });

  it('matches for any rows and summary, including a summary holding the marker text', async () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ table: fc.constantFrom(...AUDITED_TABLES), id: fc.string({ minLength: 1, maxLength: 8 }), row: fc.oneof(fc.constant(null), fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 4 })) }), { minLength: 0, maxLength: 30 }),
        fc.boolean(),
        json,
        fc.integer({ min: 1, max: 7 }),
        async (rows, reset, after, copies) => {
          const many = Array.from({ length: copies * 100 }, (_, i) => rows[i % Math.max(rows.length, 1)] ?? { table: 'packets' as const, id: `p${i}`, row: null });
          const base = input(many, 'e2', { after, actor: '\u0000rows-e2\u0000' });
          const one = appendEntrySync(null, { ...base, changes: { reset, rows: many } });
          const sliced = await appendEntryInSlices(null, { ...base, changes: { reset, rows: many } }, async () => {});
          expect(sliced).toEqual(one);
        },
      ),
      { numRuns: 40 },
    );
  });
});
