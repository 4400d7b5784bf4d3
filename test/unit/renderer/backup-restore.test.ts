import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { BACKUP_TABLE_NAMES, openBackup, type BackupTables } from '../../../shared/backup/backup-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { describeRestoreTrail, exportBackup, openBackupFor, previewRestore, readBackupTables, restoreBackup } from '../../../renderer/db/backup';
import { DEVICE_ID_KEY, verifyAudit } from '../../../renderer/db/audit';
import { runCommand } from '../../../renderer/db/write/run-command';
import { canUndo, undoKey } from '../../../renderer/db/framework-edits';
import { sortTrail, trailHead } from '../../../shared/audit/replay';
import type { AuditEntry } from '../../../shared/domain';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { ensureBuiltInFrameworks, loadSampleCycle } from '../../../renderer/db/repositories';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { describeStorageError } from '../../../renderer/db/storage-errors';
import { calibrationRows } from '../../fixtures/db/calibration-rows';

const AT = '2026-11-21T08:00:00.000Z';
const OPTIONS = { createdAt: AT, appVersion: 'test' };
let source: LevelsetDatabase;
let target: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  source = new LevelsetDatabase(`backup-src-${++n}`);
  target = new LevelsetDatabase(`backup-dst-${n}`);
  await Promise.all([source.open(), target.open()]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([source.delete(), target.delete()]);
});

/** A sample cycle plus sessions, votes, decisions and meta rows, written through the command layer so the trail records them. */
async function fill(db: LevelsetDatabase, seed: number, candidates: number) {
  const sample = generateSampleCycle(ic0M3Levels, { seed, candidates });
  await loadSampleCycle(db, sample, AT);
  const cal = await calibrationRows(sample);
  await runCommand(db, { name: 'fixture: calibration rows', at: AT }, async (ctx) => {
    await ctx.bulkPut('sessions', cal.sessions);
    await ctx.bulkPut('votes', cal.votes);
    await ctx.bulkPut('decisions', cal.decisions);
    for (const row of cal.meta) if (row.key !== DEVICE_ID_KEY) await ctx.putMeta(row.key, row.value);
  });
  return sample;
}

/** The rows of a backup file, edited, with the checksum recomputed (what someone editing a backup by hand would do). */
async function edited(text: string, edit: (tables: Record<string, Array<Record<string, unknown>>>) => void, fixHead = true): Promise<string> {
  const file = JSON.parse(text) as { tables: Record<string, Array<Record<string, unknown>>>; checksum: { value: string }; trailHead?: unknown };
  edit(file.tables);
  file.checksum.value = await sha256Hex(canonicalJson(file.tables));
  if (fixHead) file.trailHead = trailHead(file.tables.audit as unknown as AuditEntry[]);
  return JSON.stringify(file);
}

/** Every row of every table, coverage included, in primary-key order. */
async function snapshot(db: LevelsetDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const name of [...BACKUP_TABLE_NAMES, 'coverage'] as const) out[name] = await db[name].toArray();
  return out;
}

