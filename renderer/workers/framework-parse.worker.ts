/**
 * The framework-file worker: runs parseFrameworkFile
 * (shared/frameworks/detect-format.ts) off the main thread, so a large file
 * (a 20,000-topic progression framework takes about half a second) does not
 * freeze the page. The client is renderer/features/frameworks/parse-client.ts.
 */
import { parseFrameworkFile } from '../../shared/frameworks/detect-format';
import type { FrameworkParseReply, FrameworkParseRequest } from '../features/frameworks/parse-client';
import { errorMessage } from '../../shared/util/error-message';

self.onmessage = (event: MessageEvent<FrameworkParseRequest>) => {
  const { text, fileName } = event.data;
  let reply: FrameworkParseReply;
  try {
    reply = { result: parseFrameworkFile(text, fileName) };
  } catch (e) {
    reply = { result: { ok: false, errors: [{ message: `The file could not be read (${errorMessage(e)}).` }] } };
  }
  self.postMessage(reply);
};
