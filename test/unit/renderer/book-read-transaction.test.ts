/**
 * The print view's live read of the decision book (renderer/db/book-hooks.ts):
 * the rows are read in ONE read-only transaction outside the live query, so
 * Dexie's live-query cache does not deep-copy the cycle's rows before the
 * book is built (issue 13's profile of the print view at 1,000 candidates),
 * and a live query that reads no row watches their tables. The read the
 * print route starts before the view mounts (book-rows.ts) is taken instead
 * of reading again, unless a write came since. It returns what the loading
 * function returns, and answers again after a decision is saved.
 */
import Dexie, { liveQuery, type DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { SessionBookData } from '../../../renderer/db/session-hooks';
import { takeBookData } from '../../../renderer/db/book-hooks';
import { startBookReadIn, watchBookTables } from '../../../renderer/db/book-rows';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSessionBookData } from '../../../renderer/db/session-hooks';

const AT = '2026-11-01T09:00:00.000Z';
const dbs: LevelsetDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Transactions opened, by a Dexie core middleware installed before the database opens. */
async function seeded() {
  const db = new LevelsetDatabase('book-read-transaction');
  dbs.push(db);
  const transactions: string[][] = [];
  db.use({
    stack: 'dbcore',
    name: 'count-transactions',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction: (stores, mode, options) => {
        transactions.push([...stores]);
        return down.transaction(stores, mode, options);
      },
    }),
  });
  await db.open();
  const sample = generateSampleCycle(ic0M3Levels, { seed: 5, candidates: 24 });
  await c.loadSampleCycle(db, sample, AT);
  const session = sample.sessions.find((s) => !s.record && !s.blind)!;
  return { db, sample, session, transactions };
}

/** As the print view reads (useWatchedRead): each time the watch answers, the book is taken (or read). */
function watch(db: LevelsetDatabase, sessionId: string) {
  const answers: (SessionBookData | null)[] = [];
  let wake: (() => void) | null = null;
  const subscription = liveQuery(() => watchBookTables(db)).subscribe({
    next: () => {
      void takeBookData(db, sessionId).then((value) => {
        answers.push(value);
        wake?.();
      });
    },
  });
  const answer = async (n: number) => {
    while (answers.length < n) await new Promise<void>((resolve) => (wake = resolve));
    return answers[n - 1]!;
  };
  return { answer, stop: () => subscription.unsubscribe() };
}

const shape = (d: SessionBookData) => ({
  candidates: d.candidates.map((x) => x.id),
  packets: d.packets.map((x) => x.id).sort(),
  coverage: d.coverage.length,
  evidence: d.evidence.map((x) => x.id).sort(),
  decisions: d.decisions.map((x) => x.id).sort(),
  votes: d.votes.length,
  trailHead: d.trailHead,
});

describe('decision book live read', () => {
  it('reads in one read-only transaction and returns what the session loading function returns', async () => {
    const { db, session, transactions } = await seeded();
    transactions.length = 0;
    const live = watch(db, session.id);
    const book = await live.answer(1);
    live.stop();
    // The watch's transaction, and the read's.
    expect(transactions).toHaveLength(2);
    expect(transactions.filter((stores) => stores.includes('candidates'))).toHaveLength(2);
    const direct = await loadSessionBookData(db, session.id);
    expect(book && shape(book)).toEqual(direct && shape(direct));
    expect(book!.candidates.length).toBe(session.candidateIds.length);
  });

  it('answers again after a decision is saved', async () => {
    const { db, session } = await seeded();
    const live = watch(db, session.id);
    const first = (await live.answer(1))!;
    const candidateId = session.candidateIds.find((id) => !first.decisions.some((d) => d.candidateId === id))!;
    await c.saveDecision(db, { sessionId: session.id, candidateId, outcome: 'not-yet', newLevelId: null, rationale: 'Needs two more quarters at the level.', citedCriterionIds: [], nextSteps: ['Lead the design review of the next migration.'], dissent: '' }, AT);
    let n = 2;
    let latest = (await live.answer(n))!;
    while (!latest.decisions.some((d) => d.candidateId === candidateId)) latest = (await live.answer(++n))!;
    live.stop();
    expect(latest.decisions.find((d) => d.candidateId === candidateId)?.outcome).toBe('not-yet');
  });

  it('takes the read the print route started instead of reading again', async () => {
    const { db, session, transactions } = await seeded();
    const direct = await loadSessionBookData(db, session.id);
    transactions.length = 0;
    await startBookReadIn(db, session.id);
    const live = watch(db, session.id);
    const book = await live.answer(1);
    live.stop();
    // The route's read and the watch: the view read nothing more.
    expect(transactions).toHaveLength(2);
    expect(book && shape(book)).toEqual(direct && shape(direct));
  });

  it('reads again when a write came after the print route started its read', async () => {
    const { db, session } = await seeded();
    const before = (await loadSessionBookData(db, session.id))!;
    await startBookReadIn(db, session.id);
    const candidateId = session.candidateIds.find((id) => !before.decisions.some((d) => d.candidateId === id))!;
    await c.saveDecision(db, { sessionId: session.id, candidateId, outcome: 'not-yet', newLevelId: null, rationale: 'Needs two more quarters at the level.', citedCriterionIds: [], nextSteps: ['Lead the design review of the next migration.'], dissent: '' }, AT);
    const live = watch(db, session.id);
    const book = (await live.answer(1))!;
    live.stop();
    expect(book.decisions.find((d) => d.candidateId === candidateId)?.outcome).toBe('not-yet');
    expect(book.trailHead.count).toBe(before.trailHead.count + 1);
  });
});
