// @vitest-environment jsdom
/**
 * The committee rows of the session forms (new and Edit details): removing a
 * member must leave the keyboard focus on the list, not drop it to the page
 * (a chair tabbing through the committee was sent back to the top).
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommitteeMember } from '../../../shared/domain';
import { CommitteeFields } from '../../../renderer/features/calibration/session/committee-fields';
import { useUiStore } from '../../../renderer/state/ui-store';
import { fieldProblems } from '../../../renderer/features/calibration/session/session-form-fields';

afterEach(() => cleanup());

const start: CommitteeMember[] = [
  { id: 'm1', name: 'Ada Chair', role: 'chair' },
  { id: 'm2', name: 'Bo Member', role: 'member' },
  { id: 'm3', name: 'Cy Partner', role: 'hr-partner' },
];

function Harness({ initial }: { initial: CommitteeMember[] }) {
  const [members, setMembers] = useState(initial);
  return <CommitteeFields members={members} setMembers={setMembers} fields={fieldProblems('f', {}, false)} />;
}

describe('Committee rows', () => {
  it('after Remove, the focus moves to the Remove button of the member now in that row', async () => {
    const user = userEvent.setup();
    render(<Harness initial={start} />);
    await user.click(screen.getByRole('button', { name: 'Remove member 2 (Bo Member)' }));
    expect(screen.queryByDisplayValue('Bo Member')).toBeNull();
    // Cy moved up into row 2: their button, now named "member 2", has the focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove member 2 (Cy Partner)' }));
  });

  it('after removing the last row, the focus moves to the row above it', async () => {
    const user = userEvent.setup();
    render(<Harness initial={start} />);
    await user.click(screen.getByRole('button', { name: 'Remove member 3 (Cy Partner)' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove member 2 (Bo Member)' }));
  });

  it('when one member is left (their Remove is disabled), the focus moves to Add member', async () => {
    const user = userEvent.setup();
    render(<Harness initial={start.slice(0, 2)} />);
    await user.click(screen.getByRole('button', { name: 'Remove member 1 (Ada Chair)' }));
    expect((screen.getByRole('button', { name: 'Remove member 1 (Bo Member)' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add member' }));
  });

  it('the removal is said in the status line a screen reader reads', async () => {
    const user = userEvent.setup();
    render(<Harness initial={start} />);
    await user.click(screen.getByRole('button', { name: 'Remove member 1 (Ada Chair)' }));
    expect(useUiStore.getState().status?.text).toBe('Removed Ada Chair from the committee.');
  });
});
