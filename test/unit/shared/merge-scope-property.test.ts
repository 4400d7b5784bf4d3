/**
 * Property: for any database holding two cycles and any bundle of the first
 * (rows reusing ids of either cycle, any packet status, revision, parent and
 * time, 2030 included), applying the merge plan never changes a row of the
 * other cycle, never rewrites a submitted or superseded packet (only a later
 * revision building on a submission marks it superseded, content untouched),
 * and writes no time
 * beyond the clock-skew tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate, Evidence, Packet } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { BundleContent } from '../../../shared/exchange/bundle-format';
import { CLOCK_SKEW_TOLERANCE_MS } from '../../../shared/exchange/import-scope';
import { applyPlanRows, existingFromRows, planMerge } from '../../../shared/exchange/merge-plan';

const NOW = '2026-11-10T12:00:00.000Z';
const TIMES = ['2026-10-01T09:00:00.000Z', '2026-11-05T00:00:00.000Z', '2026-11-10T12:05:00.000Z', '2026-11-10T12:30:00.000Z', '2030-01-01T00:00:00.000Z'];
const ours = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const other = generateSampleCycle(ic0M3Levels, { candidates: 2, seed: 7 });

const STATUS = fc.constantFrom('draft', 'submitted', 'superseded-sent', 'superseded') as fc.Arbitrary<'draft' | 'submitted' | 'superseded-sent' | 'superseded'>;
function withStatus(p: Packet, s: 'draft' | 'submitted' | 'superseded-sent' | 'superseded'): Packet {
  if (s === 'draft') return { ...p, status: 'draft', submittedAt: null };
  if (s === 'submitted') return { ...p, status: 'submitted', submittedAt: TIMES[0]! };
  return { ...p, status: 'superseded', submittedAt: s === 'superseded-sent' ? TIMES[0]! : null };
}

const packetIds = [...ours.packets, ...other.packets].map((p) => p.id);
const storedPackets = fc.tuple(...[...ours.packets, ...other.packets].map((p) => fc.record({ s: STATUS, t: fc.constantFrom(...TIMES) }).map(({ s, t }) => withStatus({ ...p, updatedAt: t }, s))));

const incomingPacket = fc.record({
  id: fc.oneof(fc.constantFrom(...packetIds), fc.constantFrom('new-a', 'new-b')),
  cand: fc.nat(2),
  s: STATUS,
  revision: fc.integer({ min: 1, max: 3 }),
  parent: fc.option(fc.constantFrom(...packetIds, 'new-a'), { nil: null }),
  summary: fc.constantFrom('', 'Edited elsewhere', 'Rewritten'),
  t: fc.constantFrom(...TIMES),
});
const incomingRow = fc.record({ from: fc.constantFrom('ours', 'other', 'fresh'), i: fc.nat(20), cand: fc.nat(2), t: fc.constantFrom(...TIMES), text: fc.constantFrom('A', 'B') });

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

const bundleArb = fc.record({ cands: fc.array(incomingRow, { minLength: 1, maxLength: 4 }), ev: fc.array(incomingRow, { maxLength: 6 }), packets: fc.array(incomingPacket, { maxLength: 5 }) }).map(({ cands, ev, packets }): BundleContent => {
  const pickId = (from: string, i: number, oursIds: string[], otherIds: string[], prefix: string) =>
    from === 'ours' ? oursIds[i % oursIds.length]! : from === 'other' ? otherIds[i % otherIds.length]! : `${prefix}-${i}`;
  const candidates: Candidate[] = uniqueById(
    cands.map((r) => ({ ...ours.candidates[r.i % 3]!, id: pickId(r.from, r.i, ours.candidates.map((c) => c.id), other.candidates.map((c) => c.id), 'cand'), team: r.text, updatedAt: r.t, cycleId: ours.cycle.id })),
  );
  const candOf = (k: number) => candidates[k % candidates.length]!.id;
  const evidence: Evidence[] = uniqueById(
    ev.map((r) => ({ ...ours.evidence[r.i % ours.evidence.length]!, id: pickId(r.from, r.i, ours.evidence.map((e) => e.id), other.evidence.map((e) => e.id), 'ev'), candidateId: candOf(r.cand), title: r.text, updatedAt: r.t, cycleId: ours.cycle.id })),
  );
  const incoming: Packet[] = uniqueById(
    packets.map((r) => withStatus({ ...ours.packets[0]!, id: r.id, candidateId: candOf(r.cand), cycleId: ours.cycle.id, revision: r.revision, parentId: r.parent === r.id ? null : r.parent, summary: r.summary, updatedAt: r.t }, r.s)),
  );
  return { cycle: ours.cycle, frameworks: [ours.framework], candidates, evidence, packets: incoming };
});

/** Everything but the fields a merge may move on a frozen packet. */
function frozenPart(p: Packet): Omit<Packet, 'status' | 'updatedAt'> {
  const { status: _s, updatedAt: _u, ...rest } = p;
  return rest;
}

describe('an import never touches what it should not', () => {
  it('leaves the other cycle and every submitted or superseded packet as they were, and writes no future time', () => {
    fc.assert(
      fc.property(storedPackets, bundleArb, (packets, bundle) => {
        const rows = { frameworks: [ours.framework], cycles: [ours.cycle, other.cycle], candidates: [...ours.candidates, ...other.candidates], evidence: [...ours.evidence, ...other.evidence], packets };
        const plan = planMerge(bundle, existingFromRows(rows), { now: NOW });
        if (plan.refusals.length > 0) {
          expect(() => applyPlanRows(plan)).toThrow();
          return;
        }
        const written = applyPlanRows(plan);
        const limit = Date.parse(NOW) + CLOCK_SKEW_TOLERANCE_MS;
        for (const table of ['cycles', 'candidates', 'evidence', 'packets'] as const) {
          for (const row of written[table]) {
            // Nothing of the other cycle is written, and nothing dated past the tolerance.
            expect('cycleId' in row ? row.cycleId : row.id).toBe(ours.cycle.id);
            expect(Date.parse(row.updatedAt)).toBeLessThanOrEqual(limit);
          }
        }
        const before = new Map(packets.map((p) => [p.id, p]));
        for (const row of written.packets) {
          const was = before.get(row.id);
          if (!was || was.status === 'draft') continue;
          // Only a later revision that builds on a submission supersedes it; nothing else changes.
          expect(frozenPart(row)).toEqual(frozenPart(was));
          expect([was.status, row.status]).toEqual(['submitted', 'superseded']);
          expect(written.packets.some((p) => p.parentId === was.id && p.cycleId === ours.cycle.id) || packets.some((p) => p.parentId === was.id)).toBe(true);
        }
      }),
      { numRuns: 400, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}) },
    );
  });
});
