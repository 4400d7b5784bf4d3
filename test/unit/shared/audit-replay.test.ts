/**
 * Replaying the audit trail against the records, and the trail head that
 * exports carry: the checks behind "Verify" and behind refusing a restored
 * backup whose records were edited.
 */
import { describe, expect, it } from 'vitest';
import { appendEntrySync, type AuditEntryInput } from '../../../shared/audit/hash-chain';
import { compareWithHead, exportedTrailHead, formatTrailHead, replayAgainst, trailHead, type AuditedRecords } from '../../../shared/audit/replay';
import { describeVerification } from '../../../shared/audit/verify-text';
import { compareExportText, comparePrintedHeadText } from '../../../shared/audit/compare-text';
import type { AuditEntry, RowChange } from '../../../shared/domain';

const EMPTY: AuditedRecords = { frameworks: [], cycles: [], candidates: [], evidence: [], packets: [], sessions: [], votes: [], decisions: [] };

function chain(device: string, steps: Array<{ at: string; action: string; rows: RowChange[]; reset?: boolean }>, after: AuditEntry | null = null): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = after;
  steps.forEach((step, i) => {
    const input: AuditEntryInput = {
      id: `${device}-${i}`,
      deviceId: device,
      actor: 'Priya Shah',
      at: step.at,
      entityType: 'decision',
      entityId: 'd1',
      action: step.action,
      changes: { reset: step.reset ?? false, rows: step.rows },
    };
    prev = appendEntrySync(prev, input);
    out.push(prev);
  });
  return out;
}

const decision = (outcome: string) => ({ id: 'd1', outcome, rationale: 'Led the migration.' });

