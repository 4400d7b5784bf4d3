/** Small stand-ins for Electron objects, recording what the code under test did. */
import { EventEmitter } from 'node:events';

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  /** Emits an Electron-style event and reports whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit(name, event, ...args);
    return prevented;
  }
}

export class FakeSession {
  requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler;
  }
}

/** An Electron-style event object whose preventDefault is recorded. */
export function fakeEvent() {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
}

/** Web contents of a fake window: records what main sends and reloads. */
export class FakeWindowContents extends FakeWebContents {
  reloads = 0;
  mainFrame = { url: 'app://levelset/index.html', parent: null };
  reload() {
    this.reloads++;
  }
}

/**
 * A BrowserWindow that behaves like the real one where the lifecycle cares:
 * close() emits 'close' (cancellable) and then, unless prevented, 'closed';
 * destroy() skips 'close' and emits 'closed'; a destroyed window throws on use.
 */
export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  webContents = new FakeWindowContents();
  options: Record<string, unknown>;
  loadedUrl: string | null = null;
  minimized = false;
  focused = 0;
  private destroyed = false;
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
  }
  static getAllWindows() {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  private alive() {
    if (this.destroyed) throw new Error('Object has been destroyed');
  }
  loadURL(url: string) {
    this.alive();
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    this.alive();
    return this.minimized;
  }
  restore() {
    this.alive();
    this.minimized = false;
  }
  focus() {
    this.alive();
    this.focused++;
  }
  maximize() {
    this.alive();
  }
  show() {
    this.alive();
  }
  isMaximized() {
    this.alive();
    return false;
  }
  getNormalBounds() {
    this.alive();
    return { x: 10, y: 20, width: 1200, height: 700 };
  }
  /** The user closes the window: 'close' may be prevented; otherwise the window goes. */
  close() {
    this.alive();
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

/** The app object: handlers by event name, and emit() that reports whether one prevented the default. */
export class FakeApp extends EventEmitter {
  quits = 0;
  quit() {
    this.quits++;
  }
  fire(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}
