import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, parseWindowState } from '../../../electron/window-state';

const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('parseWindowState', () => {
  it('restores a saved size and position on a visible display', () => {
    expect(parseWindowState(JSON.stringify({ width: 1400, height: 900, x: 100, y: 50, maximized: true }), displays)).toEqual({
      width: 1400, height: 900, x: 100, y: 50, maximized: true,
    });
  });

  it('drops a position that is no longer on any display', () => {
    expect(parseWindowState(JSON.stringify({ width: 1400, height: 900, x: 3000, y: 50 }), displays)).toEqual({ width: 1400, height: 900, maximized: false });
  });

  it('falls back to the default for missing, corrupt or absurd state', () => {
    expect(parseWindowState(null, displays)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{not json', displays)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState(JSON.stringify({ width: 5, height: 5 }), displays)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
