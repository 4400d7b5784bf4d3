/**
 * The import as the UI runs it (renderer/db/import-flow.ts): planned by the
 * import job (inline here, where there is no Worker), written by
 * writePlannedImport. It stores what importBundle stores; a command that
 * writes between the read and the write makes it plan again, so a newer edit
 * made here in between is not overwritten by the stale plan; a cancel while
 * writing leaves every table and the trail as they were.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { formatDate } from '../../../renderer/components/dates';
import { importBundle } from '../../../renderer/db/bundles';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { verifyAudit } from '../../../renderer/db/audit';
import { startImport, type ImportJob } from '../../../renderer/db/import-client';
import { planImportPreview, runPlannedImport } from '../../../renderer/db/import-flow';
import { createSession, recordVote } from '../../../renderer/db/sessions';
import type { CheckedHead } from '../../../shared/exchange/import-session';
import { countRequests } from '../../fixtures/db/idb-requests';

const AT = '2026-11-20T12:00:00.000Z';
const EDITED_AT = '2026-11-20T12:30:00.000Z';
const IMPORT_AT = '2026-11-20T13:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 40, seed: 11 });
const content = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
const RECORDS = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets', 'coverage'] as const;

let n = 0;
const open: LevelsetDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.delete())));
async function freshDb(): Promise<LevelsetDatabase> {
  const db = new LevelsetDatabase(`import-flow-${++n}`);
  open.push(db);
  await db.open();
  return db;
}
const records = async (db: LevelsetDatabase) => Object.fromEntries(await Promise.all(RECORDS.map(async (t) => [t, await db.table(t).toArray()] as const)));
const everything = async (db: LevelsetDatabase) => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));

async function checkedJob(of: typeof content = content): Promise<{ job: ImportJob; checked: Extract<CheckedHead, { ok: true }> }> {
  const job = startImport(await createBundle(of, { createdAt: AT, appVersion: 'test' }), undefined, () => {});
  const checked = await job.result;
  if (!checked.ok) throw new Error(checked.error.message);
  return { job, checked };
}

/** What each plan of `job` was given: stored rows, or none (the rows of the last plan). */
function plansGiven(job: ImportJob): Array<'rows' | 'the last plan’s'> {
  const given: Array<'rows' | 'the last plan’s'> = [];
  const plan = job.plan.bind(job);
  job.plan = (existing, now) => {
    given.push(existing ? 'rows' : 'the last plan’s');
    return plan(existing, now);
  };
  return given;
}

