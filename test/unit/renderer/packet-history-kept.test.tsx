// @vitest-environment jsdom
/**
 * The revisions list offers to start the next revision from edits a bundle
 * import kept beside the submission, asks first (it reopens the submitted
 * revision), and then shows the new draft with the kept text.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Packet } from '../../../shared/domain/packet';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { packetHistory } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { runCommand } from '../../../renderer/db/write/run-command';
import { PacketBuilder } from '../../../renderer/features/packets/packet-builder';
import { useUiStore } from '../../../renderer/state/ui-store';

configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const submitted = sample.packets.find((p) => p.status === 'submitted')!;
const kept: Packet = { ...submitted, id: `${submitted.id}-kept`, status: 'superseded', submittedAt: null, snapshot: null, conflictOf: submitted.id, summary: 'Kept summary from the other machine.' };

beforeEach(async () => {
  window.location.hash = `#/packets/${submitted.candidateId}`;
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  await runCommand(db, { name: 'import bundle' }, async (ctx) => {
    await ctx.put('packets', kept);
  });
});
afterEach(() => cleanup());

describe('kept edits in the revisions list', { timeout: 30_000 }, () => {
  it('asks, then starts the next revision from the kept edits', async () => {
    const user = userEvent.setup();
    render(<PacketBuilder candidateId={submitted.candidateId} />);
    const start = await screen.findByRole('button', { name: 'Start the next revision from these edits' });
    await user.click(start);
    const confirm = screen.getByRole('group', { name: 'Confirm starting the next revision from these edits' });
    expect(confirm.textContent).toContain('This reopens submitted revision 1');
    // Cancel writes nothing and gives the button back.
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await packetHistory(db, submitted.candidateId)).map((p) => p.status)).toEqual(['submitted', 'superseded']);

    await user.click(screen.getByRole('button', { name: 'Start the next revision from these edits' }));
    await user.click(screen.getByRole('button', { name: 'Start revision 2 from these edits' }));
    const summary = (await screen.findByRole('textbox', { name: 'Summary' })) as HTMLTextAreaElement;
    expect(summary.value).toBe('Kept summary from the other machine.');
    expect((await packetHistory(db, submitted.candidateId)).map((p) => `${p.revision}:${p.status}`)).toEqual(['2:draft', '1:superseded', '1:superseded']);
    expect(useUiStore.getState().status?.text).toBe('Started revision 2 from the kept edits; revision 1 is kept as it was submitted.');
    // The submission is no longer current, so the offer is gone.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Start the next revision from these edits' })).toBeNull());
  });
});
