import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToKeep, compareBackups, nextSequence, parseBackupName, type BackupEntry } from '../../../electron/backup-rotation';
import { savedBackupFileName } from '../../../shared/util/file-name';

const at = (day: number, hour = 10, minute = 0, second = 0) => new Date(Date.UTC(2026, 10, day, hour, minute, second));
const entry = (seq: number, when: Date): BackupEntry => parseBackupName(backupFileName(seq, when))!;
const seqs = (kept: Set<string>) => [...kept].map((n) => parseBackupName(n)!.seq).sort((a, b) => a! - b!);

describe('backup names', () => {
  it('carry a six-digit sequence and the UTC stamp, and parse back', () => {
    expect(backupFileName(42, at(23, 9, 5, 7))).toBe('levelset-backup-000042-20261123-090507.json');
    expect(parseBackupName('levelset-backup-000042-20261123-090507.json')).toEqual({ fileName: 'levelset-backup-000042-20261123-090507.json', seq: 42, stampMs: at(23, 9, 5, 7).getTime(), suffix: 0 });
    expect(parseBackupName('notes.json')).toBeNull();
    expect(parseBackupName('.levelset-backup-000001-20261123-090507.json.partial')).toBeNull();
  });

  it('never take a backup saved with "Back up now…" for an automatic one, with its old name or its new', () => {
    expect(parseBackupName('levelset-backup-2026-11-23.json')).toBeNull();
    expect(parseBackupName(savedBackupFileName(new Date(2026, 10, 23, 10, 0, 0)))).toBeNull();
  });

  it('order old names before sequenced ones, old ones by stamp and same-second suffix', () => {
    const names = ['levelset-backup-000002-20200101-000000.json', 'levelset-backup-20261123-100000-10.json', 'levelset-backup-000001-20261130-000000.json', 'levelset-backup-20261123-100000.json', 'levelset-backup-20261123-100000-2.json'];
    const sorted = names.map((n) => parseBackupName(n)!).sort(compareBackups).map((e) => e.fileName);
    expect(sorted).toEqual(['levelset-backup-20261123-100000.json', 'levelset-backup-20261123-100000-2.json', 'levelset-backup-20261123-100000-10.json', 'levelset-backup-000001-20261130-000000.json', 'levelset-backup-000002-20200101-000000.json']);
  });

  it('take the next sequence from the largest in the folder, whatever the clock says', () => {
    expect(nextSequence([])).toBe(1);
    expect(nextSequence([entry(7, at(30)), entry(3, at(1)), parseBackupName('levelset-backup-20261123-100000.json')!])).toBe(8);
  });
});

describe('backupsToKeep', () => {
  it('keeps the newest N by sequence when the clock went backwards', () => {
    // Backups 1–3 stamped on the 25th; then the clock is set back two days.
    const entries = [entry(1, at(25, 8)), entry(2, at(25, 9)), entry(3, at(25, 10)), entry(4, at(23, 8)), entry(5, at(23, 9))];
    const kept = backupsToKeep(entries, at(23, 9, 30), 2);
    // 4 and 5 are the newest; the 25th is "in the future" now, so it keeps no day of its own.
    expect(seqs(kept)).toEqual([4, 5]);
  });

  it('keeps the newest of several backups written in the same second', () => {
    const second = at(23, 10, 0, 0);
    const entries = [1, 2, 3, 4].map((s) => entry(s, second));
    expect(seqs(backupsToKeep(entries, second, 3))).toEqual([2, 3, 4]);
  });

  it('keeps the last N plus the newest of each of the last 7 calendar days', () => {
    // Two backups a day from the 10th to the 23rd: seq 1,2 on the 10th … 27,28 on the 23rd.
    const entries: BackupEntry[] = [];
    for (let day = 10, seq = 1; day <= 23; day++) {
      entries.push(entry(seq++, at(day, 9)), entry(seq++, at(day, 17)));
    }
    const kept = backupsToKeep(entries, at(23, 18), 3);
    // Newest 3: 26, 27, 28. Newest of the 17th…23rd (7 days): 16, 18, 20, 22, 24, 26, 28.
    expect(seqs(kept)).toEqual([16, 18, 20, 22, 24, 26, 27, 28]);
  });

  it('counts an old-style name for its day too', () => {
    const old = parseBackupName('levelset-backup-20261120-100000.json')!;
    const kept = backupsToKeep([old, entry(1, at(23)), entry(2, at(23, 11))], at(23, 12), 1);
    expect([...kept].sort()).toEqual([old.fileName, backupFileName(2, at(23, 11))].sort());
  });
});
