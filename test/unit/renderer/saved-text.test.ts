// @vitest-environment jsdom
/**
 * The web build cannot know that a file it handed to the browser was kept
 * (the browser may ask where, or block the download; a PDF is printed from a
 * new tab), so it must not say "Saved" as the desktop app does: a backup
 * reported saved that was never kept is the one copy a person relies on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPlatform } from '../../../renderer/platform/bridge';
import { savedText } from '../../../renderer/platform/saved-text';

afterEach(() => vi.restoreAllMocks());

describe('what the app says after saving a file', () => {
  it('says Saved only when the desktop app wrote the file', () => {
    expect(savedText({ fileName: 'levelset-backup.json' })).toBe('Saved levelset-backup.json');
    expect(savedText({ fileName: 'levelset-backup.json', viaBrowser: 'download' })).toBe("Sent levelset-backup.json to the browser's downloads (check there that it was kept)");
    expect(savedText({ fileName: 'decision-book.pdf', viaBrowser: 'print' })).toBe('Opened decision-book.pdf in a new tab to print: choose "Save as PDF" there');
  });

  it('the web build reports a download and a print tab as handed to the browser, not saved', async () => {
    Object.assign(URL, { createObjectURL: () => 'blob:levelset-test', revokeObjectURL: () => undefined });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const saved = await browserPlatform.saveFile({ suggestedName: 'levelset-backup.json', content: '{}', encoding: 'utf8', filters: [] });
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(saved).toEqual({ canceled: false, fileName: 'levelset-backup.json', viaBrowser: 'download' });
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    const printed = await browserPlatform.printToPdf({ view: 'session', ids: ['s1'], suggestedName: 'decision-book.pdf' });
    expect(opened).toHaveBeenCalledTimes(1);
    expect(printed).toEqual({ canceled: false, fileName: 'decision-book.pdf', viaBrowser: 'print' });
  });
});
