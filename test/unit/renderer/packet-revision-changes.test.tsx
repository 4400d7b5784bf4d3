// @vitest-environment jsdom
/**
 * A packet's page says what its revision changed since the one before:
 * reopen a submitted packet, raise one rating, add a paragraph to the case
 * and drop an item's link, and revision 2's page lists exactly those; the
 * first revision's page has no such section, and an untouched reopen says
 * nothing changed.
 */
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { criterionCodes } from '../../../shared/domain/framework';
import type { Evidence, Packet } from '../../../shared/domain';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { readiness, readinessText } from '../../../shared/rules/readiness';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { RATING_WORDS } from '../../../shared/packets/rating-words';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { updateEvidence } from '../../../renderer/db/evidence';
import { reopen, setAssessment, updatePacketText } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { PacketBuilder } from '../../../renderer/features/packets/packet-builder';

configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
const submitted = sample.packets.find((p) => p.status === 'submitted' && p.snapshot && p.snapshot.evidence.length > 0 && Object.values(p.assessments).some((a) => a.rating !== 'consistently'))!;
const codes = criterionCodes(sample.framework);

beforeEach(async () => {
  window.location.hash = `#/packets/${submitted.candidateId}`;
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

describe('What changed since the previous revision', { timeout: 30_000 }, () => {
  it('lists the rating raised, the paragraph added and the evidence no longer cited, and nothing on revision 1', async () => {
    expect(submitted).toBeDefined();
    const next = await reopen(db, submitted.id);
    const [criterionId, was] = Object.entries(submitted.assessments).find(([, a]) => a.rating !== 'consistently')!;
    await setAssessment(db, next.id, criterionId, 'consistently');
    await updatePacketText(db, next.id, { summary: `${submitted.summary}\n\nAlso ran the migration review.` });
    // One cited item loses its links to the target level's criteria: the case no longer cites it.
    const item = submitted.snapshot!.evidence.find((e) => e.criterionIds.length > 0)!;
    const stored = (await db.evidence.get(item.id))!;
    await updateEvidence(db, item.id, { title: stored.title, description: stored.description, date: stored.date, kind: stored.kind, links: stored.links, source: stored.source, criterionIds: [] }, new Date().toISOString());

    const user = userEvent.setup();
    render(<PacketBuilder candidateId={submitted.candidateId} />);
    const section = await screen.findByRole('region', { name: 'What changed since revision 1' });
    const items = within(section).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    const criterion = sample.framework.criteria.find((c) => c.id === criterionId)!;
    // The figure each revision's own page shows (readiness over its coverage in the cycle's window), before and after.
    const window = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };
    const figure = (packet: Pick<Packet, 'targetLevelId' | 'assessments'>, evidence: readonly Evidence[]) => readinessText(readiness(criterionCoverage(sample.framework, packet, evidence, window)));
    const before = figure(submitted, submitted.snapshot!.evidence);
    const after = figure((await db.packets.get(next.id))!, await db.evidence.where('candidateId').equals(submitted.candidateId).toArray());
    expect(before).not.toBe(after);
    expect(items).toEqual([`Readiness: ${before} → ${after}`, `${codes.get(criterionId)} ${RATING_WORDS[was.rating]} → ${RATING_WORDS.consistently} · ${criterion.text}`, expect.stringMatching(new RegExp(`^Evidence no longer cited: ${escape(stored.title)} \\(`))]);
    expect(within(section).getByText(/^Changed: 1 criterion, the case, 1 evidence item\./)).toBeTruthy();
    // The new paragraph, behind its summary line, marked as new in words (not by colour alone).
    await user.click(within(section).getByText('The case: 1 paragraph new'));
    expect(within(section).getByText('Also ran the migration review.')).toBeTruthy();
    expect(within(section).getByText('New in revision 2')).toBeTruthy();

    // Revision 1 has nothing before it.
    await user.click(screen.getByRole('button', { name: 'View revision 1' }));
    await screen.findByRole('button', { name: 'Back to the current revision (2)' });
    expect(screen.queryByRole('region', { name: /^What changed since/ })).toBeNull();
  });

  it('says nothing changed after a reopen with no edits', async () => {
    await reopen(db, submitted.id);
    render(<PacketBuilder candidateId={submitted.candidateId} />);
    const section = await screen.findByRole('region', { name: 'What changed since revision 1' });
    expect(within(section).getByText(/^Nothing a committee reads:/)).toBeTruthy();
    expect(within(section).queryAllByRole('listitem')).toHaveLength(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
