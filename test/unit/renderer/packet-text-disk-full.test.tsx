// @vitest-environment jsdom
/**
 * A packet summary typed while the disk is full: the failed autosave says
 * so in words, the text stays in the field, and after a reload (a remount
 * reading the kept copy) the text is back with a notice and saved again.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacketTextField } from '../../../renderer/features/packets/packet-text-field';

const KEY = 'packet-1:summary';
const TYPED = 'Led the billing migration end to end.';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

/** What a write over the quota rejects with through Dexie: the transaction's AbortError around the browser's QuotaExceededError. */
function diskFull() {
  return new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
}

function field(onSave: (text: string) => Promise<unknown>) {
  return <PacketTextField id="summary" label="Summary" value="" readOnly={false} onSave={onSave} rescueKey={KEY} />;
}

describe('a packet text field when the disk is full', () => {
  it('says the disk is full, keeps the text, and restores it after a reload', async () => {
    const user = userEvent.setup();
    const failing = vi.fn(async () => {
      throw diskFull();
    });
    render(field(failing));
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), TYPED);
    await waitFor(() => expect(failing).toHaveBeenCalledWith(TYPED));
    const status = await screen.findByText(/^✕ Not saved:/);
    expect(status.textContent).toBe('✕ Not saved: The disk is full: Levelset could not save this change. Free some disk space, then try again; what you typed is kept, and nothing already saved was lost.');
    expect((screen.getByRole('textbox', { name: 'Summary' }) as HTMLTextAreaElement).value).toBe(TYPED);
    expect(screen.queryByRole('note')).toBeNull();

    // The reload: the field mounts again over the same stored (empty) value, and the disk has room now.
    cleanup();
    const saved: string[] = [];
    render(field(async (text) => void saved.push(text)));
    expect((screen.getByRole('textbox', { name: 'Summary' }) as HTMLTextAreaElement).value).toBe(TYPED);
    expect(screen.getByRole('note').textContent).toMatch(/^Restored text that was not saved/);
    await waitFor(() => expect(saved).toEqual([TYPED]));
    await act(async () => undefined);
    // Saved: the kept copy is gone, so a later visit does not restore it again.
    expect(Object.keys(localStorage).filter((k) => k.includes(KEY))).toEqual([]);
  });
});
