/**
 * Window security: the one helper every window and web contents goes through.
 * Renderer code is untrusted as far as main is concerned: it runs sandboxed,
 * isolated from Node, cannot open windows, navigate away, embed <webview>,
 * or be granted any permission. External links leave only for parsed
 * http/https URLs, and only to the system browser.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { isSafeExternalUrl } from '../shared/util/trusted-url';

export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click cannot open a window (window.open is denied anyway).
    disableBlinkFeatures: 'Auxclick',
    ...(preloadPath ? { preload: preloadPath } : {}),
  };
}

export interface HardenOptions {
  /** Opens a URL in the system browser (shell.openExternal). */
  openExternal: (url: string) => void | Promise<void>;
}

/** Applies every runtime guard to one web contents. */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void options.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request and check (camera, notifications, geolocation, ...). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
