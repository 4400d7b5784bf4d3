// @vitest-environment jsdom
/**
 * A submitted packet holds (issue 9, frozen records): editing and re-dating
 * a piece of evidence it cites, through the same command the candidate page
 * uses, changes neither the readiness shown for the submitted revision nor
 * the titles and dates it shows, nor the superseded revision after a
 * reopen; the candidate page names the change and starts the next revision.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../../shared/domain/evidence';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { packetChecks } from '../../../shared/packets/checks';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { packetEvidence } from '../../../shared/packets/snapshot';
import { readiness } from '../../../shared/rules/readiness';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { addDays, quarterLabel, quarterOf } from '../../../shared/util/dates';
import { db } from '../../../renderer/db/database';
import { addEvidence, updateEvidence, type EvidenceInput } from '../../../renderer/db/evidence';
import { acknowledgeCheck, packetHistory, packetWorkspace, setAssessment, submit } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CandidatePage } from '../../../renderer/features/candidates/candidate-page';
import { PrintView } from '../../../renderer/features/export/print-view';
import { PacketBuilder } from '../../../renderer/features/packets/packet-builder';
import { useUiStore } from '../../../renderer/state/ui-store';
import { storedRows } from '../../fixtures/db/coverage-rows';

configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const draft = sample.packets.find((p) => p.status === 'draft')!;
const candidateId = draft.candidateId;
const criteria = sample.framework.criteria.filter((c) => c.levelId === draft.targetLevelId);
const criterion = criteria[0]!;
const evidenceWindow = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };
// Two quarters of the window: evidence in both makes the criterion sustained.
const early = addDays(evidenceWindow.from, 10);
const later = addDays(evidenceWindow.from, 130);
const T = (minute: number) => `2026-10-05T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** An item with what the manager wrote about it and a link, as the committee reads them in the packet. */
function input(title: string, date: string, description = `${title}: what they did and who noticed.`): EvidenceInput {
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return { title, description, date, kind: 'project', source: 'manager', links: [`https://example.com/${slug}`], criterionIds: [criterion.id] };
}

let first: Evidence;
let second: Evidence;

beforeEach(async () => {
  window.location.hash = `#/candidates/${candidateId}`;
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  // The candidate's log holds exactly two items, both citing one criterion, in two quarters.
  await db.evidence.where('candidateId').equals(candidateId).delete();
  first = await addEvidence(db, candidateId, input('Billing redesign', early), T(0));
  second = await addEvidence(db, candidateId, input('Incident review', later), T(1));
  for (const c of criteria) await setAssessment(db, draft.id, c.id, c.id === criterion.id ? 'consistently' : 'partially', undefined, T(2));
  const ws = (await packetWorkspace(db, candidateId))!;
  const candidate = ws.candidate;
  const checks = packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate, packet: ws.current!, evidence: ws.evidence, showDate: (date) => date });
  for (const w of checks.filter((c) => c.severity === 'warning')) await acknowledgeCheck(db, draft.id, w.id, T(3));
  await submit(db, draft.id, T(4));
});
afterEach(() => cleanup());

function figure() {
  return document.getElementById('packet-readiness-figure')?.textContent?.replace(/\s+/g, ' ').trim();
}

