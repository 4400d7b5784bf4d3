// @vitest-environment jsdom
/**
 * Moving to the next or previous candidate in the review shows that
 * candidate's packet summary and evidence at once: they were read with the
 * candidate before (useSessionPacket, useEvidenceOf with the nearby
 * candidates), and so are its audit entries (useCandidateAudit). Before, the summary said "Reading the packet…" and the
 * evidence panel "0 items · No evidence logged." for a frame or more after
 * each J, which on a projector reads as a candidate with no evidence.
 * And after "Hide names", rows read with names are never shown under the
 * pseudonyms while the blind ones are read (they were, for a frame or more).
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { currentPacket } from '../../../shared/rules/current-packet';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { loadCommands } from '../../../renderer/db/app-commands';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, setBlind } from '../../../renderer/db/sessions';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';

configure({ asyncUtilTimeout: 15_000 });
beforeAll(() => loadCommands(), 120_000);

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 8, submitAll: true });
const reviewed = sample.candidates.slice(0, 4);
let session: Session;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  const members = [{ id: 'm-chair', name: 'Morgan Ellis', role: 'chair' as const }];
  session = await createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: reviewed.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** What the review should show for the candidate whose name heads it. */
function expectedFor(name: string) {
  const candidate = reviewed.find((c) => name.startsWith(c.name))!;
  const packet = currentPacket(sample.packets.filter((p) => p.candidateId === candidate.id))!;
  // Every packet here is submitted: the review shows the evidence its snapshot froze (session-hooks.ts useEvidenceOf).
  const evidence = packet.snapshot!.evidence;
  return { summary: packet.summary.trim(), evidence };
}

const panelText = (title: string) => [...document.querySelectorAll('.presenter-panel')].find((p) => p.querySelector('h3')?.textContent?.startsWith(title))?.textContent ?? '';

describe('the review reads the nearby candidates ahead', { timeout: 60_000 }, () => {
  it('shows the next and the previous candidate’s summary and evidence without reading again', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    const heading = () => screen.getByRole('heading', { level: 2 }).textContent ?? '';
    await waitFor(() => expect(panelText('Packet summary')).toContain(expectedFor(heading()).summary));
    await waitFor(() => expect(panelText('Evidence')).not.toContain('Loading evidence'));
    const first = heading();

    // From now on no packet or evidence read ever finishes: what is shown after J was read before it.
    const never = () => new Promise<never>(() => undefined);
    vi.spyOn(db.packets, 'bulkGet').mockImplementation(never as unknown as typeof db.packets.bulkGet);
    const where = db.evidence.where.bind(db.evidence);
    vi.spyOn(db.evidence, 'where').mockImplementation(((index: string) => (index === 'candidateId' ? { equals: () => ({ toArray: never }) } : where(index))) as typeof db.evidence.where);
    const auditWhere = db.audit.where.bind(db.audit);
    vi.spyOn(db.audit, 'where').mockImplementation(((index: string) => (index === 'entityId' ? { equals: () => ({ toArray: never }), startsWith: () => ({ toArray: never }) } : auditWhere(index))) as typeof db.audit.where);

    await user.keyboard('j');
    await waitFor(() => expect(heading()).not.toBe(first));
    for (const move of ['next', 'previous'] as const) {
      const shown = expectedFor(heading());
      expect(shown.evidence.length).toBeGreaterThan(0);
      expect(shown.summary).not.toBe('');
      expect(panelText('Packet summary')).toContain(shown.summary);
      expect(panelText('Packet summary')).not.toContain('Reading the packet');
      const evidence = panelText('Evidence');
      expect(evidence).toContain(`${shown.evidence.length} item`);
      for (const e of shown.evidence) expect(evidence).toContain(e.title);
      // The candidate's audit trail, read ahead too (no votes yet: no entries), not "loading".
      expect(screen.getByText(/^Audit trail for .* \(0 entries\)$/)).toBeTruthy();
      if (move === 'next') {
        await user.keyboard('k');
        await waitFor(() => expect(heading()).toBe(first));
      }
    }
  });

  it('never shows the rows read with names under the pseudonyms once names are hidden', async () => {
    render(<CalibrationView params={[session.id]} />);
    const heading = () => screen.getByRole('heading', { level: 2 }).textContent ?? '';
    await waitFor(() => expect(panelText('Packet summary')).toContain(expectedFor(heading()).summary));
    await waitFor(() => expect(panelText('Evidence')).not.toContain('Loading evidence'));
    const shown = reviewed.find((c) => heading().startsWith(c.name))!;
    const ownEvidence = expectedFor(heading()).evidence[0]!;
    expect(panelText('Packet summary')).toContain(shown.name);

    // The blind reads never finish: whatever is on screen after "Hide names" was read before it, with names.
    const never = () => new Promise<never>(() => undefined);
    vi.spyOn(db.packets, 'bulkGet').mockImplementation(never as unknown as typeof db.packets.bulkGet);
    const where = db.evidence.where.bind(db.evidence);
    vi.spyOn(db.evidence, 'where').mockImplementation(((index: string) => (index === 'candidateId' ? { equals: () => ({ toArray: never }) } : where(index))) as typeof db.evidence.where);
    await setBlind(db, session.id, true, AT);
    await waitFor(() => expect(heading()).not.toContain(shown.name));
    expect(panelText('Packet summary')).not.toContain(shown.name);
    expect(panelText('Packet summary')).toContain('Reading the packet');
    expect(panelText('Evidence')).toContain('Loading evidence');
    expect(panelText('Evidence')).not.toContain(ownEvidence.title);
  });
});
