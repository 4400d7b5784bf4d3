import { describe, expect, it } from 'vitest';
import { createSenderCheck, isAppOrigin } from '../../../electron/ipc-sender';
import { FakeBrowserWindow, FakeWebContents } from './fakes';

describe('IPC sender check', () => {
  const win = new FakeBrowserWindow();
  const check = createSenderCheck(() => [win.webContents]);
  const event = (url: string, sender: unknown = win.webContents, parent: unknown = null) => ({ sender, senderFrame: { url, parent } });

  it('accepts the main frame of an app window on app://levelset, whatever the route', () => {
    expect(check(event('app://levelset/index.html'))).toBe(true);
    expect(check(event('app://levelset/index.html#/print/session/a'))).toBe(true);
  });

  it('refuses look-alike origins and other schemes', () => {
    for (const url of [
      'app://levelset.evil/index.html',
      'app://levelsetx/index.html',
      'app://evil/levelset/index.html',
      'app://levelset:8080/index.html',
      'app://user@levelset/index.html',
      'app://user:pw@levelset/index.html',
      'apps://levelset/index.html',
      'file:///opt/Levelset/resources/app.asar/dist/renderer/index.html',
      'https://levelset/index.html',
      'http://levelset/',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppOrigin(url), url).toBe(false);
      expect(check(event(url)), url).toBe(false);
    }
  });

  it('refuses a web contents that is not one of our windows, even on the right origin', () => {
    expect(check(event('app://levelset/index.html', new FakeWebContents()))).toBe(false);
  });

  it('refuses subframes and events without a frame', () => {
    expect(check(event('app://levelset/index.html', win.webContents, { url: 'app://levelset/index.html' }))).toBe(false);
    expect(check({ sender: win.webContents, senderFrame: null })).toBe(false);
  });

  it('no longer depends on the install path (a # in it refused every call before)', () => {
    // The page URL is app://levelset/... wherever the app is installed, e.g. /home/u/C#/Levelset.
    expect(check(event('app://levelset/index.html#/packets'))).toBe(true);
  });
});
