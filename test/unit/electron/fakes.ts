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
