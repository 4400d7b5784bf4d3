/**
 * A backup writes whatever the database holds: every row the record schemas
 * accept, and every audit entry the write path makes for them. An id of the
 * longest length the schemas allow (as an import may store) once made the
 * audit entry of "reveal pre-votes" (which names session:candidate) longer
 * than the audit schema allowed, so every later backup failed.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { AuditEntrySchema, IdSchema, RECORD_SCHEMAS } from '../../../shared/domain';
import { openBackup } from '../../../shared/backup/backup-format';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { exportBackup } from '../../../renderer/db/backup';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, revealPreVotes } from '../../../renderer/db/sessions';
import { runCommand } from '../../../renderer/db/write/run-command';

const AT = '2026-11-20T10:00:00.000Z';
let db: LevelsetDatabase;
let sample: SampleCycle;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`backup-long-ids-${++n}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
  await loadSampleCycle(db, sample);
});
afterEach(async () => db.delete());

/** Stores a candidate with the given id through the write path (as an import does). */
async function storeCandidate(id: string) {
  const row = { ...sample.candidates[0]!, id };
  expect(RECORD_SCHEMAS.candidates.safeParse(row).success).toBe(true);
  await runCommand(db, { name: 'import candidate', at: AT }, async (ctx) => {
    await ctx.put('candidates', row);
  });
}

describe('backups of what the database holds', () => {
  it('still back up after a candidate with the longest allowed id is revealed in a session', async () => {
    const longId = 'c'.repeat(200);
    await storeCandidate(longId);
    const session = await createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [longId], orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
    await revealPreVotes(db, session.id, longId, AT);
    const text = await exportBackup(db, { createdAt: AT, appVersion: 'test' });
    const opened = await openBackup(text);
    expect(opened.ok && opened.tables.candidates.some((c) => c.id === longId)).toBe(true);
  });

  it('accepts, in the audit schema, every reference the write path makes from ids the record schemas accept', () => {
    // The compound references the write path names in audit entries: session:candidate (reveal pre-votes).
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.constantFrom('s', 'é', '😀'), (a, b, char) => {
        const sessionId = char.repeat(a);
        const candidateId = 'c'.repeat(b);
        fc.pre(IdSchema.safeParse(sessionId).success && IdSchema.safeParse(candidateId).success);
        const entry = { id: 'a', deviceId: 'd', seq: 0, at: AT, actor: 'x', entityType: 'session', entityId: `${sessionId}:${candidateId}`, action: 'reveal pre-votes', before: null, after: null, prevHash: '', hash: 'h' };
        expect(AuditEntrySchema.safeParse(entry).success).toBe(true);
      }),
    );
  });
});
