/**
 * What the app says after a file was saved, in one place. The desktop app
 * writes the file where the person chose and knows it is there; the web
 * build can only hand it to the browser (a download, or a tab to print to
 * PDF), which may still ask, or be blocked, so it says what it did, not
 * "Saved".
 */
import type { IpcResponse } from '../../shared/ipc/contract';

/** A saved file as the contract describes it (shared/ipc/contract.ts SaveFileResultSchema). */
export type SavedFile = Omit<Extract<IpcResponse<'saveFile'>, { canceled: false }>, 'canceled'>;

/** "Saved <file>", or what was handed to the browser; a sentence's start, without its full stop. */
export function savedText(file: SavedFile): string {
  if (file.viaBrowser === 'download') return `Sent ${file.fileName} to the browser's downloads (check there that it was kept)`;
  if (file.viaBrowser === 'print') return `Opened ${file.fileName} in a new tab to print: choose "Save as PDF" there`;
  return `Saved ${file.fileName}`;
}
