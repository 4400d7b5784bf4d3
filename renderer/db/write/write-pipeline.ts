/**
 * At most one IndexedDB write in flight while the page prepares the next,
 * without long tasks. Awaiting each write before preparing the next left the
 * page idle while IndexedDB stored it and IndexedDB idle while the page
 * prepared the next (about half of an import's time, issue 13). But awaiting
 * a write that has already finished does not end the page's task, so slices
 * would run on in one task whenever IndexedDB keeps up. So: while the
 * previous write is still being stored, the page waits for it (a new task);
 * when it is already stored, the page goes on in the same task only until
 * the task has run `budgetMs`, then waits for the write just queued, which
 * ends the task. Only IndexedDB requests are awaited, so a Dexie transaction
 * stays open; requests of one transaction complete in order.
 */
export class WritePipeline {
  private pending: { write: Promise<unknown>; settled: boolean } | null = null;
  private taskStarted: number;

  constructor(
    private readonly budgetMs = 50,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.taskStarted = now();
  }

  /** Takes a write just queued; resolves when the page may prepare the next one. A refused write rejects here or in drain(). */
  async add(write: Promise<unknown>): Promise<void> {
    const entry = { write, settled: false };
    const settle = () => {
      entry.settled = true;
    };
    write.then(settle, settle);
    const previous = this.pending;
    this.pending = entry;
    if (previous && !previous.settled) {
      await previous.write;
      this.taskStarted = this.now();
      return;
    }
    // Already stored: awaiting it does not end the task (it rethrows a refusal).
    if (previous) await previous.write;
    if (this.now() - this.taskStarted < this.budgetMs) return;
    this.pending = null;
    await write;
    this.taskStarted = this.now();
  }

  /** Waits for the write still in flight. */
  async drain(): Promise<void> {
    const last = this.pending;
    this.pending = null;
    if (last) await last.write;
  }
}
