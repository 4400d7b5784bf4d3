// @vitest-environment jsdom
/**
 * The framework editor's save indicator when one field's save fails and
 * another's then succeeds: the failed field keeps its words (use-draft.ts)
 * and only the indicator says why, so it must keep saying "Not saved" until
 * that field is saved. Before, it showed the last edit's outcome: "Saved",
 * while the first field's words were stored nowhere.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyEdit, createBlankFramework, type FrameworkEdit } from '../../../shared/frameworks/edit-ops';
import { commands } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { FrameworkEditor } from '../../../renderer/features/frameworks/editor/framework-editor';

const T0 = '2026-01-01T00:00:00.000Z';

function framework() {
  let f = createBlankFramework('fw', 'fw-lineage', 'Test ladder', T0);
  const edits: FrameworkEdit[] = [
    { type: 'add-track', track: { id: 'ic', name: 'Individual contributor', kind: 'ic' } },
    { type: 'add-level', level: { id: 'ic1', trackId: 'ic', code: 'IC1', title: 'Engineer' } },
    { type: 'add-criterion', criterion: { id: 'c1', levelId: 'ic1', text: 'Ships small reviewed changes every week.' } },
    { type: 'add-criterion', criterion: { id: 'c2', levelId: 'ic1', text: 'Writes a design note before a large change.' } },
  ];
  for (const edit of edits) f = applyEdit(f, edit, T0);
  return f;
}

const FULL = 'The disk is full.';
const indicator = () => document.querySelector('.editor-save')!.textContent;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the framework editor save indicator', { timeout: 30_000 }, () => {
  it('keeps "Not saved" for a failed field after another field saves, until that field is saved', async () => {
    await db.frameworks.put(framework());
    const edit = commands.editFramework.bind(commands);
    let failFirst = true;
    vi.spyOn(commands, 'editFramework').mockImplementation(async (id, change, options) => {
      if (failFirst && change.type === 'update-criterion' && change.criterionId === 'c1') throw new Error(FULL);
      return edit(id, change, options);
    });
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);

    const first = await screen.findByLabelText('Criterion 1 of IC1');
    await user.clear(first);
    await user.type(first, 'Reviews a teammate pull request every day.');
    await waitFor(() => expect(indicator()).toBe(`Not saved: ${FULL}`));

    const second = screen.getByLabelText('Criterion 2 of IC1');
    await user.type(second, ' And shares it.');
    await waitFor(async () => expect((await db.frameworks.get('fw'))!.criteria[1]!.text).toBe('Writes a design note before a large change. And shares it.'));
    await waitFor(() => expect(screen.queryByText('Saving…')).toBeNull());
    // The second field saved; the first one's words are still stored nowhere.
    expect(indicator()).toBe(`Not saved: ${FULL}`);
    expect((first as HTMLTextAreaElement).value).toBe('Reviews a teammate pull request every day.');

    // Once the first field saves, the indicator says so.
    failFirst = false;
    await user.type(first, '!');
    await waitFor(async () => expect((await db.frameworks.get('fw'))!.criteria[0]!.text).toBe('Reviews a teammate pull request every day.!'));
    await waitFor(() => expect(indicator()).toBe('Saved'));
  });

  it('clears "Not saved" when the failed field is typed back to its stored text', async () => {
    await db.frameworks.put(framework());
    vi.spyOn(commands, 'editFramework').mockImplementation(async () => {
      throw new Error(FULL);
    });
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const first = await screen.findByLabelText('Criterion 1 of IC1');
    await user.type(first, ' Twice.');
    await waitFor(() => expect(indicator()).toBe(`Not saved: ${FULL}`));
    // Back to the stored words: nothing is left to save, so nothing is sent and nothing is unsaved.
    await user.clear(first);
    await user.type(first, 'Ships small reviewed changes every week.');
    await user.tab();
    await waitFor(() => expect(indicator()).not.toContain('Not saved'));
  });

  it('does not keep "Not saved" for a checkbox whose change was refused and went back', async () => {
    await db.frameworks.put(framework());
    const edit = commands.editFramework.bind(commands);
    vi.spyOn(commands, 'editFramework').mockImplementation(async (id, change, options) => {
      if (change.type === 'update-level' && 'optional' in change.patch) throw new Error(FULL);
      return edit(id, change, options);
    });
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const box = await screen.findByRole('checkbox', { name: /Optional/ });
    await user.click(box);
    await waitFor(() => expect(indicator()).toBe(`Not saved: ${FULL}`));
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
    // The box shows the stored value again; the next edit that saves says so.
    await user.type(screen.getByLabelText('Criterion 2 of IC1'), ' Always.');
    await waitFor(() => expect(indicator()).toBe('Saved'));
  });

  it('Undo after a refused save takes back the words that were not saved, not the last saved change', async () => {
    // The walkthrough's steps: a description saved, then the name cleared (refused: give the framework a name), then Undo.
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const description = await screen.findByLabelText('Description');
    await user.type(description, 'Our ladder.');
    await waitFor(async () => expect((await db.frameworks.get('fw'))!.description).toBe('Our ladder.'));
    await waitFor(() => expect(indicator()).toBe('Saved'));
    const name = screen.getByLabelText('Framework name');
    await user.clear(name);
    await user.tab();
    // In the rule's words, not the write path's ("A frameworks row was refused: name: a framework needs a name.").
    await waitFor(() => expect(indicator()).toBe('Not saved: Give the framework a name.'));
    // The summary is of the stored framework: it says a field is not saved rather than a bare "No problems found".
    expect(document.querySelector('.editor-summary')?.textContent).toBe('1 field not saved · no problems found in what is saved');

    await user.click(screen.getByRole('button', { name: 'Undo last change' }));
    // The name is back as stored, the description edit is kept, and nothing is left unsaved.
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Test ladder'));
    expect((await db.frameworks.get('fw'))!.description).toBe('Our ladder.');
    expect((description as HTMLTextAreaElement).value).toBe('Our ladder.');
    expect(indicator()).not.toMatch(/Not saved/);
    expect(document.querySelector('.editor-summary')?.textContent).toBe('No problems found');
    // A second Undo takes back the saved description, and says so.
    await user.click(await screen.findByRole('button', { name: 'Undo the framework’s description' }));
    await waitFor(async () => expect((await db.frameworks.get('fw'))!.description).toBe(''));
  });

  it('says "Saving…", not "Saved", while typed words wait for the pause before they are sent', async () => {
    await db.frameworks.put(framework());
    let release: (() => void) | null = null;
    const edit = commands.editFramework.bind(commands);
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const first = await screen.findByLabelText('Criterion 1 of IC1');
    await user.type(first, '!');
    await waitFor(() => expect(indicator()).toBe('Saved'));
    // The next save is held, so the words typed now are not stored while the indicator is read.
    vi.spyOn(commands, 'editFramework').mockImplementation(async (id, change, options) => {
      await new Promise<void>((resolve) => (release = resolve));
      return edit(id, change, options);
    });
    await user.type(first, '?');
    // Typed, not yet sent (the pause is 250 ms): before, this said "Saved".
    expect(indicator()).toBe('Saving…');
    // Sent and held: still "Saving…".
    await waitFor(() => expect(release).not.toBeNull());
    expect(indicator()).toBe('Saving…');
    release!();
    await waitFor(() => expect(indicator()).toBe('Saved'));
  });
});
