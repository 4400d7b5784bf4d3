// @vitest-environment jsdom
/**
 * A vote is recorded the moment an outcome is chosen, so moving through the
 * outcomes with the arrow keys must not choose each one passed: with native
 * radios, a member who pressed P and then ↓ twice recorded two votes, and
 * the trail kept both changes. The arrow keys move the focus; Space (or
 * Enter) records the outcome in focus; a click records as before.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRow } from '../../../shared/domain';
import { db } from '../../../renderer/db/database';
import { candidate, oneMemberSession, sample } from './one-member-session';
import { VotesPanel } from '../../../renderer/features/calibration/session/votes-panel';
import { OUTCOME_CHOICES } from '../../../renderer/features/calibration/session/labels';

configure({ asyncUtilTimeout: 15_000 });
// user-event walks a radio group as a browser does with CSS.escape, which jsdom lacks: the names here need no escaping.
const css = globalThis as { CSS?: { escape?: (value: string) => string } };
css.CSS ??= {};
css.CSS.escape ??= (value: string) => value;

let session: SessionRow;

beforeEach(async () => {
  session = await oneMemberSession();
});
afterEach(() => cleanup());

const voteChanges = async () => (await db.audit.toArray()).filter((e) => e.changes?.rows.some((c) => c.table === 'votes')).length;
const stored = async () => (await db.votes.toArray()).map((v) => v.outcome);

describe('choosing a vote with the keyboard', () => {
  it('moves through the outcomes with the arrow keys without recording them, and records the one in focus on Space', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    const final = screen.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    const [first, second, third] = OUTCOME_CHOICES;
    await user.click(within(final).getByRole('radio', { name: first!.label }));
    await waitFor(async () => expect(await stored()).toEqual([first!.value]));
    const before = await voteChanges();

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(within(final).getByRole('radio', { name: third!.label }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(within(final).getByRole('radio', { name: second!.label }));
    // Nothing passed was chosen: the stored vote and the trail are as they were, and the chosen option is still shown.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await stored()).toEqual([first!.value]);
    expect(await voteChanges()).toBe(before);
    expect((within(final).getByRole('radio', { name: first!.label }) as HTMLInputElement).checked).toBe(true);

    await user.keyboard(' ');
    await waitFor(async () => expect(await stored()).toEqual([second!.value]));
    expect(await voteChanges()).toBe(before + 1);
  });

  it('wraps from the last outcome to the first, and records on Enter too', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    const final = screen.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    const last = OUTCOME_CHOICES[OUTCOME_CHOICES.length - 1]!;
    const first = OUTCOME_CHOICES[0]!;
    within(final).getByRole('radio', { name: last.label }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(final).getByRole('radio', { name: first.label }));
    expect(await stored()).toEqual([]);
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await stored()).toEqual([first.value]));
  });
});