async function opened(db: LevelsetDatabase, text: string): Promise<BackupTables> {
  const result = await openBackupFor(db, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.tables;
}

describe('backup and restore between two databases', () => {
  it('restores every table identically and rebuilds coverage', async () => {
    await fill(source, 2026, 10);
    const text = await exportBackup(source, OPTIONS);
    const tables = await opened(target, text);

    expect(await previewRestore(target, tables)).toEqual(
      BACKUP_TABLE_NAMES.map((table) => ({ table, now: 0, backup: tables[table].length })),
    );
    const counts = await restoreBackup(target, tables, target.verno, AT);
    // Every table comes back, except the source machine's audit device id: the target keeps its own.
    const withoutDevice = (rows: Array<{ key: string }>) => rows.filter((r) => r.key !== DEVICE_ID_KEY);
    expect(counts).toEqual(Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, name === 'meta' ? withoutDevice(tables.meta).length : tables[name].length])));

    const before = await snapshot(source);
    const after = await snapshot(target);
    for (const name of Object.keys(before)) {
      if (name === 'meta') expect(withoutDevice(after.meta as Array<{ key: string }>)).toEqual(withoutDevice(before.meta as Array<{ key: string }>));
      else if (name !== 'audit') expect(after[name], name).toEqual(before[name]);
    }
    // The trail is the backup's, plus one entry on this machine's own chain recording the restore.
    const restoredTrail = after.audit as AuditEntry[];
    expect(restoredTrail.filter((e) => e.action !== 'restore backup')).toEqual(before.audit);
    const restoreEntry = restoredTrail.find((e) => e.action === 'restore backup');
    expect(restoreEntry?.deviceId).toBe((await target.meta.get(DEVICE_ID_KEY))?.value);
    expect(restoreEntry?.deviceId).not.toBe((await source.meta.get(DEVICE_ID_KEY))?.value);
    expect(after.coverage?.length).toBeGreaterThan(0);
    expect((await verifyAudit(target)).ok).toBe(true);

    // Restored on the machine that made it, the records are the same and the trail grows by the restore alone.
    await restoreBackup(source, tables, source.verno, AT);
    const again = await readBackupTables(source);
    for (const name of BACKUP_TABLE_NAMES) if (name !== 'audit') expect(again[name], name).toEqual(tables[name]);
    expect(again.audit.length).toBe(tables.audit.length + 1);
    expect((await verifyAudit(source)).ok).toBe(true);
  });

  it('refuses a backup whose decision was edited by hand, naming the decision, and restores nothing', async () => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const text = await exportBackup(source, OPTIONS);
    const forged = await edited(text, (t) => {
      const decision = t.decisions![0]!;
      decision.outcome = decision.outcome === 'promote' ? 'not-yet' : 'promote';
    });
    const tables = await opened(target, forged);
    const before = await snapshot(target);
    const error = await restoreBackup(target, tables).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not restored: its records do not match its own audit trail/);
    // By the candidate and session a person knows it by, then its id (an HR trial was given the id alone).
    const forgedDecision = tables.decisions[0]!;
    const who = tables.candidates.find((c) => c.id === forgedDecision.candidateId)!.name;
    const where = tables.sessions.find((x) => x.id === forgedDecision.sessionId)!.name;
    expect((error as Error).message).toContain(`decision on ${who} in “${where}” (id "${forgedDecision.id}") differs`);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses, even handed the tables directly, a vote for a candidate that does not exist, and restores nothing', async () => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    const forged: BackupTables = { ...tables, votes: tables.votes.map((v, i) => (i === 0 ? { ...v, candidateId: 'nobody' } : v)) };
    const before = await snapshot(target);
    const error = await restoreBackup(target, forged).then(() => null, (e: unknown) => e);
    // Long ids are shortened in the sentence, so it names the vote by the start of its id.
    expect((error as Error).message).toBe(`The backup's data is not valid: Vote "${forged.votes[0]!.id.slice(0, 39)}…" names candidate "nobody", which does not exist.`);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses, even handed the tables directly, an audit chain with an entry rewritten, and restores nothing', async () => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    const forged: BackupTables = { ...tables, audit: tables.audit.map((e) => (e.seq === 1 ? { ...e, actor: 'someone else' } : e)) };
    const before = await snapshot(target);
    const error = await restoreBackup(target, forged).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toMatch(/^The backup's audit trail is broken at entry 1 of device .* \(an entry was changed\)/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a backup whose trail lost its last entries, with or without its recorded head fixed', async () => {
    await fill(source, 2026, 5);
    const text = await exportBackup(source, OPTIONS);
    const cut = (t: Record<string, Array<Record<string, unknown>>>) => {
      const audit = t.audit as unknown as AuditEntry[];
      const last = sortTrail(audit).at(-1)!;
      t.audit = audit.filter((e) => e.id !== last.id) as unknown as Array<Record<string, unknown>>;
    };
    const headKept = await openBackupFor(target, await edited(text, cut, false));
    expect(headKept.ok).toBe(false);
    if (!headKept.ok) expect(headKept.error.message).toMatch(/does not end where the backup says/);
    const tables = await opened(target, await edited(text, cut, true));
    await expect(restoreBackup(target, tables)).rejects.toThrow(/no audit entry records it|differs from what the trail records/);
    expect(await target.candidates.count()).toBe(0);
  });

  it('replaces whatever the database held, and the preview says so', async () => {
    await fill(source, 2026, 6);
    await fill(target, 7, 5);
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    const preview = await previewRestore(target, tables);
    expect(preview.find((p) => p.table === 'candidates')).toEqual({ table: 'candidates', now: 5, backup: 6 });

    await restoreBackup(target, tables);
    const [mine, theirs] = [await snapshot(target), await snapshot(source)];
    for (const name of Object.keys(theirs)) if (name !== 'audit' && name !== 'meta') expect(mine[name], name).toEqual(theirs[name]);
    expect(await target.candidates.where('id').startsWith('sample-7-').count()).toBe(0);
  });

  it('drops the framework editor’s undo history, the backup’s and this machine’s, so Undo cannot bring back a document from before the restore', async () => {
    await fill(source, 2026, 6);
    const framework = (await source.frameworks.toArray())[0]!;
    // An editor's undo stack in the backup (a later rename to take back) and one on this machine.
    await source.meta.put({ key: undoKey(framework.id), value: { entries: [{ ...framework, name: 'Before the backup' }], openGroup: null } });
    await target.meta.put({ key: undoKey('another-framework'), value: { entries: [{ ...framework, name: 'On this machine' }], openGroup: null } });
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    await restoreBackup(target, tables);
    expect(await target.meta.where('key').startsWith('framework-undo:').count()).toBe(0);
    expect(await canUndo(target, framework.id)).toBe(false);
  });

  it('says, before a restore, how the backup’s trail stands against this computer’s: holds it, would lose a change, or tells another history', async () => {
    await fill(source, 2026, 5);
    const count = await source.audit.count();
    const tables = await opened(source, await exportBackup(source, OPTIONS));
    // A fresh computer has recorded nothing: nothing to say.
    expect(await describeRestoreTrail(target, tables, 'UTC')).toBeNull();
    expect(await describeRestoreTrail(source, tables, 'UTC')).toEqual({ tone: 'ok', text: `The backup’s trail holds all ${count} entries recorded on this computer.` });
    // A change made here after the backup: the restore would lose it, and says which.
    await runCommand(source, { name: 'fixture: rename', at: '2026-12-05T10:00:00.000Z', actor: 'Dana Whitfield (Chair)' }, async (ctx) => {
      const framework = (await source.frameworks.toArray())[0]!;
      await ctx.put('frameworks', { ...framework, name: 'Renamed after the backup' });
    });
    expect(await describeRestoreTrail(source, tables, 'UTC')).toEqual({ tone: 'warn', text: '1 change recorded on this computer is not in the backup and would be lost (fixture: rename, by Dana Whitfield (Chair) on 2026-12-05).' });
    // The backup's copy of an entry this computer holds reads differently (as a rewrite with its chain recomputed would: the comparison reads hashes).
    const forged = tables.audit.map((e, i) => (i === 1 ? { ...e, hash: 'f'.repeat(64) } : e));
    const text = await describeRestoreTrail(source, { ...tables, audit: forged }, 'UTC');
    expect(text?.tone).toBe('alert');
    expect(text?.text).toMatch(/^✗ The backup’s audit trail tells another history than this computer’s: 1 entry recorded here reads differently in the backup \(.+\)\..* 1 change recorded on this computer is not in the backup and would be lost/);
  });

  it('names every kind of change a restore would lose, and its entry keeps the record of them and of the file', async () => {
    await fill(source, 2026, 5);
    const text = await exportBackup(source, OPTIONS);
    const tables = await opened(source, text);
    const change = (name: string, at: string, title: string) =>
      runCommand(source, { name, at, actor: 'Dana Whitfield (Chair)' }, async (ctx) => {
        const framework = (await source.frameworks.toArray())[0]!;
        await ctx.put('frameworks', { ...framework, name: title });
      });
    await change('fixture: reopen session', '2026-12-05T10:00:00.000Z', 'One');
    await change('fixture: change decision', '2026-12-05T11:00:00.000Z', 'Two');
    await change('fixture: change decision', '2026-12-05T12:00:00.000Z', 'Three');
    // A trial's preview named only the newest kind: its reopen went unsaid.
    expect(await describeRestoreTrail(source, tables, 'UTC')).toEqual({
      tone: 'warn',
      text: '3 changes recorded on this computer are not in the backup and would be lost: fixture: change decision ×2, fixture: reopen session; the newest (fixture: change decision, by Dana Whitfield (Chair) on 2026-12-05).',
    });
    const lost = (await source.audit.toArray()).filter((e) => e.at >= '2026-12-05').sort((a, b) => a.at.localeCompare(b.at));
    const head = (await openBackup(text)) as { ok: true; summary: { trailHead: { count: number; hash: string; at: string | null } } };
    await restoreBackup(source, tables, source.verno, '2026-12-05T13:00:00.000Z', { fileName: 'levelset-backup.json', createdAt: AT, trailHead: head.summary.trailHead });
    const entry = (await source.audit.toArray()).find((e) => e.action === 'restore backup')!;
    expect(entry.after).toMatchObject({
      file: 'levelset-backup.json',
      backupMadeAt: AT,
      backupTrailHead: head.summary.trailHead,
      notInBackup: { count: 3, rewritten: 0, listed: lost.map((e) => ({ at: e.at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, hash: e.hash })) },
    });
    // The discarded entries themselves are gone from the trail, which still verifies.
    expect((await source.audit.toArray()).some((e) => e.at >= '2026-12-05' && e.action !== 'restore backup')).toBe(false);
    expect((await verifyAudit(source)).ok).toBe(true);
  });

  it('says nothing would be lost on a fresh install, whose only entry is the app storing its built-in frameworks', async () => {
    await fill(source, 2026, 5);
    const tables = await opened(source, await exportBackup(source, OPTIONS));
    // Every install stores the built-ins at its first start, at its own time: an entry no backup from elsewhere holds.
    await ensureBuiltInFrameworks(target, [materializeBuiltIn(ic0M3Levels, '2026-12-05T12:00:00.000Z')]);
    expect(await target.audit.count()).toBe(1);
    expect(await describeRestoreTrail(target, tables, 'UTC')).toBeNull();
    // A change a person made there is still said. Dated after any clock this runs on: the built-ins' entry is dated
    // now, and the trail's times never go back, so a fixed date in the past read as the day the test ran.
    await runCommand(target, { name: 'fixture: rename', at: '2099-01-05T13:00:00.000Z', actor: 'Sam Okafor' }, async (ctx) => {
      const framework = (await target.frameworks.toArray())[0]!;
      await ctx.put('frameworks', { ...framework, name: 'Renamed on the new computer' });
    });
    expect(await describeRestoreTrail(target, tables, 'UTC')).toEqual({ tone: 'warn', text: '1 change recorded on this computer is not in the backup and would be lost (fixture: rename, by Sam Okafor on 2099-01-05).' });
  });

  it('reads the tables in one snapshot, without coverage', async () => {
    await fill(source, 2026, 5);
    const tables = await readBackupTables(source);
    expect(Object.keys(tables).sort()).toEqual([...BACKUP_TABLE_NAMES].sort());
    expect(tables.candidates).toHaveLength(5);
  });
});

