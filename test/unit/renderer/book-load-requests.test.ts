/**
 * The decision book's read is shaped for its view (issue 13): the number of
 * IndexedDB requests it makes is the same for a small and a large session
 * (one indexed read per table, never a `get` or a cursor step per
 * candidate), and it reads only what the book prints, which is what a book
 * built from every row prints.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { runCommand } from '../../../renderer/db/write/run-command';
import { loadSessionBookData, loadSessionData } from '../../../renderer/db/session-hooks';
import { candidateProblems } from '../../../renderer/db/candidates';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import type { Candidate } from '../../../shared/domain';
import { countRequests as countStoreRequests } from '../../fixtures/db/idb-requests';

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

  it('reads the frozen record of a finalized session, and the cycle’s candidates and packets for its nomination section', async () => {
    const { book, db, session } = await bookRequests(40, 0);
    expect(book!.evidence).toEqual(session.record!.evidence);
    expect(book!.coverage).toEqual(session.record!.coverage);
    expect(book!.trailHead.count).toBeGreaterThan(0);
    expect(book!.cycleCandidates?.length).toBe(40);
    expect(book!.cyclePackets?.length).toBe(await db.packets.count());
  });
});

/**
 * A live session's book reads what it prints (issue 13's profile of the print
 * view: the cycle's coverage, packets and evidence were most of its time to
 * ready): each table it needs once, by cycle or by session; no coverage or
 * packet row; evidence only of the candidates whose decisions cite criteria.
 * The pages it prints are the pages built from every row, as the session's
 * screens read them.
 */
describe('a live session’s book', () => {
  const AT = '2026-11-05T09:00:00.000Z';
  const names = (candidates: Candidate[]): BlindNames => {
    const byId = new Map(candidates.map((c) => [c.id, c.name]));
    return { salt: '', candidate: (id) => byId.get(id) ?? id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };
  };

  async function decided(citing: number) {
    const db = new LevelsetDatabase(`book-live-reads-${citing}`);
    dbs.push(db);
    await db.open();
    const sample = generateSampleCycle(ic0M3Levels, { seed: 11, candidates: 40 });
    await commands.loadSampleCycle(db, sample, AT);
    const session = sample.sessions[1]!;
    const framework = sample.framework;
    for (const id of session.candidateIds.slice(0, citing)) {
      const candidate = (await db.candidates.get(id))!;
      const cited = framework.criteria.filter((c) => c.levelId === candidate.targetLevelId).slice(0, 2).map((c) => c.id);
      await commands.saveDecision(db, { sessionId: session.id, candidateId: id, outcome: 'not-yet', newLevelId: null, rationale: 'Needs two more quarters at the level.', citedCriterionIds: cited, nextSteps: ['Lead the design review of the next migration.'], dissent: '' }, AT);
    }
    return { db, sample, session };
  }

  /** The book as built from every row the session's screens read, plus all of its candidates' evidence. */
  async function fromEveryRow(db: LevelsetDatabase, sessionId: string, printedAt: string) {
    const data = (await loadSessionData(db, sessionId))!;
    const ids = new Set(data.session.candidateIds);
    const evidence = (await db.evidence.toArray()).filter((e) => ids.has(e.candidateId));
    return buildDecisionBook({ ...data, evidence, names: names(data.candidates), printedAt });
  }

  it('reads each table it needs once and no coverage row; evidence, and the reviewed packet for its ratings, once per candidate citing criteria', async () => {
    const { db, session } = await decided(2);
    const counter = countStoreRequests();
    const book = await loadSessionBookData(db, session.id);
    counter.stop();
    expect(book?.candidates).toHaveLength(session.candidateIds.length);
    const reads = Object.fromEntries(['sessions', 'cycles', 'frameworks', 'candidates', 'candidateStats', 'votes', 'decisions', 'coverage', 'packets', 'evidence'].map((t) => [t, counter.reads(t)]));
    expect(reads).toEqual({ sessions: 1, cycles: 1, frameworks: 1, candidates: 1, candidateStats: 1, votes: 1, decisions: 1, coverage: 0, packets: 2, evidence: 2 });
  });

  it('reads the cycle’s evidence once when many candidates’ decisions cite criteria', async () => {
    const { db, session } = await decided(8);
    const counter = countStoreRequests();
    await loadSessionBookData(db, session.id);
    counter.stop();
    // The 8 reviewed packets by id, for the ratings beside their cited criteria (a cycle's packets, snapshots and all, are not read).
    expect({ evidence: counter.reads('evidence'), coverage: counter.reads('coverage'), packets: counter.reads('packets') }).toEqual({ evidence: 1, coverage: 0, packets: 8 });
  });

  it.each([2, 8])('prints the same pages as a book built from every row (%i decisions citing criteria)', async (citing) => {
    const { db, sample, session } = await decided(citing);
    // A candidate whose target level changed after their packet was submitted: the stored readiness is about the
    // packet's level, so it must not count for the new target (readinessFromRows over the rows gives 0 of the new level's criteria).
    const moved = sample.candidates.find((c) => session.candidateIds.includes(c.id) && sample.packets.some((p) => p.candidateId === c.id && p.status === 'submitted'))!;
    const stats = (await db.candidateStats.get(moved.id))!;
    expect(stats.readiness?.ready).toBeGreaterThan(0);
    const input = { name: moved.name, role: moved.role, team: moved.team, manager: moved.manager, currentLevelId: moved.currentLevelId, timeInLevelMonths: moved.timeInLevelMonths, groups: moved.groups };
    const other = sample.framework.levels.find((l) => l.id !== moved.targetLevelId && !candidateProblems({ ...input, targetLevelId: l.id }, sample.framework).targetLevelId)!;
    // The app no longer saves a new target over a submitted packet (reopen first), but a bundle or backup from an
    // earlier version may carry one: written through the write path, as an import writes it (derived rows follow).
    await runCommand(db, { name: 'import (earlier version)', at: AT }, async (ctx) => {
      await ctx.put('candidates', { ...moved, targetLevelId: other.id, updatedAt: AT });
    });

    const printedAt = '2026-11-06T09:00:00.000Z';
    const data = (await loadSessionBookData(db, session.id))!;
    const book = buildDecisionBook({ ...data, names: names(data.candidates), printedAt });
    const expected = await fromEveryRow(db, session.id, printedAt);
    const { trailHead: _head, ...pages } = book;
    const { trailHead: _expectedHead, ...expectedPages } = expected;
    expect(pages).toEqual(expectedPages);
    expect(book.pages.find((p) => p.candidateId === moved.id)!.readiness.ready).toBe(0);
    expect(book.pages.some((p) => p.readiness.ready > 0)).toBe(true);
    expect(book.pages.filter((p) => p.cited.some((c) => c.evidence.length > 0)).length).toBeGreaterThan(0);
    // With their ratings, the same as the session's coverage rows give (the moved candidate's cited criteria are of
    // a level no longer their target: not rated).
    const citingPages = book.pages.filter((p) => p.cited.length > 0 && p.candidateId !== moved.id);
    expect(citingPages.length).toBeGreaterThan(0);
    for (const page of citingPages) for (const c of page.cited) expect(['Consistently', 'Partially', 'Not yet', 'not rated']).toContain(c.rating);
  });
});
