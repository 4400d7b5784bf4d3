// @vitest-environment jsdom
/**
 * In the review, a candidate whose packet the session reviews at revision 2
 * shows what changed since revision 1, read from the stored revision 1, and
 * in a blind session the earlier revision's words come redacted: a
 * paragraph naming the candidate that revision 2 dropped must not bring the
 * name back onto the projector.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { blindPacket } from '../../../shared/calibration/blind';
import { criterionCodes } from '../../../shared/domain/framework';
import type { Packet } from '../../../shared/domain';
import { RATING_WORDS } from '../../../shared/packets/rating-words';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { sessionOfAll } from './session-of-all';
import { db as appDb } from '../../../renderer/db/database';
import { PresenterRevisionChanges } from '../../../renderer/features/calibration/session/presenter-revision-changes';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
const first = sample.packets.find((p) => p.status === 'submitted' && p.snapshot && Object.values(p.assessments).some((a) => a.rating !== 'consistently'))!;
const candidate = sample.candidates.find((c) => c.id === first.candidateId)!;
const [raised, was] = Object.entries(first.assessments).find(([, a]) => a.rating !== 'consistently')!;

const session = (blind: boolean) => sessionOfAll(sample, blind);

/** Revision 2 as the session would read it: one rating raised, the case rewritten. */
const second: Packet = {
  ...first,
  id: 'rev-2',
  revision: 2,
  parentId: first.id,
  assessments: { ...first.assessments, [raised]: { rating: 'consistently', note: '' } },
  summary: 'Rewritten after the first round of feedback.',
};

beforeEach(async () => {
  await appDb.delete();
  await appDb.open();
  await commands.loadSampleCycle(appDb, sample);
});
afterEach(() => cleanup());

describe('what changed since the revision before, in the review', () => {
  it('lists the rating raised and the paragraphs replaced, read from the stored revision 1', async () => {
    expect(first.summary).toContain(candidate.name);
    const data = await session(false);
    const user = userEvent.setup();
    render(<PresenterRevisionChanges data={data} reviewed={second} evidence={first.snapshot!.evidence} />);
    const summary = await screen.findByText('What changed since revision 1');
    await user.click(summary);
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      `${criterionCodes(sample.framework).get(raised)} ${RATING_WORDS[was.rating]} → ${RATING_WORDS.consistently} · ${sample.framework.criteria.find((c) => c.id === raised)!.text}`,
    ]);
    expect(screen.getByText('Rewritten after the first round of feedback.')).toBeTruthy();
    expect(screen.getByText(first.summary.trim())).toBeTruthy();
  });

  it('brings no name back in a blind session: the dropped paragraph comes redacted', async () => {
    const data = await session(true);
    expect(data.redaction).not.toBeNull();
    render(<PresenterRevisionChanges data={data} reviewed={blindPacket(second, data.redaction!)} evidence={first.snapshot!.evidence} />);
    await screen.findByText('What changed since revision 1');
    await waitFor(() => expect(document.body.textContent).toContain(blindPacket(first, data.redaction!).summary.trim()));
    expect(document.body.textContent).not.toContain(candidate.name);
  });
});

describe('what changed since the revision before, in the full-screen presenter', () => {
  it('is there too, under the packet summary the room reads (it was only in the review tab)', async () => {
    const AT = '2026-11-21T10:00:00.000Z';
    const draft = await commands.reopenPacket(appDb, first.id, AT);
    await commands.setAssessment(appDb, draft.id, raised, 'consistently', undefined, AT);
    await commands.submitPacket(appDb, draft.id, AT);
    const live = await commands.createSession(
      appDb,
      { cycleId: sample.cycle.id, name: 'Week 2', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [candidate.id], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      AT,
    );
    window.location.hash = `#/calibration/${live.id}/present/${candidate.id}`;
    const user = userEvent.setup();
    render(<CalibrationView params={[live.id, 'present', candidate.id]} />);
    expect(await screen.findByRole('heading', { level: 1, name: candidate.name })).toBeTruthy();
    await user.click(await screen.findByText('What changed since revision 1'));
    const changes = screen.getByText('What changed since revision 1').closest('details')!;
    expect(within(changes).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toContain(
      `${criterionCodes(sample.framework).get(raised)} ${RATING_WORDS[was.rating]} → ${RATING_WORDS.consistently} · ${sample.framework.criteria.find((c) => c.id === raised)!.text}`,
    );
  });
});
