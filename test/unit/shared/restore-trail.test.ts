/**
 * What the restore preview says of the backup's audit trail against this computer's: an entry both hold with
 * another hash is a rewritten (or branched) history, an entry only here is lost. Expected words and counts worked
 * out by hand from the keys below.
 */
import { describe, expect, it } from 'vitest';
import { compareTrails, restoreTrailText, withoutSetup, type TrailKey, restoreRecordText } from '../../../shared/audit/restore-trail';

const here: TrailKey[] = [
  ['dev-a', 0, 'a0'],
  ['dev-a', 1, 'a1'],
  ['dev-b', 0, 'b0'],
  ['dev-a', 2, 'a2'],
];
const entry = (deviceId: string, seq: number, hash: string) => ({ deviceId, seq, hash });
const ON = { action: 'change decision', actor: 'Morgan Ellis (Chair)', at: '2026-12-05T09:00:00.000Z' };

describe('compareTrails', () => {
  it('finds the entries the backup holds differently, those it lacks, and those it adds', () => {
    const c = compareTrails(here, [entry('dev-a', 0, 'a0'), entry('dev-a', 1, 'XX'), entry('dev-b', 0, 'b0'), entry('dev-c', 0, 'c0'), entry('dev-c', 1, 'c1')]);
    expect(c).toEqual({ rewritten: [['dev-a', 1, 'a1']], lost: [['dev-a', 2, 'a2']], added: 2, here: 4 });
  });

  it('finds nothing wrong with a backup that holds this computer’s trail and more', () => {
    expect(compareTrails(here, [...here.map(([d, s, h]) => entry(d, s, h)), entry('dev-a', 3, 'a3')])).toEqual({ rewritten: [], lost: [], added: 1, here: 4 });
  });
});

describe('withoutSetup', () => {
  it('leaves out of the lost and the count the entries the app made itself, and nothing else', () => {
    const c = compareTrails(here, [entry('dev-a', 0, 'a0')]);
    const setup = withoutSetup(c, ([d, s]) => d === 'dev-b' && s === 0);
    expect(setup).toEqual({ rewritten: [], lost: [['dev-a', 1, 'a1'], ['dev-a', 2, 'a2']], added: 0, here: 3 });
    // Only such entries here: nothing to say.
    expect(restoreTrailText(withoutSetup(compareTrails([['dev-b', 0, 'b0']], [entry('dev-x', 0, 'x0')]), () => true), 'UTC')).toBeNull();
  });
});

describe('restoreTrailText', () => {
  it('says nothing when this computer has recorded nothing', () => {
    expect(restoreTrailText(compareTrails([], [entry('dev-a', 0, 'a0')]), 'UTC')).toBeNull();
  });

  it('alerts when the two histories disagree, naming the first entry, and counts what would be lost', () => {
    const c = compareTrails(here, [entry('dev-a', 0, 'a0'), entry('dev-a', 1, 'XX'), entry('dev-b', 0, 'b0')]);
    const text = restoreTrailText(c, 'UTC', ON, { ...ON, action: 'decide' });
    expect(text?.tone).toBe('alert');
    expect(text?.text).toBe(
      '✗ The backup’s audit trail tells another history than this computer’s: 1 entry recorded here reads differently in the backup (change decision, by Morgan Ellis (Chair) on 2026-12-05). One of the two was rewritten, or this computer restored an earlier backup and went on from it. Restoring replaces this computer’s history with the backup’s; check where the backup came from first. 1 change recorded on this computer is not in the backup and would be lost (decide, by Morgan Ellis (Chair) on 2026-12-05).',
    );
  });

  it('warns of the changes an older backup would lose, and says when nothing recorded here is lost', () => {
    const older = restoreTrailText(compareTrails(here, [entry('dev-a', 0, 'a0')]), 'UTC', undefined, ON);
    expect(older).toEqual({ tone: 'warn', text: '3 changes recorded on this computer are not in the backup and would be lost (change decision, by Morgan Ellis (Chair) on 2026-12-05).' });
    expect(restoreTrailText(compareTrails(here, here.map(([d, s, h]) => entry(d, s, h))), 'UTC')).toEqual({ tone: 'ok', text: 'The backup’s trail holds all 4 entries recorded on this computer.' });
    expect(restoreTrailText(compareTrails(here.slice(0, 1), here.map(([d, s, h]) => entry(d, s, h))), 'UTC')?.text).toBe('The backup’s trail holds the 1 entry recorded on this computer, and 3 more.');
  });
});

describe('a restore on the record', () => {
  const restore = (after: unknown) => ({ at: '2026-12-05T13:00:00.000Z', actor: 'Priya Rao (HR partner)', action: 'restore backup', after });
  it('says which backup replaced everything, and lists what it discarded, oldest first', () => {
    const text = restoreRecordText(
      restore({
        file: 'levelset-2026-11-30.json',
        backupMadeAt: '2026-11-30T09:00:00.000Z',
        notInBackup: {
          count: 3,
          rewritten: 0,
          listed: [
            { at: '2026-12-01T10:00:00.000Z', actor: 'Dana Whitfield', action: 'reopen session', entityType: 'session', entityId: 's1', hash: 'a' },
            { at: '2026-12-01T11:00:00.000Z', actor: 'Dana Whitfield', action: 'change decision', entityType: 'decision', entityId: 'd1', hash: 'b' },
            { at: '2026-12-02T11:00:00.000Z', actor: 'Dana Whitfield', action: 'change decision', entityType: 'decision', entityId: 'd2', hash: 'c' },
          ],
        },
      }),
      'UTC',
    );
    expect(text.headline).toBe('2026-12-05: Priya Rao (HR partner) restored “levelset-2026-11-30.json”, made 2026-11-30. 3 entries recorded here were not in the backup and were discarded: change decision ×2, reopen session.');
    expect(text.discarded).toEqual(['2026-12-01 · reopen session · Dana Whitfield', '2026-12-01 · change decision · Dana Whitfield', '2026-12-02 · change decision · Dana Whitfield']);
  });

  it('says when nothing was discarded, and reads an entry written before restores were described', () => {
    expect(restoreRecordText(restore({ file: 'b.json', backupMadeAt: '2026-11-30T09:00:00.000Z', counts: {} }), 'UTC').headline).toBe('2026-12-05: Priya Rao (HR partner) restored “b.json”, made 2026-11-30. Nothing recorded here was left out.');
    expect(restoreRecordText(restore({ counts: { candidates: 3 }, auditEntries: 4 }), 'UTC')).toEqual({ headline: '2026-12-05: Priya Rao (HR partner) restored a backup.', discarded: [] });
  });
});
