// @vitest-environment jsdom
/**
 * The confirmation for what cannot be got back: Delete waits until the name
 * is typed exactly, Enter in the field confirms only then, Esc cancels, and
 * Tab stays inside the dialog (components/focus-trap.ts, one rule for every
 * dialog).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../renderer/components/confirm-dialog';
import { useConfirmDialog } from '../../../renderer/components/use-confirm-dialog';

afterEach(() => cleanup());

function open(onClose = vi.fn()) {
  render(<ConfirmDialog request={{ title: 'Delete the cycle “2026 H2”?', body: <p>It cannot be undone.</p>, confirmLabel: 'Delete cycle', onConfirm: () => undefined, typeToConfirm: '2026 H2' }} onClose={onClose} />);
  return { onClose, field: screen.getByLabelText('Type “2026 H2” to confirm'), remove: screen.getByRole('button', { name: 'Delete cycle' }), cancel: screen.getByRole('button', { name: 'Cancel' }) };
}

describe('ConfirmDialog with a name to type', () => {
  it('enables Delete only for the exact name, and Enter confirms only then', async () => {
    const user = userEvent.setup();
    const { onClose, field, remove } = open();
    expect(remove).toHaveProperty('disabled', true);
    await user.type(field, '2026{Enter}');
    expect(onClose).not.toHaveBeenCalled();
    expect(remove).toHaveProperty('disabled', true);
    await user.type(field, ' H2{Enter}');
    expect(remove).toHaveProperty('disabled', false);
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('accepts the name as the page shows it: one space for a run of them, straight quotes for curly ones', async () => {
    const user = userEvent.setup();
    render(<ConfirmDialog request={{ title: 'Delete?', body: null, confirmLabel: 'Delete cycle', onConfirm: () => undefined, typeToConfirm: 'Pilot  cycle “2026”' }} onClose={vi.fn()} />);
    await user.type(screen.getByRole('textbox'), 'Pilot cycle "2026"');
    expect(screen.getByRole('button', { name: 'Delete cycle' })).toHaveProperty('disabled', false);
  });

  it('gives focus back to the button that opened it when it closes', async () => {
    const user = userEvent.setup();
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Delete…
          </button>
          {open ? <ConfirmDialog request={{ title: 'Delete?', body: <p>Gone for good.</p>, confirmLabel: 'Delete', onConfirm: () => undefined }} onClose={() => setOpen(false)} /> : null}
        </>
      );
    }
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete…' })));
  });

  it('starts on Cancel, keeps Tab inside, and Esc cancels', async () => {
    const user = userEvent.setup();
    const { onClose, field, cancel } = open();
    expect(document.activeElement).toBe(cancel);
    // Delete is disabled, so Cancel is the last control: Tab goes round to the field, Shift+Tab back.
    await user.tab();
    expect(document.activeElement).toBe(field);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(cancel);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledWith(false);
  });
});

describe('useConfirmDialog', () => {
  function Asker({ onConfirm, onError }: { onConfirm: () => void | Promise<void>; onError: (error: unknown) => void }) {
    const { ask, dialog } = useConfirmDialog({ onError });
    return (
      <>
        <button type="button" onClick={() => ask({ title: 'Disconnect?', body: <p>Records stay.</p>, confirmLabel: 'Disconnect', cancelLabel: 'Stay connected', onConfirm })}>
          Ask
        </button>
        {dialog}
      </>
    );
  }

  it('runs onConfirm only on confirm, never on the safe choice or Esc, and says a failure through onError', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(() => Promise.reject(new Error('the disk is full')));
    const onError = vi.fn();
    render(<Asker onConfirm={onConfirm} onError={onError} />);
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await user.click(screen.getByRole('button', { name: 'Stay connected' }));
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('the disk is full')));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('ConfirmDialog in StrictMode (how main.tsx renders the app; development mounts it twice)', () => {
  /** Opens the dialog from the click, or once a promise has settled (as Delete… after reading what goes with a cycle). */
  function Opener({ afterRead }: { afterRead: boolean }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => (afterRead ? void Promise.resolve().then(() => setOpen(true)) : setOpen(true))}>
          Delete…
        </button>
        {open ? <ConfirmDialog request={{ title: 'Delete?', body: <p>Gone for good.</p>, confirmLabel: 'Delete', onConfirm: () => undefined }} onClose={() => setOpen(false)} /> : null}
      </>
    );
  }
  /** Lets the tasks queued so far run (a focus given back a task after a close is one). */
  const queuedTasks = () => new Promise((resolve) => setTimeout(resolve, 0));

  for (const afterRead of [false, true]) {
    it(`keeps the focus in the dialog while it is open, and gives it back on close (opened ${afterRead ? 'after a read' : 'by the click'})`, async () => {
      const user = userEvent.setup();
      render(
        <StrictMode>
          <Opener afterRead={afterRead} />
        </StrictMode>,
      );
      const opener = screen.getByRole('button', { name: 'Delete…' });
      await user.click(opener);
      await screen.findByRole('alertdialog');
      await queuedTasks();
      // The mount StrictMode takes back gave the focus back to Delete… a task later, with the dialog still open.
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('alertdialog')).toBeNull();
      await waitFor(() => expect(document.activeElement).toBe(opener));
    });
  }
});
