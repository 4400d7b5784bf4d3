/**
 * Renaming a candidate (or changing their manager) after their packet was submitted: the candidate row keeps the
 * names it went by, on this computer and in a bundle to another, and a blind session's redaction withholds them in
 * the submitted text (a new-user trial read "[name withheld] Quist wrote…" in a blind session after such a rename).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSessionData } from '../../../renderer/db/session-hooks';

const AT = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-21T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 30, seed: 3 });
let db: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`candidate-rename-blind-${++n}`);
  await db.open();
  await commands.loadSampleCycle(db, sample, '2026-11-19T10:00:00.000Z');
});
afterEach(() => db.delete());

describe('a candidate renamed after submitting', () => {
  it('keeps the earlier names on the row, across a bundle, and a blind session withholds them in the submitted text', async () => {
    const packet = sample.packets.find((p) => p.status === 'submitted' && p.revision === 1)!;
    const before = (await db.candidates.get(packet.candidateId))!;
    // Revision 2's summary names the candidate and the manager as they were then.
    const draft = await commands.reopenPacket(db, packet.id, AT);
    const summary = `${before.name} led the migration; ${before.manager} can say more.`;
    await commands.updatePacketText(db, draft.id, { summary }, AT);
    await commands.submitPacket(db, draft.id, AT);
    const session = await commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Blind week', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [packet.candidateId], orderMode: 'by-level', timeboxMinutes: 8, blind: true },
      AT,
    );
    const { id, cycleId, role, team, currentLevelId, timeInLevelMonths, groups, targetLevelId } = before;
    await commands.saveCandidate(db, { id, cycleId, name: 'Dana Kvist', role, team, manager: 'P. Okafor', currentLevelId, timeInLevelMonths, groups, targetLevelId: targetLevelId! }, LATER);

    const stored = (await db.candidates.get(packet.candidateId))!;
    expect(stored.formerly).toEqual({ name: [before.name], manager: [before.manager], team: [] });
    // The other machine gets them with the row.
    const opened = await openBundle(await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: [stored], evidence: [], packets: [] }, { createdAt: LATER, appVersion: 'test' }));
    expect(opened.ok && opened.content.candidates[0]!.formerly).toEqual(stored.formerly);

    const data = (await loadSessionData(db, session.id))!;
    const shown = data.redaction!.text(summary);
    for (const word of [...before.name.split(' '), ...before.manager.split(' ')]) expect(shown).not.toContain(word);
    expect(shown).toBe(`${data.redaction!.names.candidate(packet.candidateId)} led the migration; ${data.redaction!.names.manager(before.manager)} can say more.`);
  });
});
