// @vitest-environment jsdom
/**
 * useWatchedRead (renderer/db/watched-read.ts): the first read of a key
 * starts at once, not after the watch's first answer (issue 13: the rows the
 * route had already read waited behind the watch's counts), is not repeated
 * when nothing was written meanwhile, and a write made after it began and
 * before the watch first answered is read, not lost.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import Dexie, { type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useWatchedRead } from '../../../renderer/db/watched-read';

class ItemsDb extends Dexie {
  items!: Table<{ id: string; text: string }, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ items: 'id' });
  }
}

let db: ItemsDb;
let serial = 0;
beforeEach(async () => {
  db = new ItemsDb(`watched-read-${++serial}`);
  await db.items.put({ id: 'a', text: 'first' });
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** A watch held until `open()`: it observes the item once let through, as the session's and the book's watches do. */
function heldWatch() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let answered = 0;
  return {
    watch: async () => {
      await gate;
      await db.items.get('a');
      answered += 1;
    },
    open: () => open(),
    answered: () => answered,
  };
}

function Shown({ watch, load }: { watch: () => Promise<unknown>; load: () => Promise<string> }) {
  const text = useWatchedRead('a', watch, load);
  return <p>{text ?? 'Loading'}</p>;
}

describe('useWatchedRead', () => {
  it('shows the first read before the watch has answered, and does not read again when nothing was written', async () => {
    const held = heldWatch();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return (await db.items.get('a'))!.text;
    };
    render(<Shown watch={held.watch} load={load} />);
    await screen.findByText('first');
    expect(held.answered()).toBe(0);
    act(() => held.open());
    await waitFor(() => expect(held.answered()).toBe(1));
    // Let any read the answer would start land before counting.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(loads).toBe(1);
  });

  it('reads again a write made after the first read began and before the watch first answered', async () => {
    const held = heldWatch();
    const load = async () => (await db.items.get('a'))!.text;
    render(<Shown watch={held.watch} load={load} />);
    await screen.findByText('first');
    // Written while the watch has observed nothing yet: only the count of writes seen tells the hook.
    await db.items.put({ id: 'a', text: 'second' });
    act(() => held.open());
    await screen.findByText('second');
  });

  it('reads again after a write to what the watch observes', async () => {
    const held = heldWatch();
    held.open();
    const load = async () => (await db.items.get('a'))!.text;
    render(<Shown watch={held.watch} load={load} />);
    await screen.findByText('first');
    await waitFor(() => expect(held.answered()).toBe(1));
    await db.items.put({ id: 'a', text: 'third' });
    await screen.findByText('third');
  });
});
