/**
 * The audit hash chain: append five entries and verify; then tamper in each
 * way the chain must catch (edit, delete, re-hash, reorder, another device)
 * and check where and why it breaks. A property closes it: any appended
 * chain verifies, and any single-field change to any entry is detected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditChainError, appendEntries, appendEntry, entryHash, verifyAll, verifyChain, type AuditEntryInput } from '../../../shared/audit/hash-chain';
import { AuditEntityTypeSchema, type AuditEntry } from '../../../shared/domain/audit';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';

const input = (i: number, deviceId = 'dev-a'): AuditEntryInput => ({
  id: `${deviceId}-e${i}`,
  deviceId,
  actor: 'chair@example.org',
  entityType: 'decision',
  entityId: `dec-${i}`,
  action: i === 0 ? 'create' : 'update',
  before: i === 0 ? null : { outcome: 'defer', rationale: `draft ${i}` },
  after: { outcome: 'promote', rationale: `final ${i}`, cited: ['c1', 'c2'] },
  at: `2026-10-0${i + 1}T10:00:00.000Z`,
});

async function chain(n: number, deviceId = 'dev-a'): Promise<AuditEntry[]> {
  return appendEntries(null, Array.from({ length: n }, (_, i) => input(i, deviceId)));
}

describe('appendEntry', () => {
  it('numbers from 0, links each entry to the previous hash and hashes every field but the hash', async () => {
    const entries = await chain(5);
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(entries[0]?.prevHash).toBe('');
    for (let i = 1; i < 5; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    for (const e of entries) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      const { hash, ...rest } = e;
      // Independently: SHA-256 over the canonical JSON of { prevHash and every other field }.
      expect(hash).toBe(await sha256Hex(canonicalJson(rest)));
      expect(hash).toBe(await entryHash(rest));
    }
  });

  it('is deterministic', async () => {
    expect((await chain(3)).map((e) => e.hash)).toEqual((await chain(3)).map((e) => e.hash));
  });

  it('stores before/after as JSON data, so a storage round trip still verifies', async () => {
    const first = await appendEntry(null, { ...input(0), before: undefined, after: { a: 1, dropped: undefined } });
    expect(first.before).toBeNull();
    expect(first.after).toEqual({ a: 1 });
    expect(Object.keys(first.after as object)).toEqual(['a']);
    const entries = [first, ...(await appendEntries(first, [input(1), input(2)]))];
    const roundTripped = JSON.parse(JSON.stringify(entries)) as AuditEntry[];
    expect(await verifyChain(roundTripped)).toEqual({ ok: true, count: 3 });
  });

  it('refuses to append to another device’s chain', async () => {
    const [first] = await chain(1, 'dev-a');
    await expect(appendEntry(first ?? null, input(1, 'dev-b'))).rejects.toBeInstanceOf(AuditChainError);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, in any storage order, and an empty one', async () => {
    const entries = await chain(5);
    expect(await verifyChain(entries)).toEqual({ ok: true, count: 5 });
    expect(await verifyChain([...entries].reverse())).toEqual({ ok: true, count: 5 });
    expect(await verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('catches an edited field as a hash mismatch at that entry', async () => {
    const entries = await chain(5);
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, action: 'delete' } : e));
    expect(await verifyChain(edited)).toEqual({ ok: false, brokenAt: { seq: 2, id: 'dev-a-e2', reason: 'hash-mismatch' } });
    const nested = entries.map((e) => (e.seq === 3 ? { ...e, after: { outcome: 'not-yet', rationale: 'final 3', cited: ['c1', 'c2'] } } : e));
    expect(await verifyChain(nested)).toEqual({ ok: false, brokenAt: { seq: 3, id: 'dev-a-e3', reason: 'hash-mismatch' } });
  });

  it('catches an edited entry whose hash was recomputed at the next entry’s link', async () => {
    const entries = await chain(5);
    const { hash: _old, ...rest } = { ...(entries[2] as AuditEntry), actor: 'someone-else' };
    const forged = { ...rest, hash: await entryHash(rest) };
    const tampered = entries.map((e) => (e.seq === 2 ? forged : e));
    expect(await verifyChain(tampered)).toEqual({ ok: false, brokenAt: { seq: 3, id: 'dev-a-e3', reason: 'prev-hash-mismatch' } });
  });

  it('catches a deleted entry: a gap in the sequence, or broken hashes if renumbered', async () => {
    const entries = await chain(5);
    const withoutMiddle = entries.filter((e) => e.seq !== 2);
    expect(await verifyChain(withoutMiddle)).toEqual({ ok: false, brokenAt: { seq: 3, id: 'dev-a-e3', reason: 'sequence-gap' } });
    const withoutFirst = entries.filter((e) => e.seq !== 0);
    expect(await verifyChain(withoutFirst)).toEqual({ ok: false, brokenAt: { seq: 1, id: 'dev-a-e1', reason: 'sequence-gap' } });
    const renumbered = withoutMiddle.map((e) => (e.seq > 2 ? { ...e, seq: e.seq - 1 } : e));
    expect(await verifyChain(renumbered)).toEqual({ ok: false, brokenAt: { seq: 2, id: 'dev-a-e3', reason: 'hash-mismatch' } });
    // Deleting the last entry cannot be seen from the chain alone: it is still a valid, shorter chain.
    expect(await verifyChain(entries.slice(0, 4))).toEqual({ ok: true, count: 4 });
  });

  it('catches reordered entries (swapped sequence numbers)', async () => {
    const entries = await chain(5);
    const swapped = entries.map((e) => (e.seq === 1 ? { ...e, seq: 2 } : e.seq === 2 ? { ...e, seq: 1 } : e));
    expect(await verifyChain(swapped)).toEqual({ ok: false, brokenAt: { seq: 1, id: 'dev-a-e2', reason: 'hash-mismatch' } });
  });

  it('catches a duplicated entry and an entry of another device', async () => {
    const entries = await chain(5);
    const duplicated = [...entries, entries[2] as AuditEntry];
    expect(await verifyChain(duplicated)).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'sequence-gap' } });
    const foreign = entries.map((e) => (e.seq === 3 ? { ...e, deviceId: 'dev-b' } : e));
    expect(await verifyChain(foreign)).toEqual({ ok: false, brokenAt: { seq: 3, id: 'dev-a-e3', reason: 'wrong-device' } });
    expect(await verifyChain(entries, 'dev-b')).toEqual({ ok: false, brokenAt: { seq: 0, id: 'dev-a-e0', reason: 'wrong-device' } });
  });
});

describe('verifyAll', () => {
  it('verifies each device’s chain on its own', async () => {
    const a = await chain(3, 'dev-a');
    const b = await chain(2, 'dev-b');
    const merged = [b[1], a[0], b[0], a[2], a[1]] as AuditEntry[];
    expect(await verifyAll(merged)).toEqual({
      ok: true,
      devices: [
        { deviceId: 'dev-a', result: { ok: true, count: 3 } },
        { deviceId: 'dev-b', result: { ok: true, count: 2 } },
      ],
    });
    const tampered = merged.map((e) => (e.id === 'dev-b-e1' ? { ...e, actor: 'x' } : e));
    const result = await verifyAll(tampered);
    expect(result.ok).toBe(false);
    expect(result.devices[0]?.result).toEqual({ ok: true, count: 3 });
    expect(result.devices[1]?.result).toEqual({ ok: false, brokenAt: { seq: 1, id: 'dev-b-e1', reason: 'hash-mismatch' } });
  });
});

describe('properties', () => {
  const entityTypes = AuditEntityTypeSchema.options;
  const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString());
  const entryInput = (deviceId: string) =>
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 20 }),
      actor: fc.string({ maxLength: 20 }),
      entityType: fc.constantFrom(...entityTypes),
      entityId: fc.string({ minLength: 1, maxLength: 20 }),
      action: fc.string({ minLength: 1, maxLength: 12 }),
      before: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: null }),
      after: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: null }),
      at: timestamp,
    }).map((r): AuditEntryInput => ({ ...r, deviceId }));
  const chainInputs = fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 8 })).chain(([deviceId, n]) => fc.array(entryInput(deviceId), { minLength: n, maxLength: n }));

  const FIELDS = ['id', 'deviceId', 'seq', 'at', 'actor', 'entityType', 'entityId', 'action', 'before', 'after', 'prevHash', 'hash'] as const;
  type Field = (typeof FIELDS)[number];

  /** A value that differs from the original after canonicalisation. */
  function mutate(entry: AuditEntry, field: Field, bump: number): AuditEntry {
    switch (field) {
      case 'seq':
        return { ...entry, seq: entry.seq + bump };
      case 'entityType':
        return { ...entry, entityType: entityTypes[(entityTypes.indexOf(entry.entityType) + bump) % entityTypes.length] ?? 'vote' };
      case 'before':
      case 'after':
        return { ...entry, [field]: { tampered: entry[field] } };
      default:
        return { ...entry, [field]: `${entry[field]}~${bump}` };
    }
  }

  it('any appended chain verifies', async () => {
    await fc.assert(
      fc.asyncProperty(chainInputs, async (inputs) => {
        const entries = await appendEntries(null, inputs);
        const result = await verifyChain(entries);
        expect(result).toEqual({ ok: true, count: inputs.length });
      }),
      { numRuns: 60 },
    );
  });

  it('any single-field change to any entry is detected', async () => {
    await fc.assert(
      fc.asyncProperty(chainInputs, fc.nat(), fc.constantFrom(...FIELDS), fc.integer({ min: 1, max: 7 }), async (inputs, pick, field, bump) => {
        const entries = await appendEntries(null, inputs);
        const index = pick % entries.length;
        const tampered = entries.map((e, i) => (i === index ? mutate(e, field, bump) : e));
        const result = await verifyChain(tampered);
        expect(result.ok).toBe(false);
        if (!result.ok && field !== 'seq') expect(result.brokenAt.seq).toBeGreaterThanOrEqual(index);
      }),
      { numRuns: 150 },
    );
  });
});

describe('appendEntrySync', () => {
  it('hashes exactly like the WebCrypto version, so either verifies the other', async () => {
    const { appendEntry, appendEntrySync, verifyChain } = await import('../../../shared/audit/hash-chain');
    const input = (i: number) => ({
      id: `e${i}`,
      deviceId: 'device-a',
      actor: 'Morgan Ellis',
      entityType: 'decision' as const,
      entityId: 'd1',
      action: 'update',
      at: `2026-11-0${i + 1}T10:00:00.000Z`,
      before: { outcome: 'defer', note: 'é ✓' },
      after: { outcome: 'promote' },
    });
    const a0 = await appendEntry(null, input(0));
    const s0 = appendEntrySync(null, input(0));
    expect(s0).toEqual(a0);
    const s1 = appendEntrySync(s0, input(1));
    expect(s1.hash).toBe((await appendEntry(a0, input(1))).hash);
    expect(await verifyChain([s0, s1])).toEqual({ ok: true, count: 2 });
  });
});