/** Titles and dates of the evidence listed beside the criterion, as the builder shows them. */
function shownEvidence() {
  const row = screen.getByRole('rowheader', { name: new RegExp(criterion.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).closest('tr')!;
  return [...row.querySelectorAll('.packet-evidence-title')].map((el) => `${el.textContent} @ ${el.parentElement?.querySelector('time')?.getAttribute('dateTime')}`).sort();
}

const N = criteria.length;
const submittedFigure = `Readiness ${Math.round((1 / N) * 100)}% (1 of ${N})`;

describe('a submitted packet after its evidence changes', { timeout: 30_000 }, () => {
  it('keeps the readiness, titles and dates of the submitted revision; the candidate page names the change', async () => {
    expect(quarterOf(early)).not.toEqual(quarterOf(later));
    expect(later <= evidenceWindow.to).toBe(true);
    const before = (await storedRows(db, { candidateId: candidateId })).sort((a, b) => a.id.localeCompare(b.id));

    // Renamed and re-dated into the other item's quarter: the criterion is no longer sustained in the live log.
    await updateEvidence(db, second.id, input('Incident review (renamed)', addDays(early, 5)), T(10));

    const ws = (await packetWorkspace(db, candidateId))!;
    const submitted = ws.current!;
    expect(submitted.status).toBe('submitted');
    const live = readiness(criterionCoverage(sample.framework, submitted, ws.evidence, evidenceWindow));
    const frozen = readiness(criterionCoverage(sample.framework, submitted, packetEvidence(submitted, ws.evidence), evidenceWindow));
    expect([live.ready, live.total]).toEqual([0, N]);
    expect([frozen.ready, frozen.total]).toEqual([1, N]);
    // The stored coverage (what committee views read) did not move either.
    const after = (await storedRows(db, { candidateId: candidateId })).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    expect(ws.packets).toHaveLength(1);

    render(<PacketBuilder candidateId={candidateId} />);
    await waitFor(() => expect(figure()).toBe(submittedFigure));
    expect(shownEvidence()).toEqual([`Billing redesign @ ${early}`, `Incident review @ ${later}`]);
    expect(screen.getByText(quarterLabel(quarterOf(later)))).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('1 evidence item changed since revision 1 was submitted: “Incident review (renamed)” (edited).');
    cleanup();

    // The packet's print (its PDF) shows the same frozen figure and items.
    // jsdom has no constructed stylesheets, which the print view uses for its page rules.
    Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
    render(<PrintView params={['packet', candidateId]} />);
    const facts = await screen.findByText(new RegExp(`^${Math.round((1 / N) * 100)}% \\(1 of ${N}\\) — `));
    expect(facts.tagName).toBe('DD');
    expect(document.body.textContent).toContain('Incident review (');
    expect(document.body.textContent).not.toContain('(renamed)');
    cleanup();

    render(<CandidatePage id={candidateId} />);
    const notice = await screen.findByText(/1 evidence item changed since revision 1 was submitted/);
    expect(notice.textContent).toContain('The committee sees revision 1 as submitted.');
    const item = document.getElementById(`evidence-${second.id}`)!;
    expect(within(item).getByText('Changed since revision 1 was submitted')).toBeTruthy();
    expect(document.getElementById(`evidence-${first.id}`)!.querySelector('.evidence-changed')).toBeNull();
  });

  it('opens each item to the description and links it was submitted with, not the ones written since', async () => {
    await updateEvidence(db, second.id, { ...input('Incident review', later, 'Rewritten after the submission.'), links: ['https://example.com/rewritten'] }, T(10));
    render(<PacketBuilder candidateId={candidateId} />);
    await waitFor(() => expect(figure()).toBe(submittedFigure));
    const row = screen.getByRole('rowheader', { name: new RegExp(criterion.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).closest('tr')!;
    const items = [...row.querySelectorAll('details')];
    expect(items.map((d) => d.querySelector('.packet-evidence-title')?.textContent)).toEqual(['Billing redesign', 'Incident review']);
    // Closed until opened: the table stays one line an item.
    expect(items.every((d) => !d.open)).toBe(true);
    const incident = items[1]!;
    expect(incident.querySelector('.evidence-detail-text')?.textContent).toBe('Incident review: what they did and who noticed.');
    expect(within(incident).getByRole('link', { name: /example\.com\/incident-review/ }).getAttribute('href')).toBe('https://example.com/incident-review');
    expect(row.textContent).not.toContain('Rewritten after the submission.');
    expect(row.textContent).not.toContain('rewritten');
  });

  it('starts the next revision from the candidate page, and the superseded revision keeps what it showed', async () => {
    await updateEvidence(db, second.id, input('Incident review (renamed)', addDays(early, 5)), T(10));
    const user = userEvent.setup();
    render(<CandidatePage id={candidateId} />);
    await user.click(await screen.findByRole('button', { name: 'Start revision 2 with these changes' }));
    // Asked first: reopening leaves this machine without a submitted packet until revision 2 is submitted.
    const dialog = screen.getByRole('alertdialog', { name: 'Reopen submitted revision 1?' });
    expect(dialog.textContent).toContain('Until you submit revision 2, calibration sessions review revision 1 as it was submitted, and “Select submitted” on the Packets page leaves the packet out of bundles.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await packetHistory(db, candidateId)).map((p) => `${p.revision}:${p.status}`)).toEqual(['1:submitted']);
    await user.click(screen.getByRole('button', { name: 'Start revision 2 with these changes' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reopen as revision 2' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/packets/${candidateId}`));
    expect(useUiStore.getState().status?.text).toMatch(/^Started revision 2 as a draft with the changed evidence; revision 1 is kept as it was submitted\./);
    expect((await packetHistory(db, candidateId)).map((p) => `${p.revision}:${p.status}`)).toEqual(['2:draft', '1:superseded']);
    // With a draft current, the candidate page has nothing to say.
    await waitFor(() => expect(screen.queryByRole('button', { name: /with these changes/ })).toBeNull());
    cleanup();

    // The draft is judged with the live log (not sustained any more); revision 1 as it was submitted.
    render(<PacketBuilder candidateId={candidateId} />);
    await waitFor(() => expect(figure()).toBe(`Readiness 0% (0 of ${N})`));
    expect(shownEvidence()).toEqual([`Billing redesign @ ${early}`, `Incident review (renamed) @ ${addDays(early, 5)}`]);
    // Both revisions say which one calibration sessions review meanwhile: the submitted one (reviewedPacket).
    const status = () => screen.getByRole('group', { name: 'Packet status' }).textContent ?? '';
    expect(status()).toContain('Calibration sessions review the last submitted revision until you submit this one.');
    await user.click(screen.getByRole('button', { name: 'View revision 1' }));
    await waitFor(() => expect(figure()).toBe(submittedFigure));
    expect(shownEvidence()).toEqual([`Billing redesign @ ${early}`, `Incident review @ ${later}`]);
    expect(screen.getByText(/It is shown with its evidence as it was when it was submitted\./)).toBeTruthy();
    expect(status()).toContain('Superseded by the draft revision 2; until it is submitted, calibration sessions still review this revision.');
  });
});
