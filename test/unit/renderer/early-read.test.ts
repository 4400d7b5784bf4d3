/**
 * A view's first read started before the view mounts (renderer/db/early-read.ts):
 * the view's loader takes it instead of reading again, and never gets rows
 * older than a write made after the read started.
 */
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { startEarly, takeEarly } from '../../../renderer/db/early-read';

const sample = generateSampleCycle(ic0M3Levels, { seed: 7, candidates: 3 });
const db = new LevelsetDatabase('early-read');
const other = new LevelsetDatabase('early-read-other');

beforeAll(async () => {
  await Promise.all([db.open(), other.open()]);
  await c.loadSampleCycle(db, sample, '2026-11-01T09:00:00.000Z');
});
afterAll(async () => {
  db.close();
  other.close();
  await Promise.all([Dexie.delete('early-read'), Dexie.delete('early-read-other')]);
});

/** Reads the cycle's name, counting how often the database is asked. */
function nameReader(from: LevelsetDatabase) {
  let reads = 0;
  return {
    load: async () => {
      reads++;
      return (await from.cycles.get(sample.cycle.id))?.name;
    },
    reads: () => reads,
  };
}

describe('early reads', () => {
  it('hands the started read to the loader once, without reading again', async () => {
    const r = nameReader(db);
    startEarly(db, 'cycle-name', r.load);
    expect(await takeEarly(db, 'cycle-name', r.load)).toBe(sample.cycle.name);
    expect(r.reads()).toBe(1);
    // Taken once: the next load reads.
    await takeEarly(db, 'cycle-name', r.load);
    expect(r.reads()).toBe(2);
  });

  it('drops a read started before a write, so the loader sees the write', async () => {
    const r = nameReader(db);
    startEarly(db, 'cycle-name', r.load);
    await c.renameCycle(db, sample.cycle.id, 'Renamed after the early read');
    expect(await takeEarly(db, 'cycle-name', r.load)).toBe('Renamed after the early read');
    expect(r.reads()).toBe(2);
  });

  it('does not hand one database’s read to a loader of another', async () => {
    const r = nameReader(db);
    const o = nameReader(other);
    startEarly(db, 'cycle-name', r.load);
    expect(await takeEarly(other, 'cycle-name', o.load)).toBeUndefined();
    expect(o.reads()).toBe(1);
  });

  it('reads again when the started read failed', async () => {
    const r = nameReader(db);
    startEarly(db, 'cycle-name', () => Promise.reject(new Error('the database closed')));
    expect(await takeEarly(db, 'cycle-name', r.load)).toBeTypeOf('string');
    expect(r.reads()).toBe(1);
  });
});
