/**
 * A blind session's data, as every output reads it: the session hook's rows
 * (screens, the decision book, the decision PDF) and the Decisions page's
 * rows (its CSV) carry no real name of a candidate, manager or team, even
 * where a rationale, next step, dissent, summary or evidence title names
 * them; the decision book and the CSV built from them neither.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import { compareNames } from '../../../shared/calibration/common';
import { decisionsCsv } from '../../../shared/export/decisions-csv';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadCycleDecisions, loadSessionBookData, loadSessionData } from '../../../renderer/db/session-hooks';

const AT = '2026-11-20T10:00:00.000Z';
const AS_ROWS: BlindNames = { salt: '', candidate: (id) => id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };

let db: LevelsetDatabase;
let sample: SampleCycle;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`blind-session-data-${++n}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
  await commands.loadSampleCycle(db, sample);
  await commands.saveProfile(db, { name: 'Dana Whitfield', role: 'chair' });
});
afterEach(async () => db.delete());

function realWords(): string[] {
  const words = new Set<string>();
  for (const c of sample.candidates) for (const w of [c.name, ...c.name.split(' '), c.manager, ...c.manager.split(' '), c.team]) words.add(w);
  return [...words];
}

function leaks(text: string): string[] {
  return realWords().filter((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').test(text));
}

async function blindSessionWithNamesEverywhere(finalize: boolean) {
  const everyone = realWords().join(', ');
  const reviewed = sample.candidates.filter((c) => sample.packets.some((p) => p.candidateId === c.id && p.status === 'submitted')).slice(0, 3);
  const session = await commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Blind week', members: [{ id: 'm1', name: 'Dana Whitfield', role: 'chair' }], candidateIds: reviewed.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: true },
    AT,
  );
  for (const c of reviewed) {
    const criterion = sample.framework.criteria.find((k) => k.levelId === c.targetLevelId)!.id;
    await commands.saveDecision(db, { sessionId: session.id, candidateId: c.id, outcome: 'not-yet', newLevelId: null, rationale: `Rationale: ${everyone}`, citedCriterionIds: [criterion], nextSteps: [`Step: ${everyone}`], dissent: `Dissent: ${everyone}` }, AT);
  }
  if (finalize) await commands.finalizeSession(db, session.id, AT);
  return session;
}

describe('a blind session', () => {
  for (const finalize of [false, true]) {
    it(`${finalize ? 'finalized' : 'live'}: the hook's rows, the book and the CSV name nobody`, async () => {
      const session = await blindSessionWithNamesEverywhere(finalize);
      const data = (await loadSessionData(db, session.id))!;
      const book = (await loadSessionBookData(db, session.id))!;
      expect(data.decisions.length).toBe(3);
      expect(data.decisions[0]!.rationale).toMatch(/^Rationale: /);
      const { redaction: _r, ...rows } = data;
      expect(leaks(JSON.stringify(rows))).toEqual([]);
      const { redaction: _b, ...bookRows } = book;
      expect(leaks(JSON.stringify(bookRows))).toEqual([]);
      expect(leaks(JSON.stringify(buildDecisionBook({ ...book, names: AS_ROWS, printedAt: AT })))).toEqual([]);
      const cycle = (await loadCycleDecisions(db, sample.cycle.id)).find((s) => s.session.id === session.id)!;
      const csv = decisionsCsv({ decisions: cycle.decisions, candidates: cycle.candidates, framework: cycle.framework!, sessions: [cycle.session] });
      expect(csv.split('\n').length).toBeGreaterThan(3);
      expect(leaks(csv)).toEqual([]);
      // The same pseudonyms on screen and in the CSV.
      expect(cycle.candidates.map((c) => c.name).sort()).toEqual(data.candidates.map((c) => c.name).sort());
    });
  }
});

describe('a blind session’s refusals', () => {
  it('name no candidate a session’s name holds: a finalized session says “This session is finalized”', async () => {
    const c = sample.candidates.find((x) => sample.packets.some((p) => p.candidateId === x.id && p.status === 'submitted'))!;
    const session = await commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: `Follow-up for ${c.name}`, members: [{ id: 'm1', name: 'Dana Whitfield', role: 'chair' }], candidateIds: [c.id], orderMode: 'by-level', timeboxMinutes: 8, blind: true },
      AT,
    );
    const criterion = sample.framework.criteria.find((k) => k.levelId === c.targetLevelId)!.id;
    await commands.saveDecision(db, { sessionId: session.id, candidateId: c.id, outcome: 'not-yet', newLevelId: null, rationale: 'Another quarter of evidence first.', citedCriterionIds: [criterion], nextSteps: ['More evidence.'], dissent: '' }, AT);
    await commands.finalizeSession(db, session.id, AT);
    const refused = await commands.recordVote(db, { sessionId: session.id, candidateId: c.id, memberId: 'm1', phase: 'post', outcome: 'promote' }, AT).catch((e: Error) => e.message);
    expect(refused).toMatch(/^This session is finalized/);
    expect(leaks(String(refused))).toEqual([]);
  });
});

describe('hiding the names of a session created with them', () => {
  // Created in level order by name, then "Hide names": the order told the room who each pseudonym was.
  beforeEach(async () => {
    // The usual sample's size: six candidates go for IC3.
    await db.delete();
    db = new LevelsetDatabase(`blind-session-data-${++n}`);
    await db.open();
    sample = generateSampleCycle(ic0M3Levels, { candidates: 42 });
    await commands.loadSampleCycle(db, sample);
    await commands.saveProfile(db, { name: 'Dana Whitfield', role: 'chair' });
  });

  async function namedSession() {
    const reviewed = sample.candidates.filter((c) => sample.packets.some((p) => p.candidateId === c.id && p.status === 'submitted'));
    const mine = reviewed.filter((c) => c.targetLevelId === 'ic0m3-ic3').sort((a, b) => compareNames(a.name, b.name));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    return commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 2', members: [{ id: 'm1', name: 'Dana Whitfield', role: 'chair' }], candidateIds: mine.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      AT,
    );
  }

  it('orders the candidates by the pseudonyms they now show, when nothing has been reviewed yet', async () => {
    const session = await namedSession();
    expect(await commands.setBlind(db, session.id, true, AT)).toBe('hidden-by-pseudonym');
    const data = (await loadSessionData(db, session.id))!;
    const shown = data.session.candidateIds.map((id) => data.candidates.find((c) => c.id === id)!.name);
    expect(leaks(shown.join(' '))).toEqual([]);
    expect(shown).toEqual([...shown].sort(compareNames));
    expect(new Set(data.session.candidateIds)).toEqual(new Set(session.candidateIds));
  });

  it('keeps the order once a vote is cast, so nobody’s place moves under the committee', async () => {
    const session = await namedSession();
    await commands.recordVote(db, { sessionId: session.id, candidateId: session.candidateIds[0]!, memberId: 'm1', phase: 'pre', outcome: 'promote' }, AT);
    expect(await commands.setBlind(db, session.id, true, AT)).toBe('hidden-order-kept');
    expect((await db.sessions.get(session.id))!.candidateIds).toEqual(session.candidateIds);
  });

  it('says nothing was kept from the names when a session created blind is hidden again after a vote: it is in pseudonym order already', async () => {
    const session = await namedSession();
    await commands.setBlind(db, session.id, true, AT);
    const byPseudonym = (await db.sessions.get(session.id))!.candidateIds;
    expect(await commands.setBlind(db, session.id, false, AT)).toBe('revealed');
    await commands.recordVote(db, { sessionId: session.id, candidateId: byPseudonym[0]!, memberId: 'm1', phase: 'pre', outcome: 'promote' }, AT);
    expect(await commands.setBlind(db, session.id, true, AT)).toBe('hidden');
    expect(await commands.setBlind(db, session.id, true, AT)).toBe('unchanged');
    expect((await db.sessions.get(session.id))!.candidateIds).toEqual(byPseudonym);
  });
});
