// @vitest-environment jsdom
/**
 * Rename with the name as it was (Save name, or Enter, with nothing edited):
 * the form closes, says the name is the one already saved, and nothing is
 * written or audited. Cycles (their row's Rename) and frameworks (the
 * framework page's Rename) alike.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseWithSample } from './sample-database';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { createFramework } from '../../../renderer/db/framework-edits';
import { CyclesView } from '../../../renderer/features/cycles/cycles-view';
import { FrameworkManage } from '../../../renderer/features/frameworks/framework-manage';
import { RenameForm } from '../../../renderer/components/rename-form';
import { useUiStore } from '../../../renderer/state/ui-store';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
const { cycle } = sample;

beforeEach(async () => {
  useUiStore.getState().clearStatus();
  await freshDatabaseWithSample(sample);
});
afterEach(() => cleanup());

describe('Rename with nothing edited', () => {
  it('on a cycle’s row: closes, says the name is the one already saved, and records nothing', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.click(await screen.findByRole('button', { name: `Rename ${cycle.name}` }));
    const field = screen.getByRole('textbox', { name: `New name for ${cycle.name}` });
    await waitFor(() => expect(document.activeElement).toBe(field));
    const stored = await db.cycles.get(cycle.id);
    const entries = await db.audit.count();
    await user.keyboard('{Enter}');
    await screen.findByRole('button', { name: `Rename ${cycle.name}` });
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe(`The name “${cycle.name}” is the one already saved: nothing was changed.`));
    expect(await db.cycles.get(cycle.id)).toEqual(stored);
    expect(await db.audit.count()).toBe(entries);
  });

  it('on a framework’s page: closes, says the name is the one already saved, and records nothing', async () => {
    const id = await createFramework(db, { name: 'Platform ladder' });
    const framework = (await db.frameworks.get(id))!;
    const entries = await db.audit.count();
    const user = userEvent.setup();
    render(<FrameworkManage framework={framework} />);
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Framework name' });
    await user.clear(field);
    // Spaces around it are not kept: it is the name stored.
    await user.type(field, ' Platform ladder {Enter}');
    await screen.findByRole('button', { name: 'Rename' });
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('The name “Platform ladder” is the one already saved: nothing was changed.'));
    expect(await db.frameworks.get(id)).toEqual(framework);
    expect(await db.audit.count()).toBe(entries);
  });
});

describe('Rename while its save is in progress', () => {
  it('does not start the save again (Enter pressed twice while saving called the rename twice)', async () => {
    const user = userEvent.setup();
    const names: string[] = [];
    let finish: (done: 'changed') => void = () => {};
    const onSave = (name: string) => {
      names.push(name);
      return new Promise<'changed'>((resolve) => (finish = resolve));
    };
    let closed = 0;
    render(<RenameForm label="Framework name" initial="Platform ladder" onSave={onSave} onClose={() => closed++} />);
    const field = screen.getByRole('textbox', { name: 'Framework name' });
    await user.clear(field);
    await user.type(field, 'Platform ladder 2026{Enter}{Enter}');
    expect(names).toEqual(['Platform ladder 2026']);
    finish('changed');
    await waitFor(() => expect(closed).toBe(1));
  });
});