describe('a corrupt backup is refused and the database left untouched', () => {
  async function corruptions(text: string): Promise<Array<[string, string, string]>> {
    const file = JSON.parse(text) as { tables: Record<string, Array<Record<string, unknown>>>; checksum: { value: string } } & Record<string, unknown>;
    const invalidRow = structuredClone(file);
    (invalidRow.tables.decisions?.[0] as Record<string, unknown>).outcome = 'promote-twice';
    invalidRow.checksum.value = await sha256Hex(canonicalJson(invalidRow.tables));
    const tamperedChecksum = structuredClone(file);
    tamperedChecksum.checksum.value = '0'.repeat(64);
    return [
      ['tampered checksum', JSON.stringify(tamperedChecksum), 'tampered'],
      ['tampered row', text.replace('"Engineering calibration, week 1"', '"Engineering calibration, week 9"'), 'tampered'],
      ['truncated', text.slice(0, Math.floor(text.length * 0.6)), 'truncated'],
      ['wrong format', JSON.stringify({ ...file, format: 'levelset.bundle' }), 'not-a-backup'],
      ['newer schema version', JSON.stringify({ ...file, schemaVersion: 2 }), 'newer-version'],
      ['newer database version', JSON.stringify({ ...file, databaseVersion: 99 }), 'newer-version'],
      ['invalid row', JSON.stringify(invalidRow), 'invalid'],
    ];
  }

  const KINDS = ['tampered checksum', 'tampered row', 'truncated', 'wrong format', 'newer schema version', 'newer database version', 'invalid row'];

  it.each(KINDS)('%s', async (kind) => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const found = (await corruptions(await exportBackup(source, OPTIONS))).find(([label]) => label === kind);
    if (!found) throw new Error(`no corruption named ${kind}`);
    const [, bad, code] = found;
    const before = await snapshot(target);
    const someDecision = await target.decisions.get('decision-0002');

    const result = await openBackupFor(target, bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);

    expect(await snapshot(target)).toEqual(before);
    expect(await target.decisions.get('decision-0002')).toEqual(someDecision);
    for (const name of BACKUP_TABLE_NAMES) expect(await target[name].count()).toBe(before[name]?.length);
  });
});

