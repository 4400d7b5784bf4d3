// @vitest-environment jsdom
/**
 * The "?" list of keys is modal: a key pressed while it is open does not act
 * on the page behind it. Pressing 3 there went to Packets, and Escape then
 * left the focus on the page (found by a keyboard walkthrough).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShortcutsOverlay, useGlobalShortcuts } from '../../../renderer/app/shortcuts';
import { useUiStore } from '../../../renderer/state/ui-store';

function Page() {
  useGlobalShortcuts();
  return (
    <>
      <button type="button">On the page</button>
      <ShortcutsOverlay />
    </>
  );
}

beforeEach(() => {
  // jsdom has no modal dialogs: opening and closing only set `open`.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
  window.location.hash = '#/candidates';
  useUiStore.setState({ shortcutsOpen: false });
});
afterEach(() => cleanup());

describe('the keyboard shortcuts list', () => {
  it('keeps a section key pressed inside it from changing the page', () => {
    render(<Page />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'On the page' }), { key: '?' });
    expect(useUiStore.getState().shortcutsOpen).toBe(true);
    fireEvent.keyDown(screen.getByRole('heading', { name: 'Keyboard shortcuts' }), { key: '3' });
    expect(window.location.hash).toBe('#/candidates');
    // Outside the list (closed), the key works as before.
    useUiStore.setState({ shortcutsOpen: false });
    fireEvent.keyDown(screen.getByRole('button', { name: 'On the page' }), { key: '3' });
    expect(window.location.hash).not.toBe('#/candidates');
  });
});
