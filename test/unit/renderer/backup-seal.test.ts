/**
 * Automatic backups sealed with the install's data key (issue 12, point 5):
 * written sealed, restored here, refused in words elsewhere; main checks a
 * sealed backup in the clear before it counts toward rotation.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { openBytes, randomDataKey } from '../../../shared/crypto/field-crypto';
import { BACKUP_CONTEXT, isSealedText, openText, sealText } from '../../../shared/crypto/text-envelope';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { exportBackup } from '../../../renderer/db/backup';
import { OTHER_INSTALL, openAnyBackup, sealAutomaticBackup } from '../../../renderer/db/backup-seal';
import { setEncryption } from '../../../renderer/db/encryption';
import { writeRotatingBackup } from '../../../electron/backups';
import { createBackupUnsealer } from '../../../electron/data-key';

let n = 0;
async function filledDb(key: Uint8Array | null) {
  const db = new LevelsetDatabase(`backup-seal-${process.pid}-${++n}`);
  if (key) setEncryption(db, { mode: 'on', key });
  await c.loadSampleCycle(db, generateSampleCycle(ic0M3Levels, { seed: 3, candidates: 3 }), '2026-11-01T09:00:00.000Z');
  return db;
}

describe('sealed automatic backups', () => {
  it('seal whole text with the same AES-GCM envelope as the fields (either implementation opens it)', async () => {
    const key = randomDataKey();
    const sealed = await sealText(key, 'hello — backup');
    expect(isSealedText(sealed)).toBe(true);
    expect(await openText(key, sealed)).toBe('hello — backup');
    expect(new TextDecoder().decode(openBytes(key, sealed, BACKUP_CONTEXT))).toBe('hello — backup');
    expect(await openText(randomDataKey(), sealed)).toBeNull();
    expect(await openText(key, sealed, 'levelset:candidates:c-1:name')).toBeNull();
    expect(await openText(key, sealed.slice(0, -8) + 'AAAAAAA=')).toBeNull();
  });

  it('are sealed with the key, restore on this install, and are refused in words on another', async () => {
    const key = randomDataKey();
    const db = await filledDb(key);
    const text = await sealAutomaticBackup(db, await exportBackup(db));
    expect(isSealedText(text)).toBe(true);
    expect(text).not.toContain('candidates');
    const opened = await openAnyBackup(db, text);
    expect(opened.ok && opened.tables.candidates.length).toBe(3);

    const other = await filledDb(randomDataKey());
    const refused = await openAnyBackup(other, text);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toBe(OTHER_INSTALL);
    const browser = await filledDb(null);
    const noKey = await openAnyBackup(browser, text);
    expect(!noKey.ok && noKey.error.message).toMatch(/no key to open it/);
    // Without a key the backup stays plain, and plain backups open anywhere.
    const plain = await sealAutomaticBackup(browser, await exportBackup(browser));
    expect(isSealedText(plain)).toBe(false);
    expect((await openAnyBackup(other, plain)).ok).toBe(true);
    for (const d of [db, other, browser]) d.close();
  });

  it('are checked by main in the clear and written sealed; one sealed with another key is not written', async () => {
    const key = randomDataKey();
    const db = await filledDb(key);
    const sealed = await sealAutomaticBackup(db, await exportBackup(db));
    db.close();
    const dir = await mkdtemp(path.join(tmpdir(), 'levelset-sealed-'));
    const keyText = Buffer.from(key).toString('base64');
    const unseal = createBackupUnsealer(async () => ({ status: 'on', key: keyText }));
    const written = await writeRotatingBackup(dir, sealed, { now: new Date('2026-11-02T10:00:00Z'), unseal });
    expect(written.ok).toBe(true);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(await readFile(path.join(dir, files[0]!), 'utf8')).toBe(sealed);

    const otherUnseal = createBackupUnsealer(async () => ({ status: 'on', key: Buffer.from(randomDataKey()).toString('base64') }));
    const refused = await writeRotatingBackup(dir, sealed, { now: new Date('2026-11-02T11:00:00Z'), unseal: otherUnseal });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    // A damaged sealed text is not a backup either.
    expect((await writeRotatingBackup(dir, sealed.slice(0, 200), { now: new Date('2026-11-02T12:00:00Z'), unseal })).ok).toBe(false);
    expect(await readdir(dir)).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  });
});
