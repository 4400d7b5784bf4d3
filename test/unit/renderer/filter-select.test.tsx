// @vitest-environment jsdom
/**
 * A filter field (the Packets list, the heatmap, the new-session form): found
 * by its label alone, even beside another filter whose options contain that
 * label's word; "any" first and chosen by default; a choice by keyboard
 * reaches the page.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterSelect } from '../../../renderer/components/filter-options';

afterEach(() => cleanup());

describe('FilterSelect', () => {
  it('is named by its label only, lists "any" first, and reports a choice', async () => {
    const onManager = vi.fn();
    render(
      <div>
        <FilterSelect className="toolbar-field" label="Manager" any="Any manager" value="" options={[{ value: 'alex', label: 'Alex Morgan' }]} onChange={onManager} />
        <FilterSelect className="toolbar-field" label="Target level" any="Any target level" value="" options={[{ value: 'm1', label: 'M1 Engineering Manager' }]} onChange={() => undefined} />
      </div>,
    );
    const manager = screen.getByLabelText('Manager') as HTMLSelectElement;
    expect(manager.tagName).toBe('SELECT');
    expect(screen.getByRole('combobox', { name: 'Manager' })).toBe(manager);
    expect(within(manager).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any manager', 'Alex Morgan']);
    expect(manager.value).toBe('');

    await userEvent.selectOptions(manager, 'Alex Morgan');
    expect(onManager).toHaveBeenCalledWith('alex');
  });
});
