/**
 * Where focus goes after a criterion, level or track moves with its Up/Down
 * buttons (one rule for the three editors): the pressed button, which moves
 * with its item, unless the item reached that end of the list, where that
 * button is disabled and the other one takes focus.
 */
import { describe, expect, it } from 'vitest';
import { focusAfterMove } from '../../../renderer/features/frameworks/editor/editor-behaviour';

const ids = { up: 'up', down: 'down' };

describe('focus after a move', () => {
  it('stays on the pressed button in the middle of the list', () => {
    expect(focusAfterMove('up', 3, 5, ids)).toBe('up');
    expect(focusAfterMove('down', 3, 5, ids)).toBe('down');
  });
  it('goes to the other button at either end', () => {
    // Second of five moves up: now first, its Up button disabled.
    expect(focusAfterMove('up', 2, 5, ids)).toBe('down');
    // Fourth of five moves down: now last, its Down button disabled.
    expect(focusAfterMove('down', 4, 5, ids)).toBe('up');
  });
  it('keeps a two-item list usable both ways', () => {
    expect(focusAfterMove('down', 1, 2, ids)).toBe('up');
    expect(focusAfterMove('up', 2, 2, ids)).toBe('down');
  });
});
