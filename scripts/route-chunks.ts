// How the renderer's code is cut into chunks for a calibration session
// (issue 13). Left to the bundler, the code a session page needs beyond the
// startup chunks came as some 36 chunks, most under 1 KB (one per set of
// pages that share a module). Each is a request; over `vite preview`'s
// HTTP/1.1 (six at a time) and on a busy 2-core machine, those requests, not
// the bytes, were most of the 1.1 s a session's first view took beyond the
// Candidates list's. Here the session page's code is gathered into one chunk
// of the app's own modules and one of the libraries it uses, and other pages
// that share a module load the same chunk.
//
// A module belongs to the session's chunks when a session's page or its
// views reach it through static imports and the startup code does not (what
// startup loads stays in the startup chunks: the 150 KB budget of
// scripts/bundle-check.mjs holds). The chart components stay in chunks of
// their own: they are loaded when a chart is first shown.
import { resolve } from 'node:path';

/** The least a module's info must say for the rule: what it imports statically. */
export interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

export const STARTUP_ENTRY = 'renderer/main.tsx';
export const SESSION_ENTRIES = ['renderer/features/calibration/calibration-view.tsx', 'renderer/features/calibration/views/index.ts'];

/** Every module reachable from `from` through static imports (the modules themselves included). */
export function staticClosure(graph: ModuleGraph, from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    const info = graph.getModuleInfo(id);
    if (!info) continue;
    seen.add(id);
    queue.push(...info.importedIds);
  }
  return seen;
}

/**
 * The chunk name for a module (`null`: the bundler's own splitting decides):
 * "session" for the session's own code, "session-libs" for the libraries
 * only it and later pages use. The graph is read once, on the first call.
 */
export function sessionChunks(root: string): (id: string, graph: ModuleGraph) => string | null {
  let session: Set<string> | null = null;
  return (id, graph) => {
    if (!session) {
      const startup = staticClosure(graph, [resolve(root, STARTUP_ENTRY)]);
      session = new Set([...staticClosure(graph, SESSION_ENTRIES.map((e) => resolve(root, e)))].filter((m) => !startup.has(m)));
    }
    if (!session.has(id)) return null;
    return /[\\/]node_modules[\\/]/.test(id) ? 'session-libs' : 'session';
  };
}
