/**
 * An import's audit entry prepared in the worker and finished on the page
 * (shared/audit/prepared-change.ts) is exactly the entry the page would
 * compute itself — stored fields and hash, one entry or many parts — so
 * trails verify with the same code; and anything that does not match (the
 * entry dated otherwise, another actor, other rows, rows that are not plain
 * JSON data) is refused so the page computes it.
 */
import { describe, expect, it } from 'vitest';
import { appendChangeEntries, appendEntrySync, ENTRY_PART_CHARS, verifyChain, type AuditEntryInput } from '../../../shared/audit/hash-chain';
import { finishPreparedChange, isJsonData, prepareChange, type PrepareInput } from '../../../shared/audit/prepared-change';
import type { RowChange } from '../../../shared/domain/audit';

const row = (i: number, size = 40): RowChange => ({
  table: i % 2 ? 'evidence' : 'packets',
  id: `r-${i}`,
  // Keys out of order and text that needs escaping: what canonical JSON settles.
  row: { title: `Item ${i} — “quoted” \u2028 ${'x'.repeat(size)}`, id: `r-${i}`, criterionIds: ['b', 'a'], nested: { z: 1, a: [1.5, null, 0] } },
});
const base: PrepareInput = { id: 'e1', actor: 'Priya Shah', entityType: 'cycle', entityId: 'cy-1', action: 'import bundle', at: '2026-11-20T12:00:00.000Z', after: { packets: 3 }, changes: { reset: false, rows: [] } };
const withRows = (rows: RowChange[]): PrepareInput => ({ ...base, changes: { reset: false, rows } });
const onDevice = (input: PrepareInput, extra: Partial<AuditEntryInput> = {}): AuditEntryInput => ({ ...input, deviceId: 'dev-a', ...extra });
const partIds = (i: number) => `e1-part-${i}`;
const noPause = async () => undefined;

describe('an audit entry prepared in the worker', () => {
  it('is finished on the page into exactly the entry computed there, after any link', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    const prepared = prepareChange(withRows(rows), partIds)!;
    expect(prepared.parts).toHaveLength(1);
    for (const prev of [null, appendEntrySync(null, onDevice(withRows([row(0), row(1)]), { id: 'e0' }))]) {
      const finished = finishPreparedChange(prev, onDevice(withRows(rows)), prepared);
      const computed = await appendChangeEntries(prev, onDevice(withRows(rows)), noPause, partIds);
      expect(finished).toEqual(computed);
      expect(await verifyChain(prev ? [prev, ...finished!] : finished!)).toEqual({ ok: true, count: prev ? 2 : 1 });
    }
  });

  it('gives the same parts as appendChangeEntries for a change over the part size', async () => {
    // 60 rows of ~50,000 characters: about 3 MB, three or more parts.
    const rows = Array.from({ length: 60 }, (_, i) => row(i, 50_000));
    const prepared = prepareChange(withRows(rows), partIds)!;
    expect(prepared.parts.length).toBeGreaterThanOrEqual(Math.floor((60 * 50_000) / ENTRY_PART_CHARS));
    const prev = appendEntrySync(null, onDevice(withRows([row(0), row(1)]), { id: 'e0' }));
    const finished = finishPreparedChange(prev, onDevice(withRows(rows)), prepared);
    expect(finished).toEqual(await appendChangeEntries(prev, onDevice(withRows(rows)), noPause, partIds));
    expect(await verifyChain([prev, ...finished!])).toEqual({ ok: true, count: 1 + prepared.parts.length });
  });

  it('is refused when the entry is dated or signed otherwise, or records other rows', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i));
    const prepared = prepareChange(withRows(rows), partIds)!;
    expect(finishPreparedChange(null, onDevice({ ...withRows(rows), at: '2026-11-20T12:00:01.000Z' }), prepared)).toBeNull();
    expect(finishPreparedChange(null, onDevice({ ...withRows(rows), actor: 'Someone else' }), prepared)).toBeNull();
    expect(finishPreparedChange(null, onDevice({ ...withRows(rows), after: { packets: 4 } }), prepared)).toBeNull();
    expect(finishPreparedChange(null, onDevice(withRows([...rows].reverse())), prepared)).toBeNull();
    expect(finishPreparedChange(null, onDevice(withRows(rows.slice(1))), prepared)).toBeNull();
  });

  it('is not prepared for rows that would not parse back equal from their JSON', () => {
    expect(isJsonData({ a: [1, 'x', null, { b: true }] })).toBe(true);
    // A hole in an array writes as null.
    const holey = [1, 2];
    delete holey[0];
    for (const bad of [{ a: undefined }, { a: -0 }, { a: Number.NaN }, holey, { d: new Date(0) }]) expect(isJsonData(bad), String(JSON.stringify(bad))).toBe(false);
    const rows = [row(0), { ...row(1), row: { id: 'r-1', note: undefined } }];
    expect(prepareChange(withRows(rows), partIds)).toBeNull();
  });
});
