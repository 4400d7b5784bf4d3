import { describe, expect, it } from 'vitest';
import { eventMsgId, eventSubject, isChairEvent, makeEvent, SessionEventSchema, streamName, streamSubjects, SubjectTokenSchema, type EventDraft } from '../../../../shared/connected/events';
import { serverUrlProblem, ConnectionSettingsSchema } from '../../../../shared/connected/state';

const AT = '2026-11-20T10:00:00.000Z';
const base = { cycleId: 'cycle-1', sessionId: 'session_1', createdAt: AT };
const commit: EventDraft = { ...base, type: 'vote.commit', actor: { memberId: 'm2', role: 'member' }, candidateId: 'cand-1', phase: 'pre', commitment: 'a'.repeat(64) };
const decision: EventDraft = { ...base, type: 'decision', actor: { memberId: 'm1', role: 'chair' }, candidateId: 'cand-1', outcome: 'promote', newLevelId: null, rationale: 'Strong evidence.', citedCriterionIds: [], nextSteps: [], dissent: '' };

describe('session events', () => {
  it('go to the member’s own vote subject or the chair’s subject, in one stream per cycle', () => {
    expect(eventSubject(makeEvent(commit))).toBe('levelset.cycle.cycle-1.session.session_1.member.m2.vote');
    expect(eventSubject(makeEvent(decision))).toBe('levelset.cycle.cycle-1.session.session_1.chair.decision');
    expect(eventSubject(makeEvent({ ...base, type: 'session.finalize', actor: { memberId: 'm1', role: 'chair' } }))).toBe('levelset.cycle.cycle-1.session.session_1.chair.finalize');
    expect(streamName('cycle-1')).toBe('LEVELSET_CYCLE_cycle-1');
    expect(streamSubjects('cycle-1')).toEqual(['levelset.cycle.cycle-1.>']);
    expect(isChairEvent(makeEvent(decision))).toBe(true);
    expect(isChairEvent(makeEvent(commit))).toBe(false);
  });

  it('refuse ids that would change the subject (dots, wildcards, spaces) or are empty', () => {
    for (const bad of ['a.b', 'a*', '>', 'a b', '', 'é', 'x'.repeat(101)]) expect(SubjectTokenSchema.safeParse(bad).success, bad).toBe(false);
    expect(() => makeEvent({ ...commit, actor: { memberId: 'm2.chair', role: 'member' } })).toThrow();
    expect(() => makeEvent({ ...commit, sessionId: 'x.>' })).toThrow();
    expect(() => streamName('c.1')).toThrow();
  });

  it('have a message id that the same action always gets and another action never does', () => {
    const first = makeEvent(commit);
    expect(makeEvent(commit).msgId).toBe(first.msgId);
    expect(eventMsgId(first)).toBe(first.msgId);
    expect(makeEvent({ ...commit, createdAt: '2026-11-20T10:00:01.000Z' }).msgId).not.toBe(first.msgId);
    expect(makeEvent({ ...commit, commitment: 'b'.repeat(64) }).msgId).not.toBe(first.msgId);
    expect(first.msgId.startsWith('vote.commit:')).toBe(true);
    // A copied id on other content is detectable.
    expect(eventMsgId(Object.assign({}, first, { commitment: 'c'.repeat(64) }))).not.toBe(first.msgId);
  });

  it('refuse unknown fields and versions', () => {
    const event = makeEvent(commit);
    expect(SessionEventSchema.safeParse({ ...event, vote: { outcome: 'promote', levelId: null } }).success).toBe(false);
    expect(SessionEventSchema.safeParse({ ...event, v: 2 }).success).toBe(false);
    expect(SessionEventSchema.safeParse({ ...event, createdAt: '2026-11-20T12:00:00+02:00' }).success).toBe(false);
  });
});

describe('connection settings', () => {
  it('take wss:// anywhere and ws:// only on this machine', () => {
    expect(serverUrlProblem('wss://nats.example.com')).toBeNull();
    expect(serverUrlProblem(' wss://nats.example.com:8443/ws ')).toBeNull();
    for (const ok of ['ws://127.0.0.1:4222', 'ws://localhost:9222', 'ws://[::1]:80', 'ws://127.3.2.1']) expect(serverUrlProblem(ok), ok).toBeNull();
    for (const bad of ['ws://nats.example.com', 'ws://127.0.0.1.example.com', 'ws://localhost.example.com', 'http://localhost', 'nats://localhost:4222', 'javascript:alert(1)', 'not a url', 'wss://user:pw@nats.example.com']) {
      expect(serverUrlProblem(bad), bad).not.toBeNull();
    }
  });

  it('name the auth kinds the server may use', () => {
    const settings = { cycleId: 'c1', serverUrl: 'wss://n.example.com', identity: { memberId: 'm1', role: 'chair', name: 'Morgan' }, updatedAt: AT };
    const seed = `SU${'A'.repeat(56)}`;
    for (const auth of [{ kind: 'user-password', user: 'u', password: 'p' }, { kind: 'token', token: 't' }, { kind: 'nkey', seed }, { kind: 'creds', jwt: 'aaa.bbb.ccc', seed }]) {
      expect(ConnectionSettingsSchema.safeParse({ ...settings, auth }).success, auth.kind).toBe(true);
    }
    expect(ConnectionSettingsSchema.safeParse({ ...settings, auth: { kind: 'nkey', seed: 'SAxyz' } }).success).toBe(false);
    expect(ConnectionSettingsSchema.safeParse({ ...settings, auth: { kind: 'token', token: '' } }).success).toBe(false);
  });
});
