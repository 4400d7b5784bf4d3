/**
 * The user's profile in storage: what readProfile returns for a fresh,
 * upgraded or damaged database, and what saveProfile accepts and stores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../renderer/db/audit';
import { loadSessionAudit } from '../../../renderer/db/session-hooks';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { ProfileInvalidError, profileProblems, readProfile, saveProfile } from '../../../renderer/db/profile';
import { PROFILE_KEY } from '../../../shared/domain/profile';

let db: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`profile-test-${++n}`);
  await db.open();
});
afterEach(async () => db.delete());

describe('readProfile', () => {
  it('is null on a fresh database', async () => {
    expect(await readProfile(db)).toBeNull();
  });

  it('keeps the name of a copy that stored only a user name before profiles existed', async () => {
    await db.meta.put({ key: 'userName', value: '  Morgan Ellis ' });
    expect(await readProfile(db)).toEqual({ name: 'Morgan Ellis', role: '' });
  });

  it('ignores a blank legacy user name', async () => {
    await db.meta.put({ key: 'userName', value: '   ' });
    expect(await readProfile(db)).toBeNull();
  });

  it('treats a stored profile that does not validate as missing, even beside a legacy name', async () => {
    await db.meta.put({ key: 'userName', value: 'Morgan Ellis' });
    await db.meta.put({ key: PROFILE_KEY, value: { name: '', role: 'Committee chair' } });
    expect(await readProfile(db)).toBeNull();
    await db.meta.put({ key: PROFILE_KEY, value: 'Morgan' });
    expect(await readProfile(db)).toBeNull();
  });

  it('prefers the profile to the legacy name', async () => {
    await db.meta.put({ key: 'userName', value: 'Old Name' });
    await saveProfile(db, { name: 'Priyanka Rao', role: 'HR partner' });
    expect(await readProfile(db)).toEqual({ name: 'Priyanka Rao', role: 'HR partner' });
  });
});

describe('saveProfile', () => {
  it('stores the trimmed profile in the meta row and returns it', async () => {
    const saved = await saveProfile(db, { name: '  Dana Whitfield  ', role: ' Committee chair ' });
    expect(saved).toEqual({ name: 'Dana Whitfield', role: 'Committee chair' });
    expect(await db.meta.get(PROFILE_KEY)).toEqual({ key: PROFILE_KEY, value: { name: 'Dana Whitfield', role: 'Committee chair' } });
    expect(await readProfile(db)).toEqual(saved);
  });

  it('accepts an empty role and replaces an earlier profile', async () => {
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
    await saveProfile(db, { name: 'Sam Okafor', role: '' });
    expect(await readProfile(db)).toEqual({ name: 'Sam Okafor', role: '' });
  });

  it('refuses a blank name with a message for the name field, and writes nothing', async () => {
    const error = await saveProfile(db, { name: '   ', role: 'Committee chair' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileInvalidError);
    expect((error as ProfileInvalidError).problems).toEqual({ name: 'Give your name: it is recorded on every change you make.' });
    expect(await db.meta.get(PROFILE_KEY)).toBeUndefined();
  });

  it('refuses names and roles of more than 120 characters, and keeps the earlier profile', async () => {
    await saveProfile(db, { name: 'Dana Whitfield', role: '' });
    const error = await saveProfile(db, { name: 'x'.repeat(121), role: 'y'.repeat(121) }).catch((e: unknown) => e);
    expect((error as ProfileInvalidError).problems).toEqual({ name: 'Keep the name under 120 characters.', role: 'Keep the role under 120 characters.' });
    expect(await readProfile(db)).toEqual({ name: 'Dana Whitfield', role: '' });
    // 120 characters exactly is allowed.
    expect(profileProblems({ name: 'x'.repeat(120), role: 'y'.repeat(120) })).toEqual({});
  });

  it('records a change of name or role in the audit trail, signed with the name before; the first choice and a save that changes nothing add no entry', async () => {
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Chair' });
    expect(await db.audit.count()).toBe(0);
    await saveProfile(db, { name: 'Morgan Ellis', role: 'Chair' });
    await saveProfile(db, { name: 'Morgan Ellis', role: 'Chair' });
    await saveProfile(db, { name: 'Morgan Ellis', role: 'HR partner' });
    const entries = (await db.audit.toArray()).sort((a, b) => a.seq - b.seq);
    expect(entries.map(({ actor, entityType, action, before, after }) => ({ actor, entityType, action, before, after }))).toEqual([
      { actor: 'Dana Whitfield (Chair)', entityType: 'profile', action: 'change name or role', before: { name: 'Dana Whitfield', role: 'Chair' }, after: { name: 'Morgan Ellis', role: 'Chair' } },
      { actor: 'Morgan Ellis (Chair)', entityType: 'profile', action: 'change name or role', before: { name: 'Morgan Ellis', role: 'Chair' }, after: { name: 'Morgan Ellis', role: 'HR partner' } },
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});

describe('a session’s audit tab', () => {
  it('lists the changes of name since the session began, between the entries they sign', async () => {
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Chair' }, '2026-12-01T09:00:00.000Z');
    // A change of name before the session began: not its business.
    await saveProfile(db, { name: 'Dana W.', role: 'Chair' }, '2026-12-01T10:00:00.000Z');
    const entries = () => loadSessionAudit(db, { id: 'no-such-session', createdAt: '2026-12-02T09:00:00.000Z', cycleId: 'no-such-cycle', candidateIds: [] });
    expect(await entries()).toEqual([]);
    await saveProfile(db, { name: 'Morgan Ellis', role: 'Chair' }, '2026-12-03T09:00:00.000Z');
    expect((await entries()).map((e) => [e.actor, e.action, e.after])).toEqual([['Dana W. (Chair)', 'change name or role', { name: 'Morgan Ellis', role: 'Chair' }]]);
  });
});
