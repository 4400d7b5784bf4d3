// @vitest-environment jsdom
/**
 * A candidate decided in two sessions of one cycle, recorded before the
 * write path refused a second decision: the Decisions page listed both rows
 * as if each were the candidate's decision, and nothing said so. It now says
 * how many such candidates there are and marks each row with the other
 * session.
 */
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { decidedInSeveralSessions } from '../../../shared/rules/session-candidates';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { DecisionsView } from '../../../renderer/features/decisions/decisions-view';

configure({ asyncUtilTimeout: 15_000 });
afterEach(cleanup);

describe('decidedInSeveralSessions', () => {
  it('lists the candidates with a decision other than Defer in two or more sessions, with those sessions', () => {
    const twice = decidedInSeveralSessions([
      { sessionId: 's1', candidateId: 'a', outcome: 'not-yet' },
      { sessionId: 's2', candidateId: 'a', outcome: 'promote' },
      { sessionId: 's1', candidateId: 'b', outcome: 'defer' },
      { sessionId: 's2', candidateId: 'b', outcome: 'promote' },
      { sessionId: 's1', candidateId: 'c', outcome: 'promote' },
      { sessionId: 's2', candidateId: 'd', outcome: 'promote-other' },
      { sessionId: 's3', candidateId: 'd', outcome: 'not-yet' },
      { sessionId: 's1', candidateId: 'd', outcome: 'promote' },
    ]);
    expect([...twice.entries()]).toEqual([
      ['a', ['s1', 's2']],
      ['d', ['s2', 's3', 's1']],
    ]);
  });
});

describe('the Decisions page', () => {
  it('says a candidate was decided in two sessions and marks both rows', { timeout: 30_000 }, async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
    await db.delete();
    await db.open();
    await loadSampleCycle(db, sample);
    const pilot = sample.sessions.find((s) => s.status === 'finalized')!;
    const week = sample.sessions.find((s) => s.status !== 'finalized')!;
    const first = sample.decisions.find((d) => d.sessionId === pilot.id && d.outcome === 'not-yet')!;
    const name = sample.candidates.find((c) => c.id === first.candidateId)!.name;
    // As stored before the rule: plain Dexie puts, no command.
    const row = (await db.sessions.get(week.id))!;
    await db.sessions.put({ ...row, blind: false, candidateIds: [...row.candidateIds, first.candidateId] });
    await db.decisions.put({ ...first, id: `${week.id}:${first.candidateId}`, sessionId: week.id, outcome: 'promote' });

    render(<DecisionsView />);
    const notice = await screen.findByRole('note');
    expect(notice.textContent).toContain('1 candidate decided in more than one session of this cycle');
    const inWeek = within(screen.getByRole('table', { name: `Decisions in ${week.name}` })).getByRole('row', { name: new RegExp(name) });
    expect(inWeek.textContent).toContain(`Also decided in ${pilot.name}`);
    const inPilot = within(screen.getByRole('table', { name: `Decisions in ${pilot.name}` })).getByRole('row', { name: new RegExp(name) });
    expect(inPilot.textContent).toContain(`Also decided in ${week.name}`);
    // Only that candidate is marked.
    expect(screen.getAllByText(/^Also decided in/)).toHaveLength(2);
    // Each session's exports are named with it: the same names twice could not be told apart by a screen reader.
    for (const s of [week, pilot]) {
      expect(screen.getByRole('button', { name: `Export CSV of ${s.name}` })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Decision book (PDF) of ${s.name}` })).toBeTruthy();
    }
  });

  it('marks a decision changed after its session was reopened, and only that one', { timeout: 30_000 }, async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 60 });
    await db.delete();
    await db.open();
    await loadSampleCycle(db, sample);
    const pilot = sample.sessions.find((s) => s.status === 'finalized')!;
    const [changed, kept] = sample.decisions.filter((d) => d.sessionId === pilot.id);
    const name = (id: string) => sample.candidates.find((c) => c.id === id)!.name;
    await db.decisions.put({ ...changed!, outcome: 'not-yet', earlier: [{ outcome: changed!.outcome, newLevelId: changed!.newLevelId, decidedAt: changed!.decidedAt, changedAt: '2026-12-05T12:00:00.000Z' }] });
    // The finalized session shows its frozen record: the change is made where a reopened session's rows are read.
    const row = (await db.sessions.get(pilot.id))!;
    await db.sessions.put({ ...row, status: 'live', record: null, blind: false });

    render(<DecisionsView />);
    const table = await screen.findByRole('table', { name: `Decisions in ${pilot.name}` });
    expect(within(table).getByRole('row', { name: new RegExp(name(changed!.candidateId)) }).textContent).toContain('Changed after reopening');
    expect(within(table).getByRole('row', { name: new RegExp(name(kept!.candidateId)) }).textContent).not.toContain('Changed after reopening');
    expect(within(table).getAllByText('Changed after reopening')).toHaveLength(1);
  });

  it('flags a decision against its final votes, and one without any, as the book and the CSV do', { timeout: 30_000 }, async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 60 });
    await db.delete();
    await db.open();
    await loadSampleCycle(db, sample);
    const pilot = sample.sessions.find((s) => s.status === 'finalized')!;
    const name = (id: string) => sample.candidates.find((c) => c.id === id)!.name;
    // The final votes of each decided candidate, counted here by outcome.
    const finals = (candidateId: string) => sample.votes.filter((v) => v.sessionId === pilot.id && v.candidateId === candidateId && v.phase === 'post');
    const decided = sample.decisions.filter((d) => d.sessionId === pilot.id);
    const withVotes = decided.filter((d) => finals(d.candidateId).length > 0 && finals(d.candidateId).every((v) => v.outcome === d.outcome));
    const [against, without, follows] = withVotes;
    const majority = finals(against!.candidateId)[0]!.outcome;
    expect(majority).not.toBe('defer');
    await db.decisions.put({ ...against!, outcome: 'defer', newLevelId: null });
    await db.votes.bulkDelete(finals(without!.candidateId).map((v) => v.id));
    const row = (await db.sessions.get(pilot.id))!;
    await db.sessions.put({ ...row, status: 'live', record: null, blind: false });

    render(<DecisionsView />);
    const table = await screen.findByRole('table', { name: `Decisions in ${pilot.name}` });
    const rowOf = (id: string) => within(table).getByRole('row', { name: new RegExp(name(id)) }).textContent;
    const label = { promote: 'Promote', 'not-yet': 'Not yet', 'promote-other': 'Promote to another level', defer: 'Defer' }[majority];
    const n = finals(against!.candidateId).length;
    expect(rowOf(against!.candidateId)).toContain(`Against the final votes: ${label} ${n} of ${n}`);
    expect(rowOf(without!.candidateId)).toContain('No final votes');
    expect(rowOf(follows!.candidateId)).not.toMatch(/final votes/);
  });
});