describe('replayAgainst', () => {
  const trail = chain('dev-a', [
    { at: '2026-11-01T10:00:00.000Z', action: 'decide', rows: [{ table: 'decisions', id: 'd1', row: decision('defer') }] },
    { at: '2026-11-01T11:00:00.000Z', action: 'change decision', rows: [{ table: 'decisions', id: 'd1', row: decision('promote') }] },
    { at: '2026-11-01T12:00:00.000Z', action: 'add evidence', rows: [{ table: 'evidence', id: 'e1', row: { id: 'e1', title: 'Incident review' } }] },
    { at: '2026-11-01T13:00:00.000Z', action: 'delete evidence', rows: [{ table: 'evidence', id: 'e1', row: null }] },
  ]);

  it('agrees when the records are what the trail last wrote, whatever order the rows or keys come in', () => {
    const result = replayAgainst([...trail].reverse(), { ...EMPTY, decisions: [{ rationale: 'Led the migration.', outcome: 'promote', id: 'd1' }] });
    expect(result).toEqual({ ok: true, entries: 4, records: 1 });
  });

  it('names a record changed outside the trail and the entry that last wrote it', () => {
    const result = replayAgainst(trail, { ...EMPTY, decisions: [decision('not-yet')] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.disagreement).toMatchObject({ table: 'decisions', id: 'd1', entry: { action: 'change decision', seq: 1 } });
    expect(result.disagreement.message).toContain('The decision "d1" differs from what the trail records');
    expect(result.disagreements).toBe(1);
  });

  it('names a record by what people know it by: the decision on a candidate in a session, then its id', () => {
    const records = { ...EMPTY, candidates: [{ id: 'c1', name: 'Kofi Chen' }], sessions: [{ id: 's1', name: 'Week 1' }], decisions: [{ ...decision('not-yet'), candidateId: 'c1', sessionId: 's1' }] };
    const named = chain('dev-n', [{ at: '2026-11-01T10:00:00.000Z', action: 'change decision', rows: [{ table: 'candidates', id: 'c1', row: { id: 'c1', name: 'Kofi Chen' } }, { table: 'sessions', id: 's1', row: { id: 's1', name: 'Week 1' } }, { table: 'decisions', id: 'd1', row: { ...decision('defer'), candidateId: 'c1', sessionId: 's1' } }] }]);
    const result = replayAgainst(named, records);
    if (result.ok) throw new Error('expected a disagreement');
    expect(result.disagreement.message).toMatch(/^The decision on Kofi Chen in “Week 1” \(id "d1"\) differs from what the trail records \(last written by "change decision", by Priya Shah, 2026-11-01T10:00:00.000Z; entry 0 of device dev-n\)\.$/);
  });

  it('explains a row stored without the direction controls its trail recorded (a backup made before labels dropped them)', () => {
    const withControl = chain('dev-r', [{ at: '2026-11-01T10:00:00.000Z', action: 'save candidate', rows: [{ table: 'candidates', id: 'c1', row: { id: 'c1', name: 'Lars Karimi \u202E' } }] }]);
    expect(replayAgainst(withControl, { ...EMPTY, candidates: [{ id: 'c1', name: 'Lars Karimi ' }] }).ok).toBe(true);
    // Anything else that differs is still found.
    expect(replayAgainst(withControl, { ...EMPTY, candidates: [{ id: 'c1', name: 'Lars Karim ' }] }).ok).toBe(false);
  });

  it('names a record no entry explains first, and a recorded row that is missing', () => {
    const result = replayAgainst(trail, { ...EMPTY, candidates: [{ id: 'c9' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // c9 has no entry; d1 is missing: two disagreements, the unexplained record first.
    expect(result.disagreements).toBe(2);
    expect(result.disagreement).toMatchObject({ table: 'candidates', id: 'c9', entry: null });
    expect(result.disagreement.message).toBe('The candidate "c9" is stored but no audit entry records it.');
  });

  it('cannot tell an edited record from the truth once the trail that explains it is cut, but the head can', () => {
    const cut = trail.slice(0, 1);
    // Cut after "decide": the record says promote, the shortened trail says defer.
    expect(replayAgainst(cut, { ...EMPTY, decisions: [decision('promote')] }).ok).toBe(false);
    expect(compareWithHead(cut, trailHead(trail))).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('starts again from a reset entry (a baseline), and entries without rows change nothing', () => {
    const baseline = chain('dev-b', [
      { at: '2026-10-01T09:00:00.000Z', action: 'old entry', rows: [] },
      { at: '2026-10-02T09:00:00.000Z', action: 'adopt', reset: true, rows: [{ table: 'cycles', id: 'y1', row: { id: 'y1', name: 'H2' } }] },
    ]);
    const legacy: AuditEntry = { ...baseline[0]!, id: 'legacy', seq: 99, changes: undefined };
    expect(replayAgainst([...baseline, legacy], { ...EMPTY, cycles: [{ id: 'y1', name: 'H2' }] }).ok).toBe(true);
  });

  it('replays in time order across devices, so a restore from another machine comes first', () => {
    const theirs = chain('dev-z', [{ at: '2026-11-01T09:00:00.000Z', action: 'decide', rows: [{ table: 'decisions', id: 'd1', row: decision('defer') }] }]);
    const mine = chain('dev-a', [{ at: '2026-11-02T09:00:00.000Z', action: 'change decision', rows: [{ table: 'decisions', id: 'd1', row: decision('promote') }] }]);
    expect(replayAgainst([...mine, ...theirs], { ...EMPTY, decisions: [decision('promote')] }).ok).toBe(true);
  });
});

describe('trail head', () => {
  const trail = chain('dev-a', [
    { at: '2026-11-01T10:00:00.000Z', action: 'a', rows: [] },
    { at: '2026-11-01T11:00:00.000Z', action: 'b', rows: [] },
    { at: '2026-11-01T12:00:00.000Z', action: 'c', rows: [] },
  ]);

  it('is the count and the hash of the newest entry', () => {
    expect(trailHead(trail)).toEqual({ count: 3, hash: trail[2]!.hash, at: '2026-11-01T12:00:00.000Z' });
    expect(trailHead([])).toEqual({ count: 0, hash: '', at: null });
    expect(formatTrailHead(trailHead(trail))).toBe(`3 entries · ${trail[2]!.hash.slice(0, 12)}`);
    // A new database's first entry: one entry, not "1 entries".
    expect(formatTrailHead(trailHead(trail.slice(0, 1)))).toBe(`1 entry · ${trail[0]!.hash.slice(0, 12)}`);
  });

  it('accepts a trail that grew since the export, and catches one that was cut or rewritten', () => {
    const earlier = trailHead(trail.slice(0, 2));
    expect(compareWithHead(trail, earlier)).toEqual({ ok: true });
    expect(compareWithHead(trail.slice(0, 1), earlier)).toMatchObject({ ok: false, reason: 'truncated' });
    const rewritten = chain('dev-a', [
      { at: '2026-11-01T10:00:00.000Z', action: 'a', rows: [] },
      { at: '2026-11-01T11:00:00.000Z', action: 'b (rewritten)', rows: [] },
      { at: '2026-11-01T12:00:00.000Z', action: 'c', rows: [] },
    ]);
    expect(compareWithHead(rewritten, earlier)).toMatchObject({ ok: false, reason: 'rewritten' });
  });

  it('is read from a backup or bundle file without opening the rest', () => {
    const head = trailHead(trail);
    expect(exportedTrailHead(JSON.stringify({ format: 'levelset.bundle', createdAt: '2026-11-02T00:00:00.000Z', trailHead: head, ciphertext: 'x' }))).toEqual({
      head,
      kind: 'bundle',
      createdAt: '2026-11-02T00:00:00.000Z',
      device: null,
    });
    expect(exportedTrailHead(JSON.stringify({ format: 'levelset.backup', tables: {} }))).toBeNull();
    expect(exportedTrailHead(JSON.stringify({ format: 'levelset.framework', trailHead: head }))).toBeNull();
    expect(exportedTrailHead('not json')).toBeNull();
    expect(exportedTrailHead(JSON.stringify({ format: 'levelset.backup', trailHead: { count: 1, hash: '<script>', at: null } }))).toBeNull();
  });
});

describe('describeVerification', () => {
  const trail = chain('dev-a', [{ at: '2026-11-01T10:00:00.000Z', action: 'decide', rows: [{ table: 'decisions', id: 'd1', row: decision('defer') }] }]);
  const chains = { ok: true, devices: [{ deviceId: 'dev-a', result: { ok: true as const, count: 1 } }] };

  it('says the chain is intact and the trail replays, with the head', () => {
    expect(describeVerification({ chains, replay: { ok: true, entries: 1, records: 1 }, head: trailHead(trail) })).toEqual({
      ok: true,
      text: `✓ Chain intact and the trail replays to the records: 1 entry · ${trail[0]!.hash.slice(0, 12)} on 1 device.`,
    });
  });

  it('names a broken link before a disagreement', () => {
    const broken = { ok: false, devices: [{ deviceId: 'dev-a-123456789', result: { ok: false as const, brokenAt: { seq: 4, id: 'x', reason: 'sequence-gap' as const } } }] };
    expect(describeVerification({ chains: broken, replay: replayAgainst(trail, EMPTY), head: trailHead(trail) }).text).toBe('✗ Chain broken at entry #4 of device dev-a-12 (an entry is missing).');
    expect(describeVerification({ chains, replay: replayAgainst(trail, EMPTY), head: trailHead(trail) }).text).toMatch(/^✗ The records do not match the trail: The trail records the decision "d1"/);
  });
});

describe('compareExportText', () => {
  const trail = chain('dev-a', [
    { at: '2026-11-01T10:00:00.000Z', action: 'a', rows: [] },
    { at: '2026-11-01T11:00:00.000Z', action: 'b', rows: [] },
    { at: '2026-11-01T12:00:00.000Z', action: 'c', rows: [] },
  ]);
  const backupOf = (entries: AuditEntry[]) => JSON.stringify({ format: 'levelset.backup', createdAt: '2026-11-01T11:30:00.000Z', trailHead: trailHead(entries) });

  it('says the trail holds what the export recorded, and how much came since', () => {
    expect(compareExportText(backupOf(trail.slice(0, 2)), trail, 'b.json')).toEqual({
      ok: true,
      text: '✓ The trail still holds all 2 entries that the backup of 2026-11-01 recorded, and 1 more since.',
    });
    expect(compareExportText(backupOf(trail.slice(0, 1)), trail, 'b.json').text).toBe('✓ The trail still holds the 1 entry that the backup of 2026-11-01 recorded, and 2 more since.');
  });

  it('says when the trail was cut since the export', () => {
    const result = compareExportText(backupOf(trail), trail.slice(0, 2), 'b.json');
    expect(result.ok).toBe(false);
    expect(result.text).toBe('✗ Compared with the backup of 2026-11-01: The trail has 2 entries; the backup recorded 3. Entries were removed since.');
  });

  it('explains a file that records no head', () => {
    expect(compareExportText('{"format":"levelset.backup"}', trail, 'old.json').text).toMatch(/^“old.json” records no audit trail head/);
  });

  // A chair comparing the manager's bundle read "Entries were removed since" about their own intact trail (trial C).
  const other = chain('dev-b', [
    { at: '2026-11-01T09:00:00.000Z', action: 'x', rows: [] },
    { at: '2026-11-01T09:30:00.000Z', action: 'y', rows: [] },
    { at: '2026-11-01T09:45:00.000Z', action: 'z', rows: [] },
    { at: '2026-11-01T09:50:00.000Z', action: 'w', rows: [] },
  ]);
  const bundleBy = (entries: AuditEntry[], deviceId?: string) =>
    JSON.stringify({ format: 'levelset.bundle', createdAt: '2026-11-01T11:30:00.000Z', trailHead: { ...trailHead(entries), ...(deviceId ? { deviceId } : {}) } });

  it('says a bundle from another computer is not compared, rather than that entries were removed', () => {
    const result = compareExportText(bundleBy(other, 'dev-b'), trail, 'manager.json', 'UTC', 'dev-a');
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/^Not compared: “manager.json” was made on another computer\. The bundle of 2026-11-01 records that computer’s trail/);
    expect(result.text).not.toMatch(/removed|rewritten/);
    // Not a failure: shown in the page's colour, not in red as an error (a re-test).
    expect(result.neutral).toBe(true);
  });

  it('still finds entries removed from this computer’s own trail, with its device named or not', () => {
    expect(compareExportText(bundleBy(trail, 'dev-a'), trail.slice(0, 2), 'mine.json', 'UTC', 'dev-a').text).toMatch(/^✗ Compared with the bundle of 2026-11-01: The trail has 2 entries; the bundle recorded 3/);
    // Every entry of this computer removed: its own device is still its own, however empty its trail.
    expect(compareExportText(bundleBy(trail, 'dev-a'), [], 'mine.json', 'UTC', 'dev-a').ok).toBe(false);
    expect(compareExportText(bundleBy(trail, 'dev-a'), [], 'mine.json', 'UTC', 'dev-a').text).toMatch(/^✗/);
    // A bundle made before heads named their computer: compared as before.
    expect(compareExportText(bundleBy(trail), trail.slice(0, 2), 'old.json', 'UTC', 'dev-a').text).toMatch(/^✗ .*Entries were removed since\. Unless the bundle was made on another computer/);
    // A backup of its age holds its entries, so it can tell: no such aside.
    expect(compareExportText(backupOf(trail), trail.slice(0, 2), 'b.json').text).not.toMatch(/Unless/);
  });

  it('reads a backup’s computer from its own entries, and compares one whose trail this computer holds (restored here)', () => {
    const backup = JSON.stringify({ format: 'levelset.backup', createdAt: '2026-11-01T11:30:00.000Z', trailHead: trailHead(other), tables: { audit: other } });
    expect(exportedTrailHead(backup)?.device).toBe('dev-b');
    expect(compareExportText(backup, trail, 'b-backup.json', 'UTC', 'dev-a').text).toMatch(/^Not compared: “b-backup.json” was made on another computer/);
    // A backup is not "a manager's bundle".
    expect(compareExportText(backup, trail, 'b-backup.json', 'UTC', 'dev-a').text).not.toContain('bundle');
    // Restored here, its entries are in this trail: then a cut is a cut.
    expect(compareExportText(backup, [...other, ...trail], 'b-backup.json', 'UTC', 'dev-a')).toMatchObject({ ok: true });
    expect(compareExportText(backup, [...other.slice(0, 3), ...trail], 'b-backup.json', 'UTC', 'dev-a').text).toMatch(/^✗ Compared with the backup/);
  });

  it('says an encrypted backup keeps its head inside, instead of calling it no Levelset export', () => {
    const encrypted = JSON.stringify({ format: 'levelset.backup', createdAt: '2026-11-01T11:30:00.000Z', encrypted: true, ciphertext: 'xyz' });
    expect(compareExportText(encrypted, trail, 'enc.json').text).toMatch(/^“enc.json” is encrypted, and its audit trail head is inside the encryption/);
  });
});

describe('comparing with a head printed on a decision book', () => {
  const trail = chain('dev-p', [
    { at: '2026-11-01T10:00:00.000Z', action: 'decide', rows: [] },
    { at: '2026-11-01T11:00:00.000Z', action: 'change decision', rows: [] },
    { at: '2026-11-01T12:00:00.000Z', action: 'finalize', rows: [] },
  ]);
  const second = trail[1]!.hash;

  it('accepts the count and the hash, or its first 12 characters with spaces and capitals, and says what was added since', () => {
    expect(comparePrintedHeadText('2', second, trail)).toEqual({ ok: true, text: '✓ The trail still holds all 2 entries the printed head recorded, and 1 more since.' });
    expect(comparePrintedHeadText(' 2 ', `${second.slice(0, 6).toUpperCase()} ${second.slice(6, 12)}`, trail).ok).toBe(true);
    expect(comparePrintedHeadText('3', trail[2]!.hash, trail).text).toBe('✓ The trail still holds all 3 entries the printed head recorded, and nothing since.');
    // A trail of one entry is "the 1 entry", not "all 1 entries" (session 35's trial).
    expect(comparePrintedHeadText('1', trail[0]!.hash, trail).text).toBe('✓ The trail still holds the 1 entry the printed head recorded, and 2 more since.');
  });

  it('says when the trail was cut or rewritten since', () => {
    expect(comparePrintedHeadText('4', second, trail)).toMatchObject({ ok: false, text: expect.stringMatching(/^✗ Compared with the printed head: The trail has 3 entries; the printed head recorded 4/) });
    expect(comparePrintedHeadText('2', trail[0]!.hash.slice(0, 12), trail)).toMatchObject({ ok: false, text: expect.stringMatching(/^✗ Compared with the printed head: Entry 2 of the trail is not the one the printed head recorded/) });
  });

  it('asks again for a count or hash it cannot read, rather than comparing', () => {
    expect(comparePrintedHeadText('two', second, trail).text).toMatch(/is not a whole number/);
    expect(comparePrintedHeadText('2', second.slice(0, 11), trail).text).toMatch(/at least its first 12 characters/);
    expect(comparePrintedHeadText('2', 'zz' + second.slice(0, 12), trail).text).toMatch(/digits and the letters a to f/);
  });
});
