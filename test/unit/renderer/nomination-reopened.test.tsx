// @vitest-environment jsdom
/**
 * A manager who submitted a packet and reopened it to revise it still put the
 * candidate forward: sessions keep reviewing the submitted revision, and the
 * Managers view counts it as the manager's recommendation. The fairness
 * view's "put forward by managers" section counted such a candidate as not
 * put forward (its current packet is a draft), so reopening a packet to fix
 * a typo moved the cycle's nomination figures. Checked through both reads
 * the section takes: a live session's (its cycle rows come with the session)
 * and a finalized one's (the section reads the cycle itself), against the
 * report of the cycle's packet rows, whole.
 */
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { nominationReport } from '../../../shared/calibration/nomination';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { reopen } from '../../../renderer/db/packets';
import { loadSessionData } from '../../../renderer/db/session-hooks';
import { FairnessView } from '../../../renderer/features/calibration/views';
import { loadCommands } from '../../../renderer/db/app-commands';

// The Fairness view records what it showed through the command layer, which loads on first use (app-commands.ts).
beforeAll(() => loadCommands(), 120_000);
// Generous: fake-indexeddb on a loaded machine can take seconds per live-query round.
configure({ asyncUtilTimeout: 20_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 24 });
const [pilot, weekOne] = sample.sessions;
const submitted = sample.packets.filter((p) => p.status === 'submitted');
const submittedCount = new Set(submitted.map((p) => p.candidateId)).size;

/** The nomination report of the cycle's packet rows, whole (what the decision book counts). */
async function fromPacketRows() {
  const [candidates, packets] = await Promise.all([db.candidates.where('cycleId').equals(sample.cycle.id).toArray(), db.packets.where('cycleId').equals(sample.cycle.id).toArray()]);
  return nominationReport({ candidates, packets });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

describe('who was put forward, after a reopen', () => {
  it('counts a reopened submission in a live session’s read, inside the session and out', async () => {
    const outside = submitted.find((p) => !weekOne!.candidateIds.includes(p.candidateId))!;
    const inside = submitted.find((p) => weekOne!.candidateIds.includes(p.candidateId))!;
    expect(outside).toBeDefined();
    expect(inside).toBeDefined();
    await reopen(db, outside.id);
    await reopen(db, inside.id);
    const data = await loadSessionData(db, weekOne!.id);
    const report = nominationReport(data!.cycleRows!);
    expect(report.totals.putForward).toBe(submittedCount);
    expect(report).toEqual(await fromPacketRows());
  });

  it('says so on the finalized session’s fairness view, which reads the cycle itself', async () => {
    const candidate = submitted.find((p) => !pilot!.candidateIds.includes(p.candidateId))!;
    await reopen(db, candidate.id);
    expect((await fromPacketRows()).totals.putForward).toBe(submittedCount);
    render(<FairnessView sessionId={pilot!.id} />);
    expect(await screen.findByText(`${submittedCount} of ${sample.candidates.length} candidates of the cycle put forward.`)).toBeTruthy();
  });
});
