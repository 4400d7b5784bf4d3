// @vitest-environment jsdom
/**
 * The single-key shortcuts (?, the section digits) work where P, F and D put the focus in a session: on a vote's
 * radio, an outcome, a checkbox. They did nothing there, while the hint said "? all shortcuts" and the list
 * "Anywhere" (a committee trial on a projector, keyboard only). In a text field, a text area and a select they
 * stay typing.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useGlobalShortcuts } from '../../../renderer/app/shortcuts';
import { isTextEntry } from '../../../renderer/components/text-entry';
import { useUiStore } from '../../../renderer/state/ui-store';

function Page() {
  useGlobalShortcuts();
  return (
    <form>
      <input type="radio" name="vote" aria-label="Promote" />
      <input type="checkbox" aria-label="Cites IC3.2" />
      <input type="text" aria-label="Rationale" />
      <input type="search" aria-label="Find" />
      <textarea aria-label="Dissent" />
      <select aria-label="Level">
        <option>IC3</option>
      </select>
    </form>
  );
}

beforeEach(() => {
  window.location.hash = '#/calibration';
  useUiStore.setState({ shortcutsOpen: false });
});
afterEach(() => cleanup());

describe('single-key shortcuts on a choice', () => {
  it('open the list of keys with ? on a radio or a checkbox', () => {
    render(<Page />);
    fireEvent.keyDown(screen.getByRole('radio', { name: 'Promote' }), { key: '?' });
    expect(useUiStore.getState().shortcutsOpen).toBe(true);
    useUiStore.setState({ shortcutsOpen: false });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Cites IC3.2' }), { key: '?' });
    expect(useUiStore.getState().shortcutsOpen).toBe(true);
  });

  it('go to a section with a digit on a radio, and stay typing in text and selects', () => {
    render(<Page />);
    for (const field of [screen.getByRole('textbox', { name: 'Rationale' }), screen.getByRole('searchbox', { name: 'Find' }), screen.getByRole('textbox', { name: 'Dissent' }), screen.getByRole('combobox', { name: 'Level' })]) {
      fireEvent.keyDown(field, { key: '3' });
      fireEvent.keyDown(field, { key: '?' });
    }
    expect(window.location.hash).toBe('#/calibration');
    expect(useUiStore.getState().shortcutsOpen).toBe(false);
    fireEvent.keyDown(screen.getByRole('radio', { name: 'Promote' }), { key: '3' });
    expect(window.location.hash).not.toBe('#/calibration');
  });

  it('count a select as a choice where asked (the framework editor)', () => {
    render(<Page />);
    expect(isTextEntry(screen.getByRole('combobox', { name: 'Level' }), { select: false })).toBe(false);
    expect(isTextEntry(screen.getByRole('combobox', { name: 'Level' }))).toBe(true);
    expect(isTextEntry(null)).toBe(false);
  });
});
