// @vitest-environment jsdom
/**
 * The command palette (Ctrl/Cmd+K, as UX.md promises): from anywhere, a text
 * field included, it opens a search over the sections, the cycle's sessions
 * and candidates; arrows and Enter go to a result. While a blind session is
 * on screen it lists no candidate: typing a name must not show the room the
 * real one.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useGlobalShortcuts } from '../../../renderer/app/shortcuts';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CommandPalette } from '../../../renderer/features/palette/command-palette';
import { useUiStore } from '../../../renderer/state/ui-store';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

configure({ asyncUtilTimeout: 20000 });
const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 9, submitAll: true });
const planned = sample.sessions.find((s) => s.status === 'planned')!;
const someone = sample.candidates.find((c) => !c.archived)!;

function Page() {
  useGlobalShortcuts();
  return (
    <>
      <input aria-label="A field on the page" />
      <CommandPalette />
    </>
  );
}

beforeEach(async () => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' }, AT);
  await loadSampleCycle(db, sample, AT);
  useUiStore.setState({ paletteOpen: false });
  window.location.hash = '#/packets';
});
afterEach(() => cleanup());

describe('the command palette', () => {
  it('opens with Ctrl+K from inside a text field, and Enter goes to the candidate found', async () => {
    const user = userEvent.setup();
    render(<Page />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'A field on the page' }), { key: 'k', ctrlKey: true });
    expect(useUiStore.getState().paletteOpen).toBe(true);
    const box = await screen.findByRole('combobox', { name: 'Go to a section, session or candidate' });
    // Before typing: the sections and the sessions, no candidate.
    const list = screen.getByRole('listbox', { name: 'Results' });
    expect(within(list).getAllByRole('option')[0]!.textContent).toBe('Section Frameworks');
    expect(within(list).queryByText(someone.name)).toBeNull();
    await user.type(box, someone.name.split(' ')[0]!.toLowerCase());
    const option = await within(list).findByText(someone.name);
    expect(option.closest('[role="option"]')!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe(`#/candidates/${someone.id}`);
    expect(useUiStore.getState().paletteOpen).toBe(false);
  });

  it('goes to what was typed when Enter came before the cycle’s sessions and candidates were read', async () => {
    // A new user's first Ctrl+K: the palette's reads had not answered, the list was empty, and Enter did nothing.
    useUiStore.setState({ paletteOpen: true });
    render(<Page />);
    const box = screen.getByRole('combobox', { name: 'Go to a section, session or candidate' });
    // Typed and entered in the same task as the first render, before any read can answer.
    fireEvent.change(box, { target: { value: someone.name } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(window.location.hash).toBe('#/packets');
    await waitFor(() => expect(window.location.hash).toBe(`#/candidates/${someone.id}`));
    expect(useUiStore.getState().paletteOpen).toBe(false);
  });

  it('moves through the results with the arrows and goes to a session', async () => {
    const user = userEvent.setup();
    useUiStore.setState({ paletteOpen: true });
    render(<Page />);
    const box = await screen.findByRole('combobox', { name: 'Go to a section, session or candidate' });
    await user.type(box, planned.name.slice(0, 12));
    const list = screen.getByRole('listbox', { name: 'Results' });
    await within(list).findByText(planned.name);
    const options = within(list).getAllByRole('option');
    const at = options.findIndex((o) => o.textContent?.includes(planned.name));
    for (let i = 0; i < at; i++) await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[at]!.id);
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe(`#/calibration/${planned.id}`);
  });

  it('lists no candidate while a blind session is on screen', async () => {
    window.location.hash = `#/calibration/${planned.id}/review`;
    const user = userEvent.setup();
    useUiStore.setState({ paletteOpen: true });
    render(<Page />);
    const box = await screen.findByRole('combobox', { name: 'Go to a section, session or candidate' });
    await user.type(box, someone.name);
    // Names shown in the session: the candidate is found.
    expect(await screen.findByText(someone.name)).toBeTruthy();
    // The chair hides names: the palette, still open, drops the candidates at once.
    await db.sessions.update(planned.id, { blind: true });
    expect(await screen.findByText('A blind session is on screen: candidates are not listed.')).toBeTruthy();
    expect(await screen.findByText(`Nothing matches “${someone.name}”.`)).toBeTruthy();
    expect(document.body.textContent).not.toContain(`Candidate ${someone.name}`);
  });
});
