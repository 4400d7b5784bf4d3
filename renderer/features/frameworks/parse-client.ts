/**
 * Parses a chosen framework file in a Web Worker (renderer/workers/
 * framework-parse.worker.ts), like the bundle import's checks: a large
 * progression file takes long enough to freeze the page if parsed here.
 *
 * Where there is no Worker (jsdom in unit tests) or the worker script cannot
 * load, the same function runs inline: the answer is the same, only the main
 * thread does the work. The parsers are loaded when a file is chosen, not
 * with the Frameworks page.
 */
import type { FrameworkImportResult } from '../../../shared/frameworks/import-result';

export type FrameworkParseRequest = { text: string; fileName: string };
export type FrameworkParseReply = { result: FrameworkImportResult };

async function inline(text: string, fileName: string): Promise<FrameworkImportResult> {
  const { parseFrameworkFile } = await import('../../../shared/frameworks/detect-format');
  return parseFrameworkFile(text, fileName);
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('../../workers/framework-parse.worker.ts', import.meta.url), { type: 'module', name: 'levelset-framework-parse' });
  } catch {
    return null;
  }
}

export function parseFrameworkInWorker(text: string, fileName: string): Promise<FrameworkImportResult> {
  const worker = startWorker();
  if (!worker) return inline(text, fileName);
  return new Promise<FrameworkImportResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<FrameworkParseReply>) => {
      worker.terminate();
      resolve(event.data.result);
    };
    // A worker script that cannot load (an unusual protocol or policy) says so before any message: parse here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(inline(text, fileName));
    };
    worker.postMessage({ text, fileName } satisfies FrameworkParseRequest);
  });
}
