/**
 * A backup exported with a passphrase restores into another database with
 * that passphrase, row for row; with a wrong one it does not open, so the
 * database it would replace stays exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { exportBackup, openBackupFor, readBackupTables, restoreBackup } from '../../../renderer/db/backup';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';

const AT = '2026-11-21T08:00:00.000Z';
const PASSPHRASE = 'four unrelated words here';
let source: LevelsetDatabase;
let target: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  source = new LevelsetDatabase(`protected-src-${++n}`);
  target = new LevelsetDatabase(`protected-dst-${n}`);
  await Promise.all([source.open(), target.open()]);
  await loadSampleCycle(source, generateSampleCycle(ic0M3Levels, { seed: 1, candidates: 3 }), AT);
  await loadSampleCycle(target, generateSampleCycle(ic0M3Levels, { seed: 2, candidates: 2 }), AT);
});
afterEach(async () => {
  await Promise.all([source.delete(), target.delete()]);
});

describe('a backup exported with a passphrase', () => {
  it('restores with the passphrase; a wrong one leaves the database as it was', async () => {
    const text = await exportBackup(source, { createdAt: AT, appVersion: 'test', passphrase: PASSPHRASE });
    const before = await readBackupTables(target);

    const wrong = await openBackupFor(target, text, 'four unrelated words hero');
    expect(wrong.ok ? null : wrong.error.code).toBe('wrong-passphrase');
    const none = await openBackupFor(target, text);
    expect(none.ok ? null : none.error.code).toBe('needs-passphrase');
    expect(await readBackupTables(target)).toEqual(before);

    const opened = await openBackupFor(target, text, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.error.message);
    await restoreBackup(target, opened.tables, opened.summary.databaseVersion, AT);
    const restored = await readBackupTables(target);
    const original = await readBackupTables(source);
    expect(restored.candidates).toEqual(original.candidates);
    expect(restored.packets).toEqual(original.packets);
    expect(restored.evidence).toEqual(original.evidence);
  });
});
