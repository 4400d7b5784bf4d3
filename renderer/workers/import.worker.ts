/**
 * The import worker: a thin wrapper around ImportSession
 * (shared/exchange/import-session.ts) that answers the page's requests
 * (renderer/db/import-client.ts): check the bundle, plan against the stored
 * rows the page read, send the rows to write in small messages. The checked
 * bundle stays here. The page cancels by terminating the worker; nothing
 * here touches the database.
 */
import { ImportSession } from '../../shared/exchange/import-session';
import { readBundleFile } from '../../shared/exchange/import-check';
import { ROWS_PER_MESSAGE, type ImportWorkerReply, type ImportWorkerRequest } from '../db/import-client';
import type { MergeTable } from '../../shared/exchange/merge-plan';
import { compiledRowSchemas } from '../../shared/exchange/row-parsers';
import { rowCheckWarmUp } from '../../shared/exchange/row-warmup';
import { errorMessage } from '../../shared/util/error-message';
import { formatDate } from '../components/dates';

const post = (reply: ImportWorkerReply) => self.postMessage(reply);
const session = new ImportSession(formatDate);
const TABLES: readonly MergeTable[] = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'];

async function answer(request: ImportWorkerRequest): Promise<void> {
  if (request.type === 'check') {
    // A File from the page is read and decoded here, off the page's main thread; the warm-up goes on while it is read.
    const file = typeof request.text === 'string' ? { text: request.text, bytes: undefined } : await readBundleFile(request.text);
    warming = false;
    post({ type: 'checked', head: await session.check(file.text, request.passphrase, (progress) => post({ type: 'progress', progress }), file.bytes) });
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
