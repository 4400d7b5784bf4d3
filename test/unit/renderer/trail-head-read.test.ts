/**
 * The trail's head (the decision book's cover, bundles and backups) is read
 * from the `[at+deviceId+seq+hash]` index: a count and one key, no entry
 * (issue 13: the newest entry is often an import's, which copies every row
 * it wrote, and reading it to print its hash was most of the book's read
 * time). It is the head the whole trail gives, ties at the same time broken
 * as the trail orders them.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { trailHead } from '../../../shared/audit/replay';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { currentTrailHead } from '../../../renderer/db/audit';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';

const dbs: LevelsetDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Audit reads that hand over entries (get, getAll, a value cursor), as opposed to counts and keys. */
function countEntryReads(): { reads: () => number; stop: () => void } {
  let n = 0;
  const undo: Array<() => void> = [];
  const isAudit = (self: IDBObjectStore | IDBIndex) => ('objectStore' in self ? self.objectStore.name : self.name) === 'audit';
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, (...a: unknown[]) => unknown>[]) {
    for (const name of ['get', 'getAll', 'openCursor']) {
      const original = proto[name]!;
      proto[name] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        if (isAudit(this)) n++;
        return original.apply(this, args);
      };
      undo.push(() => (proto[name] = original));
    }
  }
  return { reads: () => n, stop: () => undo.forEach((u) => u()) };
}

describe('the trail head', () => {
  it('is the head of the whole trail, read without reading an entry', async () => {
    const db = new LevelsetDatabase('trail-head-read');
    dbs.push(db);
    await db.open();
    expect(await currentTrailHead(db)).toEqual(trailHead([]));
    const sample = generateSampleCycle(ic0M3Levels, { seed: 3, candidates: 12 });
    // The newest entry is the sample load's, which copies every row it wrote.
    await c.loadSampleCycle(db, sample, '2026-11-01T09:00:00.000Z');
    const counter = countEntryReads();
    const afterLoad = await currentTrailHead(db);
    counter.stop();
    expect(counter.reads()).toBe(0);
    expect(afterLoad).toEqual(trailHead(await db.audit.toArray()));
    expect(afterLoad.count).toBeGreaterThan(0);

    // Three entries at one time: the head is the last of them in trail order (by sequence), not the first stored.
    const same = '2026-11-02T09:00:00.000Z';
    const session = sample.sessions.find((s) => s.status === 'planned')!;
    for (const candidateId of session.candidateIds.slice(0, 3)) {
      await c.saveDecision(db, { sessionId: session.id, candidateId, outcome: 'defer', newLevelId: null, rationale: 'Waiting for the next review.', citedCriterionIds: [], nextSteps: ['Lead the next design review.'], dissent: '' }, same);
    }
    const head = await currentTrailHead(db);
    const all = await db.audit.toArray();
    expect(all.filter((e) => e.at === same)).toHaveLength(3);
    expect(head).toEqual(trailHead(all));
    expect(head.at).toBe(same);
  });
});
