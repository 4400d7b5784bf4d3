import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents, secureWebPreferences } from '../../../electron/window-security';
import { FakeSession, FakeWebContents } from './fakes';

function harden() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { openExternal });
  return { contents, openExternal };
}

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/preload.cjs',
    });
  });
});

describe('hardenWebContents', () => {
  it('denies every window.open and sends only safe http(s) links to the system browser', () => {
    const { contents, openExternal } = harden();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs');
    openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://example.com@evil.test', 'levelset://x']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation, redirects and <webview>', () => {
    const { contents } = harden();
    expect(contents.fire('will-navigate', 'https://evil.test/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.test/')).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('denies permission requests and checks', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.checkHandler?.({}, 'media')).toBe(false);
  });
});