describe('the planned import', () => {
  it('stores what importBundle stores, with one audit entry and a trail that verifies', async () => {
    const direct = await freshDb();
    await importBundle(direct, content, IMPORT_AT);
    const planned = await freshDb();
    const { job, checked } = await checkedJob();
    const preview = await runPlannedImport(planned, job, checked, IMPORT_AT);
    expect(preview.add.candidates).toBe(40);
    expect(await records(planned)).toEqual(await records(direct));
    expect(await planned.audit.count()).toBe(1);
    expect((await verifyAudit(planned)).ok).toBe(true);
  });

  it('plans again when a command wrote between reading the rows and writing, keeping the newer edit made here', async () => {
    const db = await freshDb();
    const { job, checked } = await checkedJob();
    const first = sample.candidates[0]!;
    const edited = { ...first, name: 'Renamed here meanwhile', updatedAt: EDITED_AT };
    const plans: string[] = [];
    const plan = job.plan.bind(job);
    job.plan = async (existing, now) => {
      const preview = await plan(existing, now);
      plans.push(`${preview.add.candidates} added`);
      // After the first plan, this machine imports a newer copy of one candidate (a command: the trail head moves).
      if (plans.length === 1) await importBundle(db, { ...content, candidates: [edited], evidence: [], packets: [] }, EDITED_AT);
      return preview;
    };
    await runPlannedImport(db, job, checked, IMPORT_AT);
    expect(plans).toEqual(['40 added', '39 added']);
    expect((await db.candidates.get(first.id))?.name).toBe('Renamed here meanwhile');
    expect(await db.candidates.count()).toBe(40);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('after the preview, plans the import against the rows the preview read when nothing was written meanwhile', async () => {
    const db = await freshDb();
    const direct = await freshDb();
    await importBundle(direct, content, IMPORT_AT);
    const { job, checked } = await checkedJob();
    const given = plansGiven(job);
    await planImportPreview(db, job, checked);
    const preview = await runPlannedImport(db, job, checked, IMPORT_AT);
    expect(given).toEqual(['rows', 'the last plan’s']);
    expect(preview.add.candidates).toBe(40);
    expect(await records(db)).toEqual(await records(direct));
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('names the day a conflicting revision was submitted as every screen shows a date, not as stored', async () => {
    const db = await freshDb();
    await importBundle(db, content, AT);
    // A different copy of a revision submitted here: listed as a conflict, with "Submitted on …" for the copy here.
    const submitted = sample.packets.find((p) => p.status === 'submitted' && p.submittedAt !== null)!;
    // Its snapshot says what its fields say, as a copy submitted on another machine's app would.
    const copy = { ...submitted, summary: 'Rewritten on the other machine', snapshot: { ...submitted.snapshot!, summary: 'Rewritten on the other machine' }, updatedAt: EDITED_AT };
    const { job, checked } = await checkedJob({ ...content, packets: [copy, ...sample.packets.filter((p) => p.id !== submitted.id)] });
    const preview = await planImportPreview(db, job, checked);
    const conflict = preview.conflicts.find((c) => c.existingPacketId === submitted.id)!;
    // formatDate gives a moment the day it fell on in the user's time zone, as dayOf does.
    expect(conflict.changedHere[0]).toBe(`Submitted on ${formatDate(submitted.submittedAt!)}.`);
    expect(conflict.changedHere[0]).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('after the preview, reads the stored rows again when a command wrote meanwhile, keeping the newer edit made here', async () => {
    const db = await freshDb();
    const { job, checked } = await checkedJob();
    const first = sample.candidates[0]!;
    const edited = { ...first, name: 'Renamed here meanwhile', updatedAt: EDITED_AT };
    const given = plansGiven(job);
    expect((await planImportPreview(db, job, checked)).add.candidates).toBe(40);
    await importBundle(db, { ...content, candidates: [edited], evidence: [], packets: [] }, EDITED_AT);
    const preview = await runPlannedImport(db, job, checked, IMPORT_AT);
    expect(given).toEqual(['rows', 'rows']);
    expect(preview.add.candidates).toBe(39);
    expect((await db.candidates.get(first.id))?.name).toBe('Renamed here meanwhile');
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('cancelled while writing: every table and the trail are exactly as before', async () => {
    const db = await freshDb();
    const before = await everything(db);
    const { job, checked } = await checkedJob();
    const controller = new AbortController();
    const written: number[] = [];
    const run = runPlannedImport(db, job, checked, IMPORT_AT, {
      signal: controller.signal,
      onProgress: (p) => {
        written.push(p.done);
        if (p.done > 100) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(written.at(-1)).toBeGreaterThan(100);
    expect(await everything(db)).toEqual(before);
  });

  it('reads the same few requests per table for a bundle of 15 and of 45 candidates (preview, then import)', async () => {
    const reads = async (candidates: number) => {
      const s = generateSampleCycle(ic0M3Levels, { candidates, evidencePerCandidate: 3, seed: 7 });
      const { job, checked } = await checkedJob({ cycle: s.cycle, frameworks: [s.framework], candidates: s.candidates, evidence: s.evidence, packets: s.packets });
      const db = await freshDb();
      const counter = countRequests();
      try {
        await planImportPreview(db, job, checked);
        await runPlannedImport(db, job, checked, IMPORT_AT);
        return Object.fromEntries(RECORDS.map((t) => [t, counter.reads(t)]));
      } finally {
        counter.stop();
      }
    };
    const small = await reads(15);
    const large = await reads(45);
    expect(large).toEqual(small);
    for (const t of RECORDS) expect(large[t], t).toBeLessThan(20);
  });

  it('says in the preview when a revision it brings replaces the case a live session reviews, naming the session unless it is blind', async () => {
    const db = await freshDb();
    await importBundle(db, content, IMPORT_AT);
    const packet = sample.packets.find((p) => p.status === 'submitted')!;
    const name = sample.candidates.find((c) => c.id === packet.candidateId)!.name;
    const session = (blind: boolean, title: string) =>
      createSession(db, { cycleId: sample.cycle.id, name: title, members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [packet.candidateId], orderMode: 'by-level', timeboxMinutes: 8, blind }, IMPORT_AT);
    const [open, blind] = [await session(false, 'Week 1'), await session(true, 'Week 2 – Alex Morgan org')];
    for (const s of [open, blind]) await recordVote(db, { sessionId: s.id, candidateId: packet.candidateId, memberId: 'm1', phase: 'pre', outcome: 'promote' }, IMPORT_AT);
    // A planned session (no vote yet) is not said: it has not started reviewing.
    await session(false, 'Week 3');
    const rev2 = { ...packet, id: `${packet.id}-rev2`, revision: 2, parentId: packet.id, updatedAt: EDITED_AT, submittedAt: EDITED_AT };
    const { job, checked } = await checkedJob({ ...content, packets: [...content.packets, rev2] });
    const preview = await planImportPreview(db, job, checked);
    // In the summary the preview shows (import-preview.tsx).
    expect(preview.summary.filter((l) => l.startsWith(`${name} is reviewed`))).toEqual([
      `${name} is reviewed in the live session “Week 1”: it will review revision 2 from this import on; votes and a decision already made there stay on revision 1 and say so.`,
      `${name} is reviewed in a live blind session: it will review revision 2 from this import on; votes and a decision already made there stay on revision 1 and say so.`,
    ]);
  });
});
