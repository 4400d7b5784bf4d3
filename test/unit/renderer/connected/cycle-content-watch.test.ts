/**
 * The chair's app sends the committee copy again when the cycle's content
 * changes after members joined (a packet imported late, a candidate added):
 * before, the copy was sent only on connecting and after a session change,
 * so members never saw a later packet until then. The watch calls back on a
 * change to the cycle's candidates, evidence or packets, not on subscribing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../../shared/sample/sample-cycle';
import { connectedApp } from '../../../../renderer/db/connected-hooks';
import { db } from '../../../../renderer/db/database';
import { commands } from '../../../../renderer/db/commands';

afterEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('watchCycleContent', () => {
  it('calls back after a write to the cycle’s candidates or evidence, not on subscribing', async () => {
    await db.open();
    const mine = generateSampleCycle(ic0M3Levels, { seed: 3, candidates: 4 });
    await commands.loadSampleCycle(mine);
    const calls: number[] = [];
    const stop = connectedApp.watchCycleContent(mine.cycle.id, () => calls.push(Date.now()), 0);
    try {
      // Subscribing reads the range once and does not call back.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toHaveLength(0);
      // New evidence for one of this cycle's candidates: a call.
      const candidate = mine.candidates[0]!;
      const like = mine.evidence.find((e) => e.candidateId === candidate.id)!;
      await commands.addEvidence(candidate.id, { title: 'Led the incident review', description: 'Wrote the timeline and two follow-ups.', date: like.date, kind: like.kind, source: like.source, links: [], criterionIds: [] }, '2026-11-20T10:00:00.000Z');
      await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
    } finally {
      stop();
    }
  });
});
