/**
 * Who to tell after a command that may remove records, or close a session,
 * has run (commands.ts calls `noteRemovals`). Its own small module, so a
 * listener (app/kept-text-sweep.ts) does not load the commands' chunk.
 */
const listeners = new Set<() => void>();

/** Calls `listener` after each such command completes, successfully or not; returns the unsubscribe. */
export function afterRemovals(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function noteRemovals(): void {
  for (const listener of listeners) listener();
}
