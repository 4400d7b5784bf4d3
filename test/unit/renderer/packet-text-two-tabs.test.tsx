// @vitest-environment jsdom
/**
 * A packet text written in another tab while this one holds typing. A trial typed the summary in tab A, then in tab B:
 * A kept showing its own words with "✓ Saved" while B's were stored, A's next keystroke silently replaced them, and a
 * submit from A froze words A's user never saw. Here the stored value changes under the field (what another tab's
 * write does through the live read): the field says so, saves nothing, and lets the person choose.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PacketTextField } from '../../../renderer/features/packets/packet-text-field';
import { unsavedText } from '../../../renderer/state/unsaved-text';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

/** The field over a stored text that the test changes, as the live read would after a write from either tab. */
function harness() {
  let stored = 'First draft.';
  const saved: string[] = [];
  const view = () => <PacketTextField id="summary" label="Summary" value={stored} readOnly={false} rescueKey="p1:summary" onSave={async (text) => void (saved.push(text), (stored = text), rerender(view()))} />;
  const { rerender } = render(view());
  const elsewhere = (text: string) => {
    stored = text;
    rerender(view());
  };
  return { saved, elsewhere, stored: () => stored, box: () => screen.getByRole('textbox', { name: 'Summary' }) as HTMLTextAreaElement };
}

describe('a packet text changed in another tab', () => {
  it('says so, saves nothing over it, and shows the saved text when asked', async () => {
    const user = userEvent.setup();
    const h = harness();
    await user.clear(h.box());
    await user.type(h.box(), 'From tab A.');
    await waitFor(() => expect(h.saved.at(-1)).toBe('From tab A.'));
    h.elsewhere('From tab B.');
    // A's field still shows A's words, and says they are not what is saved.
    expect(h.box().value).toBe('From tab A.');
    expect(screen.getByRole('alert').textContent).toMatch(/^This text was changed in another window or tab/);
    expect(screen.queryByText('✓ Saved')).toBeNull();
    // Typing on saves nothing over B's words, and keeps no copy for a reload to put back (tabs share that copy: tab B's
    // reload put A's words back as its own and saved them).
    await user.type(h.box(), ' More.');
    await new Promise((r) => setTimeout(r, 500));
    expect(h.stored()).toBe('From tab B.');
    expect(h.saved).toEqual(['From tab A.']);
    expect(unsavedText('p1:summary', 'From tab B.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show the saved text' }));
    expect(h.box().value).toBe('From tab B.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves this tab’s words over the other’s when asked', async () => {
    const user = userEvent.setup();
    const h = harness();
    await user.type(h.box(), ' Mine.');
    await waitFor(() => expect(h.saved.at(-1)).toBe('First draft. Mine.'));
    h.elsewhere('Theirs.');
    await user.click(screen.getByRole('button', { name: 'Save mine over it' }));
    await waitFor(() => expect(h.stored()).toBe('First draft. Mine.'));
    expect(screen.queryByRole('alert')).toBeNull();
    // And saving as you type goes on.
    await user.type(h.box(), ' Again.');
    await waitFor(() => expect(h.stored()).toBe('First draft. Mine. Again.'));
  });

  it('says nothing when the stored text catches up with this tab’s own save', async () => {
    const user = userEvent.setup();
    const h = harness();
    await user.type(h.box(), ' Mine.');
    await waitFor(() => expect(h.saved.at(-1)).toBe('First draft. Mine.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await screen.findByText('✓ Saved')).toBeTruthy();
  });
});

describe('a packet submitted in another tab while this one holds typing', () => {
  it('keeps the typing that was not saved on screen, to copy, beside the submitted text', async () => {
    // A trial: tab B submitted; tab A, still typing, turned read-only and its last words were gone without a word.
    const user = userEvent.setup();
    let stored = 'Submitted words.';
    let readOnly = false;
    const view = () => <PacketTextField id="summary" label="Summary" value={stored} readOnly={readOnly} onSave={() => Promise.reject(new Error('This packet was submitted; reopen it to change it.'))} />;
    const { rerender } = render(view());
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), ' And more typed here.');
    readOnly = true;
    rerender(view());
    expect(screen.getByText('Submitted words.')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/submitted while you were typing here, and what you typed last was not saved/);
    expect((screen.getByRole('textbox', { name: /submitted while you were typing/ }) as HTMLTextAreaElement).value).toBe('Submitted words. And more typed here.');
    // Nothing typed, or everything saved: no notice.
    stored = 'Submitted words. And more typed here.';
    rerender(view());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing on a submitted packet opened without typing', () => {
    render(<PacketTextField id="summary" label="Summary" value="Submitted words." readOnly onSave={() => Promise.resolve()} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
