/**
 * One manager whose name was typed in another case on one candidate is one
 * manager on every screen that groups by manager: the session's Managers view
 * (and a blind session's pseudonyms), the Packets list's Manager filter, and
 * the candidate form's suggestions. A trial (session 35) saw "zoë ångström"
 * and "Zoë Ångström" as two managers, each with part of the candidates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { managerCalibration } from '../../../shared/calibration/managers';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { packetListFacets, packetListRows } from '../../../shared/packets/packet-list';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { candidateSuggestions } from '../../../renderer/db/candidates';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { packetListData } from '../../../renderer/db/packet-list';
import { loadCycleDecisions, loadSessionCandidates, loadSessionData } from '../../../renderer/db/session-hooks';
import { blindNames } from '../../../shared/calibration/pseudonyms';
import { nameKey as nameKeyOf } from '../../../shared/rules/record-name';

const AT = '2026-12-06T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 40 });
let db: LevelsetDatabase;
let n = 0;
/** The sample's busiest manager, and one of their candidates saved with the name in lower case. */
let manager: string;
let retyped: string;

beforeEach(async () => {
  db = new LevelsetDatabase(`one-manager-${++n}`);
  await db.open();
  await commands.loadSampleCycle(db, sample);
  const count = new Map<string, number>();
  for (const c of sample.candidates) count.set(c.manager, (count.get(c.manager) ?? 0) + 1);
  manager = [...count].sort((a, b) => b[1] - a[1])[0]![0];
  const theirs = sample.candidates.find((c) => c.manager === manager)!;
  retyped = manager.toLocaleLowerCase();
  expect(retyped).not.toBe(manager);
  await commands.saveCandidate(db, { ...theirs, targetLevelId: theirs.targetLevelId!, manager: retyped }, AT);
  expect((await db.candidates.get(theirs.id))!.manager).toBe(retyped);
});
afterEach(() => db.delete());

const managerCount = new Set(sample.candidates.map((c) => c.manager)).size;

async function sessionOfAll(blind: boolean) {
  const session = await commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'All', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind },
    AT,
  );
  return (await loadSessionData(db, session.id))!;
}

describe('a manager whose name was typed in two cases', () => {
  it('is one manager in the Managers view, with all their candidates', async () => {
    const data = await sessionOfAll(false);
    const view = managerCalibration({ candidates: data.candidates, coverage: data.coverage, packets: data.packets, decisions: data.decisions, framework: data.framework });
    expect(view.managers.map((m) => m.manager)).toHaveLength(managerCount);
    expect(view.managers.map((m) => m.manager)).not.toContain(retyped);
    const stats = view.managers.find((m) => m.manager === manager)!;
    expect(stats.candidateIds).toHaveLength(sample.candidates.filter((c) => c.manager === manager).length);
  });

  it('has one pseudonym in a blind session', async () => {
    const data = await sessionOfAll(true);
    expect(new Set(data.candidates.map((c) => c.manager)).size).toBe(managerCount);
  });

  it('has one pseudonym in a blind session’s Decisions rows, which its CSV is made from', async () => {
    const data = await sessionOfAll(true);
    const rows = (await loadCycleDecisions(db, sample.cycle.id)).find((r) => r.session.id === data.session.id)!;
    expect(new Set(rows.candidates.map((c) => c.manager)).size).toBe(managerCount);
    // Whatever spelling it is given, a session's look-up names one manager once.
    const names = blindNames('salt', { managers: [manager, retyped, 'Someone Else'] });
    expect(names.manager(retyped)).toBe(names.manager(manager));
    expect(names.manager('Someone Else')).not.toBe(names.manager(manager));
  });

  it('is shown in the cycle’s spelling in a finalized record too', async () => {
    // Only the candidate whose manager was retyped, and one of another manager: the record alone would spell it in lower case.
    const retypedOne = (await db.candidates.toArray()).find((c) => c.manager === retyped)!;
    const ids = [retypedOne.id, sample.candidates.find((c) => nameKeyOf(c.manager) !== nameKeyOf(manager))!.id];
    const session = await commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Theirs', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: ids, orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      AT,
    );
    for (const candidateId of ids)
      await commands.saveDecision(db, { sessionId: session.id, candidateId, outcome: 'defer', newLevelId: null, rationale: 'Another quarter of evidence first.', citedCriterionIds: [], nextSteps: ['One more quarter.'], dissent: '' }, AT);
    await commands.finalizeSession(db, session.id, AT);
    const data = { session };
    const frozen = (await loadSessionData(db, data.session.id))!;
    expect(frozen.session.status).toBe('finalized');
    expect(frozen.candidates.find((c) => c.id === retypedOne.id)!.manager).toBe(manager);
  });

  it('is one entry in the Packets list’s Manager filter, and the suggestions', async () => {
    const read = await packetListData(db, sample.cycle.id);
    const rows = packetListRows({ framework: null, packets: read.packets, candidates: read.candidates, readiness: read.readiness });
    const facets = packetListFacets(rows, new Map(), ['draft', 'submitted']);
    expect(facets.managers).toHaveLength(managerCount);
    expect(facets.managers).toContain(manager);
    expect((await candidateSuggestions(db, sample.cycle.id)).managers).toHaveLength(managerCount);
    // The New session form's Manager filter offered both spellings, and choosing one left the other's candidates out.
    const offered = (await loadSessionCandidates(db, sample.cycle.id)).candidates;
    expect(new Set(offered.map((c) => c.manager)).size).toBe(managerCount);
    expect(offered.filter((c) => c.manager === manager)).toHaveLength(sample.candidates.filter((c) => c.manager === manager).length);
  });
});
