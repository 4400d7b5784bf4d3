/**
 * A large audit entry (an import of thousands of rows) is canonicalised and
 * hashed in slices, pausing between them so no main-thread task holds it
 * all (issue 13). The hash format must not change: the sliced entry is
 * exactly the one-go entry — stored fields and hash — for any rows, so
 * existing trails verify and new entries verify with the same code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendChangeEntries, appendEntryInSlices, appendEntrySync, ENTRY_PART_CHARS, ENTRY_SLICE_CHARS, ENTRY_SLICE_ROWS, entryHash, verifyChain, type AuditEntryInput } from '../../../shared/audit/hash-chain';
import { AUDITED_TABLES, AuditEntrySchema, type RowChange } from '../../../shared/domain/audit';
import { replayTrail } from '../../../shared/audit/replay';

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
    // Two passes over the rows (their canonical text, then hashing and storing), each pausing after every slice but the last.
    expect(pauses).toBe(2 * 3);
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
    // No slice holds more than the budget plus the row that crossed it: 7 rows of ~20 K close each slice (6 stay under 128 K), 40 rows make 6 slices,
    // in each of the two passes.
    expect(Math.ceil(ENTRY_SLICE_CHARS / rowChars)).toBe(7);
    expect(pauses).toBe(2 * 5);
  });

  it('matches for any rows and summary, including a summary holding the marker text', async () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ table: fc.constantFrom(...AUDITED_TABLES), id: fc.string({ minLength: 1, maxLength: 8 }), row: fc.oneof(fc.constant(null), fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 4 })) }), { minLength: 0, maxLength: 30 }),
        fc.boolean(),
        json,
        fc.integer({ min: 1, max: 7 }),
        // A plain actor (the rows hashed in slices), or one holding the marker text the rows are cut out by (hashed in one go).
        fc.constantFrom('Priya Shah', '\u0000rows-e2\u0000'),
        async (rows, reset, after, copies, actor) => {
          const many = Array.from({ length: copies * 100 }, (_, i) => rows[i % Math.max(rows.length, 1)] ?? { table: 'packets' as const, id: `p${i}`, row: null });
          const base = input(many, 'e2', { after, actor });
          const one = appendEntrySync(null, { ...base, changes: { reset, rows: many } });
          const sliced = await appendEntryInSlices(null, { ...base, changes: { reset, rows: many } }, async () => {});
          expect(sliced).toEqual(one);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('appendChangeEntries', () => {
  const big = (i: number): RowChange => ({ table: 'evidence', id: `ev-${i}`, row: { id: `ev-${i}`, text: `${i}`.padEnd(100_000, 'y') } });
  const replayed = (entries: Parameters<typeof replayTrail>[0]) =>
    [...(replayTrail(entries).get('evidence') ?? new Map())].map(([id, { row }]) => [id, row]);

  it('records a small change in one entry, exactly as before', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i));
    const entries = await appendChangeEntries(null, input(rows), async () => {}, (i) => `e1-${i}`);
    expect(entries).toEqual([appendEntrySync(null, input(rows))]);
  });

  it('cuts a change over the part budget into consecutive parts that replay to the same rows', async () => {
    // 35 rows of ~100 K characters: 3.5 MB, so four parts of at most ~1 MB.
    const rows = Array.from({ length: 35 }, (_, i) => big(i));
    const earlier = appendEntrySync(null, input([{ table: 'evidence', id: 'old', row: { id: 'old' } }], 'e0'));
    const entries = await appendChangeEntries(earlier, input(rows, 'e1', { before: { was: 1 }, changes: { reset: true, rows } }), async () => {}, (i) => `e1-part-${i}`);
    expect(entries.map((e) => [e.id, e.seq, e.part])).toEqual([
      ['e1', 1, { index: 1, count: 4 }],
      ['e1-part-2', 2, { index: 2, count: 4 }],
      ['e1-part-3', 3, { index: 3, count: 4 }],
      ['e1-part-4', 4, { index: 4, count: 4 }],
    ]);
    // 10 rows of 100,0xx characters fit in 1,048,576; the 11th would not.
    expect(entries.map((e) => e.changes?.rows.length)).toEqual([10, 10, 10, 5]);
    expect(Math.floor(ENTRY_PART_CHARS / JSON.stringify(rows[0]).length)).toBe(10);
    // The reset and the summary belong to the change once, on its first part.
    expect(entries.map((e) => [e.changes?.reset, e.before, e.after])).toEqual([
      [true, { was: 1 }, { packets: 35 }],
      [false, null, null],
      [false, null, null],
      [false, null, null],
    ]);
    // Replaying the parts gives what one entry with every row gives: the earlier row reset away, all 35 in order.
    const whole = appendEntrySync(earlier, input(rows, 'e1', { changes: { reset: true, rows } }));
    expect(replayed([earlier, ...entries])).toEqual(replayed([earlier, whole]));
    expect(replayed([earlier, ...entries]).map(([id]) => id)).toEqual(rows.map((r) => r.id));
    expect(await verifyChain([earlier, ...entries])).toEqual({ ok: true, count: 5 });
    expect(entries.every((e) => AuditEntrySchema.safeParse(e).success)).toBe(true);
  });

  it('detects a part that was edited, removed or had its part number changed', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => big(i));
    const entries = await appendChangeEntries(null, input(rows), async () => {}, (i) => `p${i}`);
    expect(entries).toHaveLength(3);
    const renumbered = entries.map((e, i) => (i === 1 ? { ...e, part: { index: 3, count: 3 } } : e));
    expect(await verifyChain(renumbered)).toMatchObject({ ok: false, brokenAt: { seq: 1, reason: 'hash-mismatch' } });
    expect(await verifyChain([entries[0]!, entries[2]!])).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'sequence-gap' } });
  });
});
