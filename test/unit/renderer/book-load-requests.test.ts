/**
 * The decision book's read is shaped for its view (issue 13): the number of
 * IndexedDB requests it makes is the same for a small and a large session
 * (one indexed read per table, never a `get` or a cursor step per
 * candidate), and the rows it returns are the session's, as the session
 * hook reads them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSessionBookData, loadSessionData } from '../../../renderer/db/session-hooks';

/** Counts IndexedDB requests: every store/index read and every cursor step. */
function countRequests(): { count: () => number; restore: () => void } {
  let n = 0;
  const patched: Array<[object, string, unknown]> = [];
  const wrap = (proto: Record<string, unknown>, names: string[]) => {
    for (const name of names) {
      const original = proto[name] as (...args: unknown[]) => unknown;
      patched.push([proto, name, original]);
      proto[name] = function (this: unknown, ...args: unknown[]) {
        n++;
        return original.apply(this, args);
      };
    }
  };
  const reads = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
  wrap(globalThis.IDBObjectStore.prototype as unknown as Record<string, unknown>, reads);
  wrap(globalThis.IDBIndex.prototype as unknown as Record<string, unknown>, reads);
  wrap(globalThis.IDBCursor.prototype as unknown as Record<string, unknown>, ['continue', 'advance', 'continuePrimaryKey']);
  return {
    count: () => n,
    restore: () => {
      for (const [proto, name, original] of patched) (proto as Record<string, unknown>)[name] = original;
    },
  };
}

const dbs: LevelsetDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function bookRequests(candidates: number, which: 0 | 1) {
  const db = new LevelsetDatabase(`book-load-requests-${candidates}-${which}`);
  dbs.push(db);
  await db.open();
  const sample = generateSampleCycle(ic0M3Levels, { candidates });
  await commands.loadSampleCycle(db, sample);
  const session = sample.sessions[which]!;
  const counter = countRequests();
  try {
    const book = await loadSessionBookData(db, session.id);
    return { requests: counter.count(), book, db, session };
  } finally {
    counter.restore();
  }
}

describe('the decision book read', () => {
  it('makes as many IndexedDB requests for a 60-candidate live session as for a 6-candidate one', async () => {
    const small = await bookRequests(12, 1);
    const large = await bookRequests(90, 1);
    expect(large.session.candidateIds.length).toBeGreaterThan(small.session.candidateIds.length * 5);
    expect(large.book?.candidates).toHaveLength(large.session.candidateIds.length);
    expect(large.requests).toBe(small.requests);
  });

  it('makes as many requests for a finalized session whatever the cycle size', async () => {
    const small = await bookRequests(12, 0);
    const large = await bookRequests(90, 0);
    expect(large.requests).toBe(small.requests);
  });

  it.each([0, 1] as const)('reads the same rows as the session hook, plus the session candidates’ evidence (session %i)', async (which) => {
    const { book, db, session } = await bookRequests(40, which);
    const data = await loadSessionData(db, session.id);
    expect(book).toBeTruthy();
    const { evidence, trailHead, cycleCandidates, cyclePackets, ...rest } = book!;
    // Row order within a table is not part of the contract (views order by the session); compare sorted.
    const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const norm = (d: NonNullable<typeof data>) => ({ ...d, coverage: sorted(d.coverage), packets: sorted(d.packets), votes: sorted(d.votes), decisions: sorted(d.decisions) });
    // The hook alone carries connected mode's state (the book is not a live view) and the cycle's rows for the fairness view (the book has its own, below).
    const { connected: _connected, cycleRows: _cycleRows, ...hook } = data!;
    expect(norm(rest)).toEqual(norm(hook));
    const ids = new Set(session.candidateIds);
    const live = (await db.evidence.toArray()).filter((e) => ids.has(e.candidateId));
    if (which === 1) expect(evidence.map((e) => e.id).sort()).toEqual(live.map((e) => e.id).sort());
    else expect(evidence).toEqual(session.record!.evidence);
    expect(trailHead.count).toBeGreaterThan(0);
    // The nomination section's rows: every candidate and packet of the cycle, for a finalized named session only.
    expect(cycleCandidates?.length).toBe(which === 0 ? 40 : undefined);
    expect(cyclePackets?.length).toBe(which === 0 ? (await db.packets.count()) : undefined);
  });
});
