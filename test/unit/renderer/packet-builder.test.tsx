// @vitest-environment jsdom
/**
 * The packet builder with Testing Library over fake-indexeddb: a radio
 * changes the readiness figure (and its rule), the summary saves as you type
 * and lists vague phrases, checks are acknowledged, the packet is submitted
 * and becomes read-only, and reopening starts revision 2.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { formatDate } from '../../../renderer/components/dates';
import { db } from '../../../renderer/db/database';
import { currentPacket, packetHistory, setAssessment } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';
import { saveProfile } from '../../../renderer/db/profile';
import { PacketBuilder } from '../../../renderer/features/packets/packet-builder';

// Live queries land a few ticks after each write; allow for a busy machine.
configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const packet = sample.packets.find((p) => p.status === 'draft')!;
const evidenceWindow = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };

beforeEach(async () => {
  window.location.hash = `#/packets/${packet.candidateId}`;
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

function figure() {
  return document.getElementById('packet-readiness-figure')?.textContent?.replace(/\s+/g, ' ').trim();
}

// Rendering the whole builder per keystroke is slow in jsdom, and slower while other test files run alongside.
describe('PacketBuilder', { timeout: 30_000 }, () => {
  it('updates the readiness figure and its rule when an assessment changes', async () => {
    const evidence = sample.evidence.filter((e) => e.candidateId === packet.candidateId);
    const coverage = criterionCoverage(sample.framework, packet, evidence, evidenceWindow);
    const index = coverage.findIndex((c) => c.sustained);
    expect(index).toBeGreaterThanOrEqual(0);
    const target = coverage[index]!;
    await setAssessment(db, packet.id, target.criterion.id, 'partially');
    const total = coverage.length;
    const readyBefore = coverage.filter((c, i) => i !== index && c.rating === 'consistently' && c.sustained).length;

    const user = userEvent.setup();
    render(<PacketBuilder candidateId={packet.candidateId} />);
    await waitFor(() => expect(figure()).toBe(`Readiness ${Math.round((readyBefore / total) * 100)}% (${readyBefore} of ${total})`));
    expect(screen.getByText(new RegExp(`÷ all criteria of the target level \\(${readyBefore} of ${total}\\)`))).toBeTruthy();
    expect(screen.getByText(`Evidence window: evidence from ${formatDate(evidenceWindow.from)} to ${formatDate(evidenceWindow.to)}`, { exact: false })).toBeTruthy();

    const group = screen.getByRole('group', { name: `Assessment of criterion ${index + 1}: ${target.criterion.text}` });
    expect((within(group).getByRole('radio', { name: 'Partially' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(group).getByRole('radio', { name: 'Consistently' }));

    const after = readyBefore + 1;
    await waitFor(() => expect(figure()).toBe(`Readiness ${Math.round((after / total) * 100)}% (${after} of ${total})`));
    expect(screen.getByText(new RegExp(`÷ all criteria of the target level \\(${after} of ${total}\\)$`))).toBeTruthy();
    expect((within(group).getByRole('radio', { name: 'Consistently' }) as HTMLInputElement).checked).toBe(true);
    expect((await db.packets.get(packet.id))?.assessments[target.criterion.id]?.rating).toBe('consistently');
  });

  it('saves the summary as you type, flags vague phrases, and goes from draft to submitted to revision 2', async () => {
    const user = userEvent.setup();
    render(<PacketBuilder candidateId={packet.candidateId} />);
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    await user.clear(summary);
    await user.type(summary, 'Shows real leadership potential.');
    await screen.findByText('✓ Saved');
    expect((await db.packets.get(packet.id))?.summary).toBe('Shows real leadership potential.');
    expect(screen.getByText('“leadership potential”')).toBeTruthy();

    // The vague phrase is now a warning; submit stays disabled until every warning is acknowledged.
    const checks = screen.getByRole('region', { name: 'Packet checks' });
    await within(checks).findByText('Vague language in the summary');
    const submit = screen.getByRole('button', { name: /^Submit revision 1/ }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByText(/^Not ready to submit/)).toBeTruthy();
    for (const box of within(checks).getAllByRole('checkbox')) await user.click(box);
    await waitFor(() => expect(submit.disabled).toBe(false));

    await user.click(submit);
    const reopenButton = await screen.findByRole('button', { name: 'Reopen (creates revision 2)' });
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('textbox', { name: 'Summary' })).toBeNull();
    expect(screen.getByText('Shows real leadership potential.')).toBeTruthy();
    expect((await currentPacket(db, packet.candidateId))?.status).toBe('submitted');

    await user.click(reopenButton);
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reopen submitted revision 1?' })).getByRole('button', { name: 'Reopen as revision 2' }));
    await waitFor(async () => expect((await packetHistory(db, packet.candidateId)).map((p) => `${p.revision}:${p.status}`)).toEqual(['2:draft', '1:superseded']));
    expect(await screen.findByRole('textbox', { name: 'Summary' })).toBeTruthy();
    expect(screen.getAllByRole('radio').length).toBeGreaterThan(0);
    // Superseded by the draft, revision 1 is still the case sessions review, and its row says so.
    const rows = within(screen.getByRole('table', { name: 'Revisions of this packet, newest first' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent?.includes('the case sessions review'))).toEqual([false, false, true]);
    // Its status reads as what it is, a submission reopened, not "Superseded" beside that tag (a manager trial).
    expect(within(rows[2]!).getByText('Submitted, reopened')).toBeTruthy();
    expect(within(rows[2]!).queryByText('Superseded')).toBeNull();

    // The first revision stays readable, read-only.
    await user.click(screen.getByRole('button', { name: 'View revision 1' }));
    expect(await screen.findByRole('button', { name: 'Back to the current revision (2)' })).toBeTruthy();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
  });

  it('explains a missing target level as a blocker, with a link to the candidate', async () => {
    await db.packets.update(packet.id, { targetLevelId: null });
    render(<PacketBuilder candidateId={packet.candidateId} />);
    expect(await screen.findByText(/so there are no criteria to assess and nothing to compare against/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Use IC2/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Set the target level on the candidate page' }).getAttribute('href')).toBe(`#/candidates/${packet.candidateId}`);
    const checks = screen.getByRole('region', { name: 'Packet checks' });
    expect(within(checks).getByText('No target level')).toBeTruthy();
    expect(within(checks).getByText('✕ Blocker')).toBeTruthy();
    expect(within(checks).getByRole('link', { name: /^Fix on the candidate page/ }).getAttribute('href')).toBe(`#/candidates/${packet.candidateId}`);
    expect((screen.getByRole('button', { name: /^Submit revision 1/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/^Not ready to submit: fix 1 blocker \(No target level\)/)).toBeTruthy();
  });

  it('names an item’s date and the window’s end in a check as every screen shows dates, not as stored', async () => {
    const cited = sample.evidence.find((e) => e.candidateId === packet.candidateId && e.criterionIds.length > 0)!;
    await db.evidence.update(cited.id, { date: '2027-03-14' });
    render(<PacketBuilder candidateId={packet.candidateId} />);
    const checks = await screen.findByRole('region', { name: 'Packet checks' });
    const detail = `“${cited.title}” is dated ${formatDate('2027-03-14')}, after the window closes on ${formatDate(evidenceWindow.to)}. Correct the date or leave it out of the case.`;
    expect(await within(checks).findByText(detail)).toBeTruthy();
  });

  it('marks an item dated outside the window beside its criterion with the date as every screen shows one, not as stored', async () => {
    const cited = sample.evidence.find((e) => e.candidateId === packet.candidateId && e.criterionIds.length > 0)!;
    await db.evidence.update(cited.id, { date: '2027-03-14' });
    render(<PacketBuilder candidateId={packet.candidateId} />);
    const marks = await screen.findAllByText(`· ⚠ outside window (${formatDate('2027-03-14')})`, { exact: false });
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.textContent).not.toContain('2027-03-14');
  });

  it('says when the target level has no criteria', async () => {
    await db.frameworks.update(sample.framework.id, { criteria: sample.framework.criteria.filter((c) => c.levelId !== packet.targetLevelId) });
    render(<PacketBuilder candidateId={packet.candidateId} />);
    expect(await screen.findByText(/has no criteria in/)).toBeTruthy();
    expect(figure()).toBe('Readiness — (0 of 0)');
  });

  it('says so when the candidate does not exist', async () => {
    render(<PacketBuilder candidateId="nobody" />);
    expect(await screen.findByRole('heading', { name: 'Candidate not found' })).toBeTruthy();
  });
});

describe('Reopening a packet a live session reviews', { timeout: 60_000 }, () => {
  it('says in the confirmation that the committee keeps reviewing the submitted revision until the next is submitted', async () => {
    // The session reviews the newest submitted revision (reviewedPacket): after a reopen, still the submission.
    const user = userEvent.setup();
    const submitted = sample.packets.find((p) => p.status === 'submitted')!;
    await db.sessions.clear();
    const ask = async () => {
      render(<PacketBuilder candidateId={submitted.candidateId} />);
      await user.click(await screen.findByRole('button', { name: `Reopen (creates revision ${submitted.revision + 1})` }));
      return screen.getByRole('alertdialog', { name: `Reopen submitted revision ${submitted.revision}?` });
    };
    expect((await ask()).textContent).not.toMatch(/not finalized/);
    cleanup();

    await createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [submitted.candidateId], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      '2026-11-20T10:00:00.000Z',
    );
    const dialog = await ask();
    await waitFor(() =>
      expect(dialog.textContent).toContain(
        `A calibration session on this computer that is not finalized reviews this candidate: its committee keeps reviewing revision ${submitted.revision} as submitted, and sees revision ${submitted.revision + 1} only once you submit it.`,
      ),
    );
  });
});

describe('Reopening someone else’s packet', { timeout: 60_000 }, () => {
  it('tells a chair holding a manager’s packet that the new revision stays here, and a later one from the manager is a conflict', async () => {
    // A trial as a chair: the dialog spoke to the manager ("A chair who already imported revision 1 keeps it…").
    const user = userEvent.setup();
    const submitted = sample.packets.find((p) => p.status === 'submitted')!;
    const manager = sample.candidates.find((c) => c.id === submitted.candidateId)!.manager;
    const ask = async () => {
      render(<PacketBuilder candidateId={submitted.candidateId} />);
      await user.click(await screen.findByRole('button', { name: `Reopen (creates revision ${submitted.revision + 1})` }));
      return screen.getByRole('alertdialog', { name: `Reopen submitted revision ${submitted.revision}?` });
    };
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
    const chair = await ask();
    await waitFor(() => expect(chair.textContent).toContain(`This is ${manager}’s packet: revision ${submitted.revision + 1} will exist only on this computer`));
    expect(chair.textContent).toContain(`ask ${manager} to reopen it and send a new bundle`);
    expect(chair.textContent).not.toContain('A chair who already imported');
    cleanup();

    // The manager themself, signed in with their name in another case: the sentence about the chair's copy, as before.
    await saveProfile(db, { name: manager.toUpperCase(), role: 'Engineering manager' });
    const own = await ask();
    await waitFor(() => expect(own.textContent).toContain(`A chair who already imported revision ${submitted.revision} keeps it until you send revision ${submitted.revision + 1}.`));
    expect(own.textContent).not.toContain('will exist only on this computer');
  });
});
