/**
 * The import worker: a thin wrapper around ImportSession
 * (shared/exchange/import-session.ts) that answers the page's requests
 * (renderer/db/import-client.ts): check the bundle, plan against the stored
 * rows the page read, send the rows to write in small messages. The checked
 * bundle stays here. The page cancels by terminating the worker; nothing
 * here touches the database.
 */
import { ImportSession } from '../../shared/exchange/import-session';
import { bundleFileText } from '../../shared/exchange/import-check';
import { ROWS_PER_MESSAGE, type ImportWorkerReply, type ImportWorkerRequest } from '../db/import-client';
import type { MergeTable } from '../../shared/exchange/merge-plan';
import { compiledRowSchemas } from '../../shared/exchange/row-parsers';
import { rowCheckWarmUp } from '../../shared/exchange/row-warmup';
import { errorMessage } from '../../shared/util/error-message';
import { formatDate } from '../components/dates';

const post = (reply: ImportWorkerReply) => self.postMessage(reply);

/**
 * The digest worker (digest.worker.ts), started with this one: a File's checksummed part is hashed there while
 * this thread reads and checks the same file. Null where a worker cannot start one (then it is hashed here).
 */
const digester = ((): Worker | null => {
  try {
    return typeof Worker === 'undefined' ? null : new Worker(new URL('./digest.worker.ts', import.meta.url), { type: 'module', name: 'levelset-digest' });
  } catch {
    return null;
  }
})();
const digests = new Map<number, (digest: string | null) => void>();
let nextDigest = 0;
// Set once it has failed (to load, or later): every digest is then done here, none waits on it again.
let digesterFailed = false;
if (digester) {
  digester.onmessage = (event: MessageEvent<{ id: number; digest: string | null }>) => {
    digests.get(event.data.id)?.(event.data.digest);
    digests.delete(event.data.id);
  };
  // A worker that failed to load answers nothing: every digest asked of it is then done here.
  digester.onerror = (event) => {
    event.preventDefault();
    digesterFailed = true;
    for (const answer of digests.values()) answer(null);
    digests.clear();
  };
}
/** `plainBodyDigest` of a copy of `bytes`, computed in the digest worker (the copy is handed over, not copied again). */
function bodyDigestOf(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> | undefined {
  if (!digester || digesterFailed) return undefined;
  const id = nextDigest++;
  const copy = bytes.slice();
  return new Promise((resolve) => {
    digests.set(id, resolve);
    digester.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}
const session = new ImportSession(formatDate);
const TABLES: readonly MergeTable[] = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'];

async function answer(request: ImportWorkerRequest): Promise<void> {
  if (request.type === 'check') {
    // A File from the page is read and decoded here, off the page's main thread; the warm-up goes on while it is read.
    let file: { text: string; bytes?: Uint8Array<ArrayBuffer> } = { text: '' };
    let bodyDigest: Promise<string | null> | undefined;
    if (typeof request.text === 'string') file = { text: request.text };
    else {
      const bytes = new Uint8Array(await request.text.arrayBuffer());
      // Hashed in the digest worker while this thread decodes, parses and checks the same bytes.
      bodyDigest = bodyDigestOf(bytes);
      file = bundleFileText(bytes);
    }
    warming = false;
    post({ type: 'checked', head: await session.check(file.text, request.passphrase, (progress) => post({ type: 'progress', progress }), file.bytes, bodyDigest) });
  } else if (request.type === 'plan') {
    post({ type: 'planned', preview: session.planWith(request.existing, request.now) });
  } else if (request.type === 'entry') {
    // Computed here while the page writes the rows (shared/audit/prepared-change.ts).
    post({ type: 'entry', prepared: session.prepareEntry(request.entry) });
  } else {
    const rows = session.rowsToWrite();
    const last = TABLES.findLast((t) => rows[t].length > 0) ?? 'packets';
    for (const table of TABLES) {
      const list = rows[table];
      for (let i = 0; i < list.length || (table === last && i === 0); i += ROWS_PER_MESSAGE) {
        const slice = list.slice(i, i + ROWS_PER_MESSAGE);
        post({ type: 'rows', table, rows: slice, last: table === last && i + ROWS_PER_MESSAGE >= list.length });
      }
    }
  }
}

self.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  answer(event.data).catch((e: unknown) => {
    const message = errorMessage(e);
    if (event.data.type === 'check') post({ type: 'checked', head: { ok: false, error: { code: 'invalid', message: `The bundle could not be read (${message}).` } } });
    else post({ type: 'failed', message });
  });
};

// The worker starts when the file dialog opens (import-client.ts prepareImport): the row parsers are
// set up now (about 50 ms of zod's code generation), while the person picks a file, not after.
compiledRowSchemas();
// Then they run over made-up rows (row-warmup.ts), a short task at a time, until the chosen file has been read.
const warmUp = rowCheckWarmUp();
let warming = true;
const nextSlice = () => {
  const slice = warmUp.shift();
  if (!warming || !slice) return;
  slice();
  setTimeout(nextSlice, 0);
};
setTimeout(nextSlice, 0);
