/**
 * A decision that departs from the final votes says so on its printed page:
 * the decision form warns the chair before saving, and the reader of the
 * book months later must see the same (found trying the chair's flow: a
 * reopened session changed a decision from Defer to Promote against three
 * Defer votes, and the page showed both without a word).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadBook } from '../../../renderer/db/session-book';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import type { Outcome } from '../../../shared/domain';

const AT = '2026-11-20T10:00:00.000Z';
const REAL: BlindNames = { salt: '', candidate: (id) => id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };
const sample = generateSampleCycle(ic0M3Levels, { candidates: 20 });
const MEMBERS = [
  { id: 'm1', name: 'Morgan Ellis', role: 'chair' as const },
  { id: 'm2', name: 'Priyanka Rao', role: 'member' as const },
  { id: 'm3', name: 'Lukas Brandt', role: 'member' as const },
];
let db: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`book-against-votes-${++n}`);
  await db.open();
  await commands.loadSampleCycle(db, { ...sample, sessions: [], votes: [], decisions: [] });
});
afterEach(() => db.delete());

describe('a decision page', () => {
  it('says when the decision went against the final votes’ majority, or was made without final votes', async () => {
    const ids = sample.packets.filter((p) => p.status === 'submitted').map((p) => p.candidateId).slice(0, 4);
    expect(ids).toHaveLength(4);
    const session = await commands.createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members: MEMBERS, candidateIds: ids, orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
    const vote = (candidateId: string, memberId: string, outcome: Outcome) => commands.recordVote(db, { sessionId: session.id, candidateId, memberId, phase: 'post', outcome }, AT);
    const decide = (candidateId: string, outcome: 'promote' | 'defer') =>
      commands.saveDecision(db, { sessionId: session.id, candidateId, outcome, newLevelId: null, rationale: 'Late evidence reviewed.', citedCriterionIds: [], nextSteps: outcome === 'defer' ? ['Another quarter.'] : [], dissent: '' }, AT);
    const [against, follows, without, split] = ids as [string, string, string, string];
    for (const m of MEMBERS) await vote(against, m.id, 'defer');
    await decide(against, 'promote');
    await vote(follows, 'm1', 'promote');
    await vote(follows, 'm2', 'promote');
    await vote(follows, 'm3', 'defer');
    await decide(follows, 'promote');
    await decide(without, 'defer');
    // No majority (one each of three outcomes): nothing to depart from.
    await vote(split, 'm1', 'promote');
    await vote(split, 'm2', 'defer');
    await vote(split, 'm3', 'not-yet');
    await decide(split, 'defer');

    const book = buildDecisionBook({ ...(await loadBook(db, session.id))!, names: REAL, printedAt: AT, timeZone: 'UTC' });
    const line = (id: string) => book.pages.find((p) => p.candidateId === id)?.againstVotes;
    expect(line(against)).toBe('Decided against the final votes: their majority was Defer (3 of 3).');
    expect(line(follows)).toBeNull();
    expect(line(without)).toBe('Decided without final votes: none were recorded for this candidate.');
    expect(line(split)).toBeNull();
  });
});
