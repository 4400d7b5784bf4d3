/**
 * Cancel leaves the database untouched: an import aborted while it writes
 * (after some slices are already in the transaction) rolls back every row,
 * the coverage and the audit trail; the checks cancelled before any write
 * never reach the database. Without a Worker (here) the client runs the
 * checks inline.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { importBundle } from '../../../renderer/db/bundles';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { startImport, ImportCancelledError } from '../../../renderer/db/import-client';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import type { ImportProgress } from '../../../shared/exchange/import-check';

const AT = '2026-11-20T12:00:00.000Z';
let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`bundle-cancel-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

async function everything(target: LevelsetDatabase) {
  return Object.fromEntries(await Promise.all(target.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/** A bundle from another machine's cycle: 120 candidates, so over 1,000 rows and several write slices. */
async function otherMachineBundle(): Promise<string> {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 120, seed: 7 });
  return createBundle({ cycle: { ...sample.cycle, id: 'cycle-from-laptop' }, frameworks: [sample.framework], candidates: sample.candidates.map((c) => ({ ...c, cycleId: 'cycle-from-laptop' })), evidence: sample.evidence.map((e) => ({ ...e, cycleId: 'cycle-from-laptop' })), packets: sample.packets.map((p) => ({ ...p, cycleId: 'cycle-from-laptop' })) }, { createdAt: AT, appVersion: 'test' });
}

describe('cancelling an import', () => {
  it('while writing: every table and the audit trail are exactly as before, and a second import then succeeds', async () => {
    await loadSampleCycle(db, generateSampleCycle(ic0M3Levels, { candidates: 4 }), AT);
    const before = await everything(db);
    const opened = await openBundle(await otherMachineBundle());
    if (!opened.ok) throw new Error(opened.error.message);

    const controller = new AbortController();
    const written: number[] = [];
    const aborted = importBundle(db, opened.content, AT, {
      signal: controller.signal,
      onProgress: (p) => {
        written.push(p.done);
        // Cancel once the first slice is in the transaction.
        if (p.done >= 500) controller.abort();
      },
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    // The framework version is already here (same built-in ladder), so: the cycle, 120 candidates, then 500 evidence items.
    expect(written).toEqual([0, 1, 121, 621]);
    expect(await everything(db)).toEqual(before);

    const total = 1 + 120 + opened.content.evidence.length + opened.content.packets.length;
    const progress: number[] = [];
    await importBundle(db, opened.content, AT, { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBe(total);
    expect(await db.candidates.where('cycleId').equals('cycle-from-laptop').count()).toBe(120);
    expect(await db.audit.count()).toBe(before.audit!.length + 1);
  });

  it('while checking: the job rejects as cancelled and reports nothing more', async () => {
    const seen: ImportProgress[] = [];
    const job = startImport(await otherMachineBundle(), undefined, (p) => seen.push(p));
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(ImportCancelledError);
    const count = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.length).toBe(count);
  });

  it('without a Worker, the checks run inline and give the same result as opening the bundle', async () => {
    const text = await otherMachineBundle();
    const phases = new Set<string>();
    const checked = await startImport(text, undefined, (p) => phases.add(p.phase)).result;
    const opened = await openBundle(text);
    expect(checked.ok && opened.ok && checked.summary).toEqual(opened.ok && opened.summary);
    expect([...phases]).toEqual(['reading', 'checksum', 'checking', 'planning']);
  });
});
