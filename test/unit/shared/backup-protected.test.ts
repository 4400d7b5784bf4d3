/**
 * Exported backups protected with a passphrase (shared/backup/backup-crypto.ts):
 * the file round-trips with the passphrase, shows nothing of the data
 * without it, and every wrong passphrase or changed byte is refused with a
 * typed error (so the restore never starts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup, openBackup, type BackupTables } from '../../../shared/backup/backup-format';
import { protectBackup, PROTECTED_MESSAGES } from '../../../shared/backup/backup-crypto';
import { passphraseProblem } from '../../../shared/exchange/passphrase-rule';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { calibrationRows } from '../../fixtures/db/calibration-rows';

const META = { createdAt: '2026-11-21T08:00:00.000Z', appVersion: '0.1.0-test', databaseVersion: 2 };
const PASSPHRASE = 'correct horse battery staple';
let tables: BackupTables;
let plain: string;
let locked: string;

beforeAll(async () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
  const cal = await calibrationRows(sample);
  tables = { frameworks: [sample.framework], cycles: [sample.cycle], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets, sessions: cal.sessions, votes: cal.votes, decisions: cal.decisions, audit: cal.audit, meta: cal.meta };
  plain = await createBackup(tables, META);
  locked = await protectBackup(plain, PASSPHRASE, { createdAt: META.createdAt, schemaVersion: 1 });
}, 60_000);

async function refused(text: string, passphrase?: string) {
  const result = await openBackup(text, passphrase === undefined ? {} : { passphrase });
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

describe('a backup protected with a passphrase', () => {
  it('opens with its passphrase to exactly the tables of the plain backup', async () => {
    const opened = await openBackup(locked, { passphrase: PASSPHRASE, databaseVersion: 2 });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.tables).toEqual(tables);
    expect(opened.summary.counts.candidates).toBe(6);
  });

  it('shows none of the data in the file', () => {
    const name = tables.candidates[0]!.name;
    expect(plain).toContain(name);
    expect(locked).not.toContain(name);
    expect(JSON.parse(locked)).toMatchObject({ format: 'levelset.backup', encrypted: true, encryption: { algorithm: 'AES-GCM', keyDerivation: { algorithm: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 } } });
  });

  it('asks for the passphrase when none is given, and refuses a wrong one', async () => {
    expect(await refused(locked)).toEqual({ code: 'needs-passphrase', message: PROTECTED_MESSAGES.needsPassphrase });
    expect(await refused(locked, 'correct horse battery stapler')).toEqual({ code: 'wrong-passphrase', message: PROTECTED_MESSAGES.wrongPassphrase });
  });

  it('refuses a changed ciphertext, a damaged envelope and a cut-off file', async () => {
    const file = JSON.parse(locked) as { ciphertext: string; encryption: { iv: string } };
    // One base64 character changed in the middle: AES-GCM's tag no longer matches.
    const i = file.ciphertext.length >> 1;
    const flipped = { ...file, ciphertext: `${file.ciphertext.slice(0, i)}${file.ciphertext[i] === 'A' ? 'B' : 'A'}${file.ciphertext.slice(i + 1)}` };
    expect((await refused(JSON.stringify(flipped), PASSPHRASE)).code).toBe('wrong-passphrase');
    const shortIv = { ...file, encryption: { ...file.encryption, iv: 'AAAA' } };
    expect(await refused(JSON.stringify(shortIv), PASSPHRASE)).toMatchObject({ code: 'invalid', field: 'encryption.iv', message: 'The protected backup is damaged: encryption.iv: expected an IV of 12 bytes' });
    expect((await refused(locked.slice(0, locked.length >> 1), PASSPHRASE)).code).toBe('truncated');
  });

  it('refuses a protected backup inside another, which Levelset never writes', async () => {
    const twice = await protectBackup(locked, PASSPHRASE, { createdAt: META.createdAt, schemaVersion: 1 });
    expect((await refused(twice, PASSPHRASE)).code).toBe('tampered');
  });

  it('is refused with an empty passphrase at export', async () => {
    await expect(protectBackup(plain, '', { createdAt: META.createdAt, schemaVersion: 1 })).rejects.toThrow(/cannot be empty/);
  });
});

describe('passphraseProblem (bundles and backups alike)', () => {
  it('asks for 8 characters, typed the same twice', () => {
    expect(passphraseProblem('short', 'short')).toBe('Use at least 8 characters.');
    expect(passphraseProblem('long enough', 'long enougH')).toBe('The two passphrases differ.');
    expect(passphraseProblem('long enough', 'long enough')).toBeNull();
  });
});
