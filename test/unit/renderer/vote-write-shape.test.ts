/**
 * What saving a vote or a decision reads (issue 13: confirmation within
 * 100 ms of the click at 1,000 candidates). The audit entry is linked to the
 * device's last entry through index keys only: the entries themselves are
 * never read back, because the last one after an import or a sample cycle
 * carries every row it wrote (some 20 MB at 1,000 candidates; reading it
 * twice was most of a first vote's 570 ms). And a vote or a decision
 * touches no candidate, so the write path rebuilds no coverage or list
 * figure. Counted in IndexedDB requests by method and store
 * (test/fixtures/db/idb-requests.ts); the chain the keys produce is checked entry by entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import type { AuditEntry } from '../../../shared/domain';
import { verifyAudit } from '../../../renderer/db/audit';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { countReads } from '../../fixtures/db/idb-requests';

const AT = '2026-11-20T10:00:00.000Z';
const members = [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' as const }];
let db: LevelsetDatabase;
let sample: SampleCycle;
let n = 0;
let requestsSeen = new Map<string, number>();

beforeEach(async () => {
  db = new LevelsetDatabase(`vote-write-shape-${++n}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 8 });
  await commands.loadSampleCycle(db, sample);
});
afterEach(async () => db.delete());

/** Requests made while `write` runs, keyed `method store` (or `method store` of an index's store). */
async function requestsOf(write: () => Promise<unknown>): Promise<Map<string, number>> {
  const stop = countReads({ byMethod: true });
  try {
    await write();
  } finally {
    // Always restore the prototypes, even when the write throws.
    const counts = stop();
    if (counts) requestsSeen = counts;
  }
  return requestsSeen;
}

/** Requests that read a row's value (not just keys or a count) from `store`. */
function valueReads(counts: Map<string, number>, store: string): string[] {
  return [...counts.keys()].filter((k) => k.endsWith(` ${store}`) && /^(get|getAll|openCursor) /.test(k));
}

/** Every entry of the trail in chain order: the links the keys gave checked against the entries themselves. */
async function chain(): Promise<AuditEntry[]> {
  return (await db.audit.toArray()).sort((a, b) => a.seq - b.seq);
}

describe('saving a vote or a decision', () => {
  it('reads no audit entry (the last one carries many rows), rebuilds no derived row, and still links the chain', async () => {
    const session = await commands.createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
    // The last entry is a large one again: many evidence items in one command.
    const date = sample.evidence[0]!.date;
    const items = Array.from({ length: 30 }, (_, i) => ({ title: `Led the migration, part ${i + 1}`, description: 'Planned it, ran it and wrote it up. '.repeat(20), date, kind: 'design' as const, source: 'manager' as const, links: [], criterionIds: [] }));
    await commands.addEvidenceBatch(db, sample.candidates[7]!.id, items, AT);
    const before = await chain();
    expect(before.at(-1)?.changes?.rows.length).toBeGreaterThanOrEqual(30);
    const [first, second] = session.candidateIds;

    const vote = await requestsOf(() => commands.recordVote(db, { sessionId: session.id, candidateId: first!, memberId: 'm1', phase: 'pre', outcome: 'promote' }, AT));
    const criterion = sample.framework.criteria.find((k) => k.levelId === sample.candidates.find((c) => c.id === second)!.targetLevelId)!.id;
    const decision = await requestsOf(() =>
      commands.saveDecision(db, { sessionId: session.id, candidateId: second!, outcome: 'not-yet', newLevelId: null, rationale: 'Not yet.', citedCriterionIds: [criterion], nextSteps: ['Lead a design review.'], dissent: '' }, AT),
    );

    for (const [counts, figures] of [
      // A vote and a decision record the packet revision they were made on: one stored figure read each (the
      // candidate's current packet, submitted here).
      [vote, ['get candidateStats']],
      [decision, ['get candidateStats']],
    ] as const) {
      expect(valueReads(counts, 'audit')).toEqual([]);
      // A vote or a decision changes no candidate's coverage or list figures: none is rebuilt (nor read, but that one figure).
      for (const store of ['coverage', 'evidence', 'packets']) expect([...counts.keys()].filter((k) => k.endsWith(` ${store}`)), store).toEqual([]);
      expect([...counts.keys()].filter((k) => k.endsWith(' candidateStats'))).toEqual(figures);
      expect(counts.get('get candidateStats') ?? 0).toBe(figures.length);
    }

    // The two new entries link to the entries before them, as the entries themselves say.
    const after = await chain();
    expect(after).toHaveLength(before.length + 2);
    for (let i = before.length; i < after.length; i++) {
      expect(after[i]!.seq).toBe(after[i - 1]!.seq + 1);
      expect(after[i]!.prevHash).toBe(after[i - 1]!.hash);
      expect(after[i]!.at >= after[i - 1]!.at).toBe(true);
    }
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
