/**
 * The import worker: a thin wrapper that runs checkBundleBytes
 * (shared/exchange/import-check.ts) off the main thread and posts its
 * progress and result. The client (renderer/db/import-client.ts) cancels by
 * terminating the worker; nothing here touches the database.
 */
import { checkBundleBytes } from '../../shared/exchange/import-check';
import type { ImportWorkerReply, ImportWorkerRequest } from '../db/import-client';

const post = (reply: ImportWorkerReply) => self.postMessage(reply);

self.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  const { bytes, passphrase } = event.data;
  checkBundleBytes(bytes, passphrase ? { passphrase } : {}, (progress) => post({ type: 'progress', progress }))
    .then((result) => post({ type: 'result', result }))
    .catch((e: unknown) => post({ type: 'result', result: { ok: false, error: { code: 'invalid', message: `The bundle could not be read (${e instanceof Error ? e.message : String(e)}).` } } }));
};