describe('a failure during restore leaves the original data untouched', () => {
  const quotaError = () => Object.assign(new Error('QuotaExceededError: the disk is full'), { name: 'QuotaExceededError' });

  it.each(['frameworks', 'evidence', 'decisions', 'meta'] as const)('when %s cannot be written', async (table) => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    const before = await snapshot(target);
    const failing = vi.spyOn(target[table], 'bulkAdd').mockRejectedValueOnce(quotaError());

    const error: unknown = await restoreBackup(target, tables).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failing).toHaveBeenCalled();
    expect(error).not.toBeNull();
    expect(describeStorageError(error)).toMatch(/disk is full/);
    failing.mockRestore();
    expect(await snapshot(target)).toEqual(before);
  });

  it('when rebuilding coverage fails at the very end', async () => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    const before = await snapshot(target);
    vi.spyOn(target.coverage, 'bulkPut').mockRejectedValueOnce(new Dexie.AbortError('aborted'));
    await expect(restoreBackup(target, tables)).rejects.toThrow();
    expect(await snapshot(target)).toEqual(before);
  });

  it('when a row the checks missed is refused by IndexedDB itself', async () => {
    await fill(source, 2026, 5);
    await fill(target, 11, 5);
    const tables = await opened(target, await exportBackup(source, OPTIONS));
    const before = await snapshot(target);
    // Two votes with one id pass no schema check on their own; the store's primary key refuses them.
    const broken: BackupTables = { ...tables, votes: [...tables.votes, { ...(tables.votes[0] as BackupTables['votes'][number]) }] };
    await expect(restoreBackup(target, broken)).rejects.toThrow();
    expect(await snapshot(target)).toEqual(before);
    // openBackup would have refused the same rows before any write.
    const refused = await openBackup(JSON.stringify({ format: 'levelset.backup', schemaVersion: 1, databaseVersion: 2, createdAt: AT, appVersion: 't', checksum: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(broken)) }, tables: broken }));
    expect(refused.ok).toBe(false);
  });
});
