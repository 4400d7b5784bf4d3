/**
 * Edit details in a connected session (no network): the chair's app changes
 * the session's name and timebox and sends them to every member as
 * session.update; its committee stays as connected (each member's app signs
 * votes as one of its members), and a member's app, or a chair's app that
 * does not chair this session, changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chairOpenSessions } from '../../../../renderer/db/connected';
import { editSessionDetails } from '../../../../renderer/db/sessions';
import { CONNECTED_CHAIR_ONLY, CONNECTED_COMMITTEE_FIXED } from '../../../../shared/connected/committee';
import { cast, catchUp, closeAll, FakeStream, later, machine, sample } from './harness';

afterEach(closeAll);

describe('Edit details in a connected session', () => {
  it('the chair’s new name and timebox reach a member’s app as session.update', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const member = await machine(s, c.m2);
    const stream = new FakeStream();
    await chairOpenSessions(chairDb, c.cycleId);
    await stream.drain(chairDb);
    await catchUp(member, stream, c.stream);

    await editSessionDetails(chairDb, c.session.id, { name: 'Week 1, moved to Thursday', members: c.session.members, timeboxMinutes: 25 }, later(1));
    const queued = await chairOpenSessions(chairDb, c.cycleId, later(1));
    expect(queued.map((e) => e.type)).toEqual(['session.update']);
    await stream.drain(chairDb);
    await catchUp(member, stream, c.stream);

    const there = (await member.sessions.get(c.session.id))!;
    expect(there.name).toBe('Week 1, moved to Thursday');
    expect(there.timeboxMinutes).toBe(25);
    expect(there.members).toEqual(c.session.members);
  });

  it('refuses a change to the committee on the chair’s app, and saves nothing', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const fewer = c.session.members.filter((m) => m.id !== c.m3.id);
    await expect(editSessionDetails(chairDb, c.session.id, { name: c.session.name, members: fewer, timeboxMinutes: 30 }, later(1))).rejects.toThrow(CONNECTED_COMMITTEE_FIXED);
    const renamed = c.session.members.map((m) => (m.id === c.m2.id ? { ...m, name: 'Someone Else' } : m));
    await expect(editSessionDetails(chairDb, c.session.id, { name: c.session.name, members: renamed, timeboxMinutes: 30 }, later(1))).rejects.toThrow(CONNECTED_COMMITTEE_FIXED);
    const stored = (await chairDb.sessions.get(c.session.id))!;
    expect(stored.members).toEqual(c.session.members);
    expect(stored.timeboxMinutes).toBe(c.session.timeboxMinutes);
  });

  it('refuses on a member’s app: only the chair’s app sends the change to the committee', async () => {
    const s = sample();
    const c = cast(s);
    const member = await machine(s, c.m2);
    await expect(editSessionDetails(member, c.session.id, { name: 'Renamed here', members: c.session.members, timeboxMinutes: 30 }, later(1))).rejects.toThrow(CONNECTED_CHAIR_ONLY);
    expect((await member.sessions.get(c.session.id))!.name).toBe(c.session.name);
  });

  it('refuses on a chair’s app acting as a member who does not chair this session (its change would never be sent)', async () => {
    const s = sample();
    const c = cast(s);
    const db = await machine(s, { ...c.m2, role: 'chair' });
    await expect(editSessionDetails(db, c.session.id, { name: 'Renamed here', members: c.session.members, timeboxMinutes: 30 }, later(1))).rejects.toThrow(CONNECTED_CHAIR_ONLY);
  });
});
