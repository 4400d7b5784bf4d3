/**
 * When the first page has been drawn (issue 13). Work that need not delay it
 * (storing the built-in frameworks, automatic backups, connected mode:
 * main.tsx) waits for this, so its chunks (the NATS client alone is 220 KB)
 * are not downloaded, compiled and run, nor the built-in frameworks
 * validated, while the first page is still reading and drawing its rows: in
 * a profile of a cold navigation to the Candidates list that work ran
 * between the rows' arrival and their render. A page counts as drawn when
 * its code has arrived and it rendered (sections.tsx `onShown`); its rows
 * follow within a few database round trips, so the work waits a little
 * longer and for an idle moment. It starts a few seconds after boot at the
 * latest, as on first run, where the profile step shows no page.
 */
let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => (markShown = resolve));

/** Called by the shell each time a page is shown; only the first counts. */
export function noteFirstViewShown(): void {
  markShown();
}

let firstRead: Promise<unknown> = Promise.resolve();
/**
 * The first page's read (route-reads.ts), started at boot. A session's rows can take a second or more after its
 * page is drawn (a skeleton until then), and the deferred work, started at the idle moments of that wait on the
 * database, had its 20-odd chunks downloaded and compiled before the rows could be drawn (a heatmap profile,
 * issue 13): it now waits for the read too. A failed read does not hold it (the page reports the failure).
 */
export function noteFirstRead(read: Promise<unknown>): void {
  firstRead = read.catch(() => undefined);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` once the first page has been drawn and its first read
 * (`noteFirstRead`) has settled, a moment later, or `latestMs` after the call unless `holdWhile()` says the
 * window is showing something that needs none of it (a print document: the
 * desktop app's hidden print window, a browser tab printing), in which case
 * it waits for an app page to be shown (the shell does not note the print
 * view as one).
 */
export function afterFirstView(work: () => void, { settleMs = 500, latestMs = 3000, holdWhile = (): boolean => false } = {}): void {
  const latest = wait(latestMs).then(() => (holdWhile() ? shown : undefined));
  void Promise.race([Promise.all([shown, firstRead]), latest])
    .then(() => wait(settleMs))
    .then(() => void whenIdle(work));
}

/** Runs `work` in the next idle moment, or after `timeoutMs` at the latest; returns what cancels it. */
export function whenIdle(work: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(work, { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
