/**
 * The commands (commands.ts), bound to the app's database and loaded on
 * first use: what a view that reads before it writes imports, so the write
 * path (run-command, the zod schemas, bundles, connected mode: some 330 KB
 * of script) is not fetched, compiled and run before the view's first rows
 * show (issue 13: a session page's navigation). The page warms them once it
 * has painted (`loadCommands`), so a click finds them loaded.
 *
 * Every command returns a promise already; here it also waits for the
 * chunk the first time.
 */
import type { commands as bound } from './commands';

type Bound = typeof bound;
export type LazyCommands = { [K in keyof Bound]: (...args: Parameters<Bound[K]>) => Promise<Awaited<ReturnType<Bound[K]>>> };

let loading: Promise<Bound> | undefined;

/** The commands module, loaded once; call it to warm the chunk before a write is likely. */
export function loadCommands(): Promise<Bound> {
  // A chunk that failed to load (offline, an update replaced it) is asked for again by the next call.
  loading ??= import('./commands').then(
    (m) => m.commands,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export const commands = new Proxy({} as LazyCommands, {
  get(_target, name) {
    return (...args: unknown[]) => loadCommands().then((loaded) => (loaded[name as keyof Bound] as (...a: unknown[]) => unknown)(...args));
  },
});
