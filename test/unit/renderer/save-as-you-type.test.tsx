// @vitest-environment jsdom
/**
 * Saving text as it is typed (renderer/state/use-save-as-you-type.ts), which
 * the packet's texts and the framework editor's fields share: nothing typed
 * is lost when a save fails or the page goes away before it lands.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unsavedText } from '../../../renderer/state/unsaved-text';
import { useSaveAsYouType } from '../../../renderer/state/use-save-as-you-type';

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('useSaveAsYouType', () => {
  it('keeps the words when a save fails, and sends them again at the next blur', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const onFailed = vi.fn();
    const { result } = renderHook(() => useSaveAsYouType({ value: 'old', save, rescueKey: 'k', delayMs: 10_000, onFailed }));
    act(() => result.current.typed('new words'));
    act(() => result.current.flush());
    await settle();
    expect(onFailed).toHaveBeenCalledTimes(1);
    // Still kept: a reload now puts the words back.
    expect(unsavedText('k', 'old')).toBe('new words');
    act(() => result.current.flush());
    await settle();
    expect(save.mock.calls.map((c) => c[0])).toEqual(['new words', 'new words']);
    expect(unsavedText('k', 'old')).toBeNull();
  });

  it('sends words kept before a reload at once, and only what changed afterwards', async () => {
    const first = renderHook(() => useSaveAsYouType({ value: 'old', save: () => new Promise(() => {}), rescueKey: 'k', delayMs: 10_000 }));
    act(() => first.result.current.typed('typed before the reload'));
    // The page goes away before the save lands (the save never resolves).
    const save = vi.fn().mockResolvedValue(undefined);
    const { result } = renderHook(() => useSaveAsYouType({ value: 'old', save, rescueKey: 'k', delayMs: 10_000 }));
    expect(result.current.rescued).toBe('typed before the reload');
    await settle();
    expect(save).toHaveBeenCalledWith('typed before the reload');
    act(() => result.current.flush());
    expect(save).toHaveBeenCalledTimes(1);
  });
});
