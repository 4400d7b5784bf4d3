/**
 * The import's and coverage's writes keep one slice in flight while the next
 * is prepared, yet no task runs slice after slice: the page waits for the
 * previous write while it is being stored, and once a task has run its
 * budget it waits for the write just queued (renderer/db/write/write-pipeline.ts,
 * issue 13).
 */
import { describe, expect, it } from 'vitest';
import { WritePipeline } from '../../../renderer/db/write/write-pipeline';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
/** Whether `p` has settled after the pending microtasks and a timer. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  await flush();
  return done;
}

describe('the write pipeline', () => {
  it('queues the next slice while the previous one is still being stored, and goes on when that one is done', async () => {
    const pipeline = new WritePipeline(50, () => 0);
    const a = deferred();
    const b = deferred();
    // Nothing before it, within the budget: the page goes on at once with a in flight.
    expect(await settled(pipeline.add(a.promise))).toBe(true);
    // a still being stored: b is queued beside it and the page waits for a, not for b.
    const addB = pipeline.add(b.promise);
    expect(await settled(addB)).toBe(false);
    a.resolve();
    expect(await settled(addB)).toBe(true);
    const drained = pipeline.drain();
    expect(await settled(drained)).toBe(false);
    b.resolve();
    expect(await settled(drained)).toBe(true);
  });

  it('when IndexedDB keeps up, goes on in the same task only until the budget, then waits for the write just queued', async () => {
    let clock = 0;
    const pipeline = new WritePipeline(50, () => clock);
    const a = deferred();
    const b = deferred();
    const c = deferred();
    await pipeline.add(a.promise);
    a.resolve();
    await flush();
    clock = 30;
    // a is stored and the task has run 30 ms: b is queued and the page goes on.
    expect(await settled(pipeline.add(b.promise))).toBe(true);
    b.resolve();
    await flush();
    clock = 60;
    // b is stored and the task has run 60 ms: the page waits for c, which ends the task.
    const addC = pipeline.add(c.promise);
    expect(await settled(addC)).toBe(false);
    c.resolve();
    expect(await settled(addC)).toBe(true);
    // A new task began when c was stored: the next goes on at once.
    const d = deferred();
    expect(await settled(pipeline.add(d.promise))).toBe(true);
    d.resolve();
    await pipeline.drain();
  });

  it('passes a refused write on to the caller', async () => {
    const pipeline = new WritePipeline(50, () => 0);
    const a = deferred();
    const b = deferred();
    await pipeline.add(a.promise);
    const addB = pipeline.add(b.promise);
    a.reject(new Error('refused'));
    await expect(addB).rejects.toThrow('refused');
    const drained = pipeline.drain();
    b.reject(new Error('refused too'));
    await expect(drained).rejects.toThrow('refused too');
  });
});
