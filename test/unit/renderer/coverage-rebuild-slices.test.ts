/**
 * Rebuilding coverage for a whole cycle (an import of 1,000 candidates is
 * 40,000 criterion rows, stored as 1,000 rows of one candidate each)
 * computes and writes it a few candidates at a time: the rows
 * of the first candidates are already being written while later ones are
 * not yet computed, so no one main-thread task computes them all (issue 13).
 * The result is the same rows as computing each candidate on its own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { withCriteriaPerLevel } from '../../../shared/sample/wide-framework';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { refreshCoverage } from '../../../renderer/db/write/coverage';
import { storedRows } from '../../fixtures/db/coverage-rows';

// Counted where the write path computes one candidate's rows (packetCoverageRows, which the write path calls).
const calls = vi.hoisted(() => ({ computed: 0 }));
vi.mock('../../../shared/packets/coverage', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/packets/coverage')>();
  return { ...real, packetCoverageRows: (...args: Parameters<typeof real.packetCoverageRows>) => (calls.computed++, real.packetCoverageRows(...args)) };
});

const AT = '2026-11-20T12:00:00.000Z';
let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`coverage-slices-${++n}`);
});
afterEach(() => db.delete());

describe('whole-cycle coverage rebuild', () => {
  it('writes the first rows before the last candidates are computed, and ends with the per-candidate rows', async () => {
    // Candidates computed so far, at each coverage write.
    const atWrite: number[] = [];
    const counter: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'coverage-write-counter',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'coverage' ? table : { ...table, mutate: (req) => (req.type === 'put' && atWrite.push(calls.computed), table.mutate(req)) };
        },
      }),
    };
    db.use(counter);
    await db.open();
    // 40 criteria per level, as the public frameworks have: 2,800 criterion rows, more than one slice.
    const sample = generateSampleCycle(withCriteriaPerLevel(ic0M3Levels, 40), { candidates: 70, seed: 11 });
    calls.computed = 0;
    await loadSampleCycle(db, sample, AT);
    const computed = calls.computed;
    const rows = await storedRows(db);
    expect(rows.length).toBeGreaterThan(2000); // more than one slice of 2,000 criterion rows
    expect(computed).toBeGreaterThan(60); // one per candidate with a packet
    expect(atWrite.length).toBeGreaterThanOrEqual(2);
    // The first write happened once a slice was full, before every candidate was computed.
    expect(atWrite[0]!).toBeLessThan(computed);

    // The same rows as rebuilding each candidate on its own.
    const byId = new Map(rows.map((r) => [r.id, r]));
    await db.transaction('rw', db.tables, async () => {
      await db.coverage.clear();
      for (const c of sample.candidates) await refreshCoverage(db, c.id);
    });
    const single = await storedRows(db);
    expect(single.length).toBe(rows.length);
    for (const r of single) expect(byId.get(r.id)).toEqual(r);
  });
});
