/**
 * Every record of a bundle is validated once per import (issue 13): by the
 * import job's check (the worker; inline here), with the shared record
 * schemas, and not again by the write path on the page. Rows the merge plan
 * builds or changes are validated where they are built; any other row the
 * write path stores is still validated there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECORD_SCHEMAS } from '../../../shared/domain';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { startImport } from '../../../renderer/db/import-client';
import { runPlannedImport } from '../../../renderer/db/import-flow';
import { runCommand, RowInvalidError } from '../../../renderer/db/write/run-command';
import { markCheckedRows } from '../../../renderer/db/write/checked-rows';
import { compiledRowSchemas } from '../../../shared/exchange/row-parsers';

const AT = '2026-11-20T12:00:00.000Z';
const IMPORT_AT = '2026-11-20T13:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 12, seed: 5 });
const content = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
const TABLES = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'] as const;

const open: LevelsetDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((db) => db.delete()));
});
async function freshDb(name: string): Promise<LevelsetDatabase> {
  const db = new LevelsetDatabase(`validated-once-${name}`);
  open.push(db);
  await db.open();
  return db;
}

describe('a bundle import validates each record', () => {
  it('once: in the check, not again in the write path', async () => {
    const db = await freshDb('once');
    const text = await createBundle(content, { createdAt: AT, appVersion: 'test' });
    const calls = Object.fromEntries(TABLES.map((t) => [t, vi.spyOn(RECORD_SCHEMAS[t], 'safeParse')]));
    // The check runs the many-rowed tables through their compiled copies (shared/exchange/row-parsers.ts).
    const compiled = compiledRowSchemas();
    const fast: Partial<Record<(typeof TABLES)[number], { mock: { calls: unknown[][] } }>> = {
      candidates: vi.spyOn(compiled.candidates, 'safeParse'),
      evidence: vi.spyOn(compiled.evidence, 'safeParse'),
      packets: vi.spyOn(compiled.packets, 'safeParse'),
    };
    const callsOf = (t: (typeof TABLES)[number]) => [...calls[t]!.mock.calls, ...(fast[t]?.mock.calls ?? [])];
    const job = startImport(text, undefined, () => {});
    const checked = await job.result;
    if (!checked.ok) throw new Error(checked.error.message);
    await runPlannedImport(db, job, checked, IMPORT_AT);
    const expected = { frameworks: 1, cycles: 1, candidates: content.candidates.length, evidence: content.evidence.length, packets: content.packets.length };
    expect(Object.fromEntries(TABLES.map((t) => [t, callsOf(t).length]))).toEqual(expected);
    // Each by the schema object shared with the write path, built once: the same row objects the bundle carried, one call each.
    expect(new Set(callsOf('evidence').map(([row]) => (row as { id: string }).id)).size).toBe(content.evidence.length);
    expect(await db.evidence.count()).toBe(content.evidence.length);
  });

  it('in the write path when a row was checked for another table, or not checked at all', async () => {
    const db = await freshDb('marks');
    const bad = { ...sample.candidates[0]!, name: '' };
    // Marked as checked for packets: still validated, and refused, as a candidate.
    markCheckedRows('packets', [bad]);
    await expect(runCommand(db, { name: 'test' }, (ctx) => ctx.put('candidates', bad))).rejects.toBeInstanceOf(RowInvalidError);
    await expect(runCommand(db, { name: 'test' }, (ctx) => ctx.bulkPut('candidates', [{ ...bad }]))).rejects.toBeInstanceOf(RowInvalidError);
    expect(await db.candidates.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
