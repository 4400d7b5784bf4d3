// Keeps a connected cycle's committee copy moving (issue 14): the chair's
// app sends the cycle (encrypted with the cycle passphrase) when it connects
// and again when its sessions change, if the content differs from the copy
// on the server; a member's app imports the copy when it connects and each
// time the chair puts a new one, then the session events that waited for
// it apply. One step at a time per cycle; progress and problems go to the
// transport's status (`copy`).
import type { NatsConnection } from '@nats-io/nats-core';
import { createBundle } from '../../shared/exchange/bundle-format';
import type { ConnectionSettings } from '../../shared/connected/state';
import { connectedApp } from '../db/connected-hooks';
import { copyInfo, getCopy, putCopy, watchCopy } from './committee-copy';
import type { CopyStatus, StatusStore } from './transport-status';
import { errorMessage } from '../../shared/util/error-message';

export interface CopySync {
  /** The transport's onConnected hook. */
  onConnected(nc: NatsConnection): Promise<void>;
  /** The chair's app: send the copy again if it changed (after a session change), on the open connection. */
  resend(nc: NatsConnection | null): void;
}

/** How often a member's app looks for the chair's bucket before any chair has created it. */
const LOOK_AGAIN_MS = 10_000;

export const MEMBER_PASSPHRASE_GONE =
  'This app no longer holds the cycle passphrase (a browser forgets it when its window closes), so the chair’s newer copies of the cycle do not arrive here: enter it again under Cycles → Connected mode.';

/** The app's side the copy needs (connectedApp; tests pass one over their own database). */
export type CopyApp = Pick<typeof connectedApp, 'passphrase' | 'copyContent' | 'copyChecksum' | 'importedChecksum' | 'importCopy'>;

export function copySync(settings: ConnectionSettings, status: () => StatusStore, app: CopyApp = connectedApp): CopySync {
  const { cycleId } = settings;
  const role = settings.identity.role;
  let queue: Promise<void> = Promise.resolve();
  const show = (copy: CopyStatus | null) => status().update({ copy });
  const serial = (step: () => Promise<void>): Promise<void> => {
    queue = queue.then(step).catch((error: unknown) => show({ state: 'failed', message: errorMessage(error) }));
    return queue;
  };

  async function send(nc: NatsConnection): Promise<void> {
    const passphrase = await app.passphrase(cycleId);
    if (!passphrase) return show({ state: 'failed', message: 'Members cannot get the cycle until you enter the cycle passphrase: Cycles → Connected mode → Change settings.' });
    const content = await app.copyContent(cycleId);
    const checksum = await app.copyChecksum(content);
    if ((await copyInfo(nc, cycleId))?.checksum === checksum) return show({ state: 'sent', message: 'The committee has this cycle’s current copy.' });
    show({ state: 'sending', message: 'Sending the cycle to the committee (encrypted)…' });
    const text = await createBundle(content, { passphrase, createdAt: new Date().toISOString(), appVersion: import.meta.env?.VITE_APP_VERSION ?? 'dev' });
    await putCopy(nc, cycleId, text, checksum);
    show({ state: 'sent', message: 'The committee has this cycle’s current copy.' });
  }

  async function receive(nc: NatsConnection): Promise<void> {
    const passphrase = await app.passphrase(cycleId);
    if (!passphrase) {
      // A member whose browser window forgot it (closed and opened again) after taking a copy with it is told: the
      // chair's newer copies stop arriving, and a trial's member stayed on an old packet revision, "Connected".
      if (await app.importedChecksum(cycleId)) return show({ state: 'failed', message: MEMBER_PASSPHRASE_GONE });
      // A member who took the cycle from a bundle file and gave no passphrase follows the sessions only.
      return;
    }
    const info = await copyInfo(nc, cycleId);
    if (!info) return show({ state: 'waiting', message: 'Waiting for the chair to send the cycle.' });
    if (info.checksum && info.checksum === (await app.importedChecksum(cycleId))) return show({ state: 'imported', message: 'This app has the committee’s current copy of the cycle.' });
    show({ state: 'importing', message: 'Receiving the cycle from the chair…' });
    const copy = await getCopy(nc, cycleId);
    if (!copy) return show({ state: 'waiting', message: 'Waiting for the chair to send the cycle.' });
    await app.importCopy(cycleId, copy.text, passphrase);
    show({ state: 'imported', message: 'This app has the committee’s current copy of the cycle.' });
  }

  return {
    async onConnected(nc) {
      if (role === 'chair') return serial(() => send(nc));
      if (role !== 'member') return;
      await serial(() => receive(nc));
      // Watch for the chair's new copies; until a chair has created the bucket at all, look again now and then.
      const watch = async (): Promise<void> => {
        if (nc.isClosed()) return;
        const stop = await watchCopy(nc, cycleId, () => serial(() => receive(nc))).catch(() => null);
        if (stop) return void nc.closed().then(stop);
        const timer = setTimeout(() => void serial(() => receive(nc)).then(watch), LOOK_AGAIN_MS);
        void nc.closed().then(() => clearTimeout(timer));
      };
      await watch();
    },
    resend(nc) {
      if (role === 'chair' && nc) void serial(() => send(nc));
    },
  };
}
