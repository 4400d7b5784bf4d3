/**
 * Who may call IPC: only the main frame of one of our own app windows, with
 * a page from the app:// origin. The origin is compared exactly (scheme and
 * host, no user, password or port), never as a string prefix, so look-alike
 * hosts (app://levelset.evil) and other schemes fail, and the install path
 * no longer matters. A web contents that is not an app window (the print
 * window, anything created later) is refused even with the right origin.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The parts of IpcMainInvokeEvent the check reads (kept narrow for the tests). */
export interface SenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export function isAppOrigin(frameUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** `appContents` lists the web contents of the live app windows. */
export function createSenderCheck(appContents: () => unknown[]): (event: SenderEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!isAppOrigin(frame.url)) return false;
    return appContents().includes(event.sender);
  };
}
