// @vitest-environment jsdom
/**
 * The candidate page's packet line after a reopen: revision 2 is a draft, and
 * calibration sessions still review revision 1 as submitted (reviewedPacket).
 * The line said only "Draft packet · revision 2", which read as the committee
 * seeing nothing, or the draft; it now says what the packet's status bar says.
 * A first draft and a submitted packet say nothing of the kind. The Packets
 * list's row says it under its status, as "2 · Draft" misled the same way.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { reviewedPacket } from '../../../shared/rules/current-packet';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { acknowledgeCheck, packetHistory, packetWorkspace, reopen, submit } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { packetChecks } from '../../../shared/packets/checks';
import { CandidatePage } from '../../../renderer/features/candidates/candidate-page';
import { PacketsView } from '../../../renderer/features/packets/packets-view';
import { useUiStore } from '../../../renderer/state/ui-store';

configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const draft = sample.packets.find((p) => p.status === 'draft')!;
const candidateId = draft.candidateId;
const T = (minute: number) => `2026-10-05T10:${String(minute).padStart(2, '0')}:00.000Z`;
const SAID = 'Calibration sessions review the last submitted revision until you submit this one.';
/** The same note in the Packets list's narrow status column. */
const SAID_SHORT = 'Sessions review the last submission';

/** The text of the candidate page's "Packet" fact. */
function packetFact(): string {
  const term = screen.getByText('Packet', { selector: 'dt' });
  return term.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

beforeEach(async () => {
  window.location.hash = `#/candidates/${candidateId}`;
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

/** Submits the candidate's first draft through the app's commands, its warnings acknowledged as the builder asks. */
async function submitFirstDraft() {
  const ws = (await packetWorkspace(db, candidateId))!;
  const checks = packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate: ws.candidate, packet: ws.current!, evidence: ws.evidence, showDate: (d) => d });
  for (const w of checks.filter((c) => c.severity === 'warning')) await acknowledgeCheck(db, draft.id, w.id, T(1));
  await submit(db, draft.id, T(2));
}

describe('the candidate page after a reopen', { timeout: 30_000 }, () => {
  it('says that calibration sessions review the submitted revision until the draft is submitted', async () => {
    render(<CandidatePage id={candidateId} />);
    // A first draft: nothing was submitted, so there is nothing else for a session to review.
    await waitFor(() => expect(packetFact()).toBe('Draft packet · revision 1'));

    await submitFirstDraft();
    await waitFor(() => expect(packetFact()).toBe('Submitted packet · revision 1'));

    await reopen(db, draft.id, T(3));
    await waitFor(() => expect(packetFact()).toBe(`Draft packet · revision 2 ${SAID}`));
    expect(screen.getByText(SAID).closest('dd')).toBe(screen.getByText('Packet', { selector: 'dt' }).nextElementSibling);
    // What it says is the session rule's answer: revision 1, as submitted.
    const reviewed = reviewedPacket(await packetHistory(db, candidateId));
    expect([reviewed?.revision, reviewed?.status]).toEqual([1, 'superseded']);
  });

  it('says it in the Packets list, under the reopened draft\'s status only', async () => {
    useUiStore.setState({ packetLists: {} });
    window.location.hash = '#/packets';
    await submitFirstDraft();
    await reopen(db, draft.id, T(3));
    render(<PacketsView />);
    const table = await screen.findByRole('table', { name: /^Packets in / });
    const rows = await waitFor(() => {
      const found = within(table).getAllByRole('row').slice(1);
      expect(found).toHaveLength(sample.candidates.length);
      return found;
    });
    const name = sample.candidates.find((c) => c.id === candidateId)!.name;
    const statusOf = (row: HTMLElement) => row.lastElementChild?.textContent?.replace(/\s+/g, ' ').trim();
    const reopened = rows.find((r) => within(r).queryByRole('link', { name }))!;
    expect(statusOf(reopened)).toBe(`Draft ${SAID_SHORT}`);
    for (const other of rows.filter((r) => r !== reopened)) expect(statusOf(other)).not.toContain(SAID_SHORT);
  });
});
