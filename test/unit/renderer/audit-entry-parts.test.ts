/**
 * A large change (an import, a sample cycle) is recorded in several
 * consecutive audit entries, its parts, so IndexedDB never copies one
 * ~20 MB entry in a single main-thread task (issue 12: that copy was the
 * last import task over 200 ms). The trail must still verify and replay to
 * the records, back up and restore, and a refused change must leave no part.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { ENTRY_PART_CHARS } from '../../../shared/audit/hash-chain';
import { canonicalJson } from '../../../shared/exchange/canonical-json';
import { openBackup } from '../../../shared/backup/backup-format';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { exportBackup } from '../../../renderer/db/backup';
import { verifyAudit } from '../../../renderer/db/audit';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { runCommand } from '../../../renderer/db/write/run-command';

let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`audit-entry-parts-${++n}`);
  await db.open();
});
afterEach(async () => db.delete());

// 150 candidates with 10 evidence items each: about 2.5 MB of rows in one change.
const sample = () => generateSampleCycle(ic0M3Levels, { candidates: 150, evidencePerCandidate: 10, exactEvidence: true });

describe('a large change in the audit trail', () => {
  it('is stored as consecutive parts, none much larger than the part budget, and the trail still verifies', async () => {
    const cycle = sample();
    await loadSampleCycle(db, cycle);
    const entries = await db.audit.orderBy('[deviceId+seq]').toArray();
    const parts = entries.filter((e) => e.part);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const count = parts[0]!.part!.count;
    expect(parts.map((e) => e.part)).toEqual(Array.from({ length: count }, (_, i) => ({ index: i + 1, count })));
    // One chain, consecutive: the parts follow each other with nothing between.
    expect(parts.map((e) => e.seq)).toEqual(parts.map((_, i) => parts[0]!.seq + i));
    const rowTexts = parts.flatMap((e) => e.changes!.rows.map((r) => canonicalJson(r).length));
    const largestRow = Math.max(...rowTexts);
    for (const e of parts) {
      const chars = e.changes!.rows.reduce((sum, r) => sum + canonicalJson(r).length, 0);
      expect(chars).toBeLessThanOrEqual(ENTRY_PART_CHARS + largestRow);
    }
    // Only the first part says what the change was and whether it reset the records.
    expect(parts.slice(1).every((e) => e.before === null && e.after === null && e.changes!.reset === false)).toBe(true);
    // Every row of the sample is in exactly one part.
    const written = parts.flatMap((e) => e.changes!.rows.map((r) => `${r.table}:${r.id}`));
    expect(new Set(written).size).toBe(written.length);
    expect(written.filter((k) => k.startsWith('evidence:')).length).toBe(cycle.evidence.length);
    const verified = await verifyAudit(db);
    expect(verified.chains.ok).toBe(true);
    expect(verified.replay).toMatchObject({ ok: true });
  });

  it('backs up and the backup opens with its parts', async () => {
    await loadSampleCycle(db, sample());
    const opened = await openBackup(await exportBackup(db, { createdAt: '2026-11-20T10:00:00.000Z', appVersion: 'test' }));
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.tables.audit.filter((e) => e.part).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves no part behind when the change is refused after its rows were written', async () => {
    const cycle = sample();
    const write = runCommand(db, { name: 'import everything' }, async (ctx) => {
      await ctx.put('frameworks', cycle.framework);
      await ctx.put('cycles', cycle.cycle);
      await ctx.bulkPut('candidates', cycle.candidates);
      await ctx.bulkPut('evidence', cycle.evidence);
      // An entity id the audit schema refuses: the parts are computed, then the whole change is refused.
      ctx.describe({ entityType: 'cycle', entityId: 'x'.repeat(900), action: 'import everything' });
    });
    await expect(write).rejects.toThrow('Nothing was saved.');
    expect(await db.audit.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
  });
});
