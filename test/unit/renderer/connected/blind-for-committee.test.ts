/**
 * Hiding and revealing names in a connected session is the committee's setting. A trial's chair clicked "Hide names":
 * the chair's screen went blind and every member's still showed the names; a member could also hide and reveal the
 * names on their own screen. The chair's app now sends the setting with the session's definition (session.update
 * `blind`), every app applies it, and a member's app refuses to change it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chairOpenSessions } from '../../../../renderer/db/connected';
import { BLIND_CHAIR_ONLY, setBlind } from '../../../../renderer/db/sessions';
import { cast, closeAll, FakeStream, later, machine, sample, syncAll } from './harness';

afterEach(closeAll);

describe('names hidden or shown in a connected session', () => {
  it('follow the chair on every machine, and only the chair changes them', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const m2Db = await machine(s, c.m2);
    const all = [chairDb, m2Db];
    const stream = new FakeStream();
    const sync = () => syncAll(all, stream, c.stream);
    const blindOn = async () => Promise.all(all.map(async (db) => (await db.sessions.get(c.session.id))?.blind));
    await chairOpenSessions(chairDb, c.cycleId, later(1));
    await sync();
    const start = c.session.blind;
    expect(await blindOn()).toEqual([start, start]);

    // A member's app refuses, and writes nothing.
    await expect(setBlind(m2Db, c.session.id, !start, later(2))).rejects.toThrow(BLIND_CHAIR_ONLY);
    expect(await blindOn()).toEqual([start, start]);

    // The chair's change goes to the committee with the session's definition.
    await setBlind(chairDb, c.session.id, !start, later(3), 'The committee agreed to see names for the last round.');
    const sent = await chairOpenSessions(chairDb, c.cycleId, later(4));
    expect(sent.map((e) => [e.type, 'blind' in e ? e.blind : undefined])).toEqual([['session.update', !start]]);
    await sync();
    expect(await blindOn()).toEqual([!start, !start]);

    // And back again.
    await setBlind(chairDb, c.session.id, start, later(5));
    await chairOpenSessions(chairDb, c.cycleId, later(6));
    await sync();
    expect(await blindOn()).toEqual([start, start]);
    // Nothing more to send: the definition sent is the one here.
    expect(await chairOpenSessions(chairDb, c.cycleId, later(7))).toEqual([]);
  });
});
