/**
 * Packet bundles in storage: gathering the rows of chosen packets for
 * export, and importing an opened bundle. An import reads only the stored
 * rows the bundle touches, plans the merge (shared/exchange/merge-plan.ts),
 * and writes every row through ONE command (write/run-command.ts), which
 * also rebuilds coverage and appends the audit entry naming the bundle, so
 * a failure part-way leaves the database exactly as it was.
 */
import type { BundleContent, BundleContentInput } from '../../shared/exchange/bundle-format';
import { applyPlanRows, existingFromRows, idsToLoad, planMerge, type MergeCounts, type MergePlan, type MergeRows } from '../../shared/exchange/merge-plan';
import type { ExistingRowLists } from '../../shared/exchange/import-session';
import { cycleWindowFixed } from './cycles';
import type { ImportIds } from '../../shared/exchange/import-check';
import type { TrailHead } from '../../shared/audit/replay';
import { currentTrailHead } from './audit';
import type Dexie from 'dexie';
import type { RecordOf } from '../../shared/domain';
import { evidenceToSend } from '../../shared/packets/snapshot';
import type { LevelsetDatabase } from './database';
import { DEVICE_ID_KEY, runCommand } from './write/run-command';
import type { PreparedChange } from '../../shared/audit/prepared-change';
import { WritePipeline } from './write/write-pipeline';
import { formatDate } from '../components/dates';

/** The content of a bundle for some packets of one cycle: the packets, their candidates, evidence and framework version. */
export async function bundleContentFor(db: LevelsetDatabase, cycleId: string, packetIds: string[]): Promise<BundleContentInput> {
  return (await bundleExportFor(db, cycleId, packetIds)).content;
}

/** The content and this machine's trail head, read as one snapshot, so the head names the trail the bundle was cut from. */
export async function bundleExportFor(db: LevelsetDatabase, cycleId: string, packetIds: string[]): Promise<{ content: BundleContentInput; trailHead: TrailHead }> {
  return db.transaction('r', [db.cycles, db.frameworks, db.packets, db.candidates, db.evidence, db.audit, db.meta], async () => ({
    content: await readContent(db, cycleId, packetIds),
    trailHead: await exportedHead(db),
  }));
}

async function readContent(db: LevelsetDatabase, cycleId: string, packetIds: string[]): Promise<BundleContentInput> {
  const cycle = await db.cycles.get(cycleId);
  if (!cycle) throw new Error('The cycle no longer exists.');
  const framework = await db.frameworks.get(cycle.frameworkVersionId);
  if (!framework) throw new Error('The framework version this cycle uses is missing.');
  const packets = (await db.packets.bulkGet(packetIds)).filter((p): p is NonNullable<typeof p> => !!p && p.cycleId === cycleId);
  if (packets.length === 0) throw new Error('Choose at least one packet to export.');
  const candidateIds = [...new Set(packets.map((p) => p.candidateId))];
  // Earlier revisions travel too, so the other machine can tell a descendant from a conflict.
  const history = await db.packets.where('candidateId').anyOf(candidateIds).toArray();
  const candidates = (await db.candidates.bulkGet(candidateIds)).filter((c): c is NonNullable<typeof c> => !!c);
  const logged = await db.evidence.where('candidateId').anyOf(candidateIds).toArray();
  const inCycle = history.filter((p) => p.cycleId === cycleId);
  return { cycle, frameworks: [framework], candidates, evidence: evidenceToSend(framework, logged, inCycle), packets: inCycle };
}

/** When the cycle holds at most this many times the rows the bundle names, reading the cycle whole is cheaper than a request per id. */
const WHOLE_CYCLE_FACTOR = 4;

type CycleTable = 'candidates' | 'evidence' | 'packets';

/**
 * The stored rows of one table that the plan needs: every row with one of
 * `ids`. IndexedDB has no request for many keys (Dexie's bulkGet is one
 * `get` per id), so when the bundle covers a fair share of its cycle the
 * cycle's rows are read with one indexed `getAll`, and ids held under
 * another cycle (a clash the plan refuses) are found from the table's keys
 * — read only when the table holds rows of other cycles at all.
 */
async function rowsWithIds<T extends CycleTable>(db: LevelsetDatabase, table: T, cycleId: string, ids: readonly string[]): Promise<{ rows: Array<RecordOf<T>>; wholeCycle: boolean }> {
  const store = db[table] as unknown as Dexie.Table<RecordOf<T>, string>;
  if (ids.length === 0) return { rows: [], wholeCycle: false };
  const [inCycle, all] = await Promise.all([store.where('cycleId').equals(cycleId).count(), store.count()]);
  if (inCycle > ids.length * WHOLE_CYCLE_FACTOR) return { rows: present(await store.bulkGet([...ids])), wholeCycle: false };
  const rows = inCycle > 0 ? await store.where('cycleId').equals(cycleId).toArray() : [];
  if (all === inCycle) return { rows, wholeCycle: true };
  const found = new Set(rows.map((r) => r.id));
  const keys = new Set(await store.toCollection().primaryKeys());
  const elsewhere = ids.filter((id) => !found.has(id) && keys.has(id));
  return { rows: elsewhere.length > 0 ? [...rows, ...present(await store.bulkGet(elsewhere))] : rows, wholeCycle: true };
}

function present<T>(rows: Array<T | undefined>): T[] {
  return rows.filter((r): r is T => r !== undefined);
}

/**
 * The stored rows `planMerge` needs (see idsToLoad): a few requests per
 * table whatever the bundle's size. The candidates' other packets are the
 * cycle's (a packet of another cycle is never touched by a merge).
 */
async function readExisting(db: LevelsetDatabase, content: BundleContent) {
  return existingFromRows(await readExistingRows(db, idsToLoad(content), content.cycle.id));
}

/** The stored rows with the ids a bundle names (see readExisting), as plain lists: what the import worker plans against. */
async function readExistingRows(db: LevelsetDatabase, ids: ImportIds, cycleId: string): Promise<ExistingRowLists> {
  const [frameworks, cycles, candidates, evidence, packets] = await Promise.all([
    // By id, and every version of their lineages (a version made elsewhere must not arrive as a second "v2").
    Promise.all([db.frameworks.bulkGet(ids.frameworks).then(present), db.frameworks.where('lineageId').anyOf(ids.frameworkLineages).toArray()]).then(([byId, siblings]) => [
      ...byId,
      ...siblings.filter((f) => !ids.frameworks.includes(f.id)),
    ]),
    db.cycles.bulkGet(ids.cycles).then(present),
    rowsWithIds(db, 'candidates', cycleId, ids.candidates),
    rowsWithIds(db, 'evidence', cycleId, ids.evidence),
    rowsWithIds(db, 'packets', cycleId, ids.packets),
  ]);
  // A small bundle into a big cycle read its packets by id: the candidates' other revisions come by candidate.
  const byCandidate = packets.wholeCycle || ids.packetCandidates.length === 0 ? [] : await db.packets.where('candidateId').anyOf(ids.packetCandidates).toArray();
  // Only for a cycle stored here: a first import into an empty database reads nothing more.
  const cycleFixed = cycles.some((c) => c.id === cycleId) && (await cycleWindowFixed(db, cycleId));
  // A bundle's cycle new here: the names of the cycles here, to say when it has one's name (a few rows).
  const cycleNames = cycles.length === 0 ? (await db.cycles.toArray()).map((c) => c.name) : [];
  return { frameworks, cycles, candidates: candidates.rows, evidence: evidence.rows, packets: [...packets.rows, ...byCandidate], cycleFixed, cycleNames };
}

/**
 * The stored rows an import plans against, and the trail head they were read
 * at, in one snapshot. Every write appends an audit entry (write/run-command.ts),
 * so while the head is the same, so are these rows: the write checks it
 * (writePlannedImport) instead of reading and planning again.
 */
export async function readImportBasis(db: LevelsetDatabase, ids: ImportIds, cycleId: string): Promise<{ rows: MergeRows; head: TrailHead }> {
  return db.transaction('r', [db.frameworks, db.cycles, db.candidates, db.evidence, db.packets, db.audit], async () => ({
    rows: await readExistingRows(db, ids, cycleId),
    head: await currentTrailHead(db),
  }));
}

/** What importing would do, for the preview. Reads only; writes nothing. */
export async function previewBundleImport(db: LevelsetDatabase, content: BundleContent): Promise<MergePlan> {
  return db.transaction('r', [db.frameworks, db.cycles, db.candidates, db.evidence, db.packets], async () =>
    planMerge(content, await readExisting(db, content), { showDate: formatDate }),
  );
}

/** Rows are written in slices of this many, so progress can be told and a Cancel heard between them. */
const WRITE_CHUNK = 500;

export interface ImportWriteOptions {
  /** Told the rows written so far, after each slice. */
  onProgress?: (progress: { phase: 'writing'; done: number; total: number }) => void;
  /** Aborting it before the command commits rolls the whole import back. */
  signal?: AbortSignal;
  /** The audit entry recording the rows, being prepared in the import worker meanwhile (shared/audit/prepared-change.ts). */
  entry?: Promise<PreparedChange | null>;
}

/**
 * What `promise` resolves to (null if it rejects), waited for inside a Dexie
 * transaction: IndexedDB commits a transaction that waits on anything but its
 * own requests, so cheap requests of the transaction keep it open meanwhile.
 * The worker's entry is usually ready long before the rows are written.
 */
async function settledInTransaction<T>(db: LevelsetDatabase, promise: Promise<T>): Promise<T | null> {
  let settled = false;
  let value: T | null = null;
  promise.then(
    (v) => {
      value = v;
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  // One cheap request a round; the worker's answer, a task of its own, is seen between them.
  while (!settled) await db.meta.get(DEVICE_ID_KEY);
  return value;
}

/**
 * Imports a bundle: the plan is made again inside the write transaction (the
 * database may have changed since the preview) and applied whole. The rows
 * go in slices inside the ONE transaction; an abort between slices throws,
 * which rolls back everything written so far, and no audit entry is added.
 */
export async function importBundle(db: LevelsetDatabase, content: BundleContent, at: string, options: ImportWriteOptions = {}): Promise<MergePlan> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  return runCommand(db, { name: 'import bundle', at }, async (ctx) => {
    const plan = planMerge(content, await readExisting(db, content), { now: at, showDate: formatDate });
    const rows = applyPlanRows(plan);
    const tables = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'] as const;
    const total = tables.reduce((sum, t) => sum + rows[t].length, 0);
    let done = 0;
    onProgress?.({ phase: 'writing', done, total });
    for (const table of tables) {
      for (let i = 0; i < rows[table].length; i += WRITE_CHUNK) {
        signal?.throwIfAborted();
        const slice = rows[table].slice(i, i + WRITE_CHUNK);
        await ctx.bulkPut(table, slice);
        done += slice.length;
        onProgress?.({ phase: 'writing', done, total });
      }
    }
    signal?.throwIfAborted();
    ctx.alwaysAudit();
    ctx.describe({ entityType: 'cycle', entityId: content.cycle.id, action: 'import bundle', after: countsOf(rows) });
    return plan;
  });
}

const countsOf = (rows: MergeRows): MergeCounts => ({ frameworks: rows.frameworks.length, cycles: rows.cycles.length, candidates: rows.candidates.length, evidence: rows.evidence.length, packets: rows.packets.length });

/** The trail head a bundle records: this computer's, with its device id, so another computer can tell it is not its own. */
async function exportedHead(db: LevelsetDatabase): Promise<TrailHead> {
  const [head, device] = await Promise.all([currentTrailHead(db), db.meta.get(DEVICE_ID_KEY)]);
  return typeof device?.value === 'string' && device.value ? { ...head, deviceId: device.value } : head;
}

/** The database changed between reading the rows an import planned against and writing: plan again. */
export class ImportOutdatedError extends Error {
  override name = 'ImportOutdatedError';
  constructor() {
    super('The database changed while the import was being prepared.');
  }
}

/** A slice of the write is sized to take about this long on the page, so no task of the import is long (the UI answers between slices). */
const SLICE_TARGET_MS = 40;
const FIRST_SLICE = 50;

/**
 * Writes the rows of a plan made in the import worker against the rows read
 * by readImportBasis, in ONE command: the same write path as importBundle
 * (every row validated by its schema, coverage rebuilt, one audit entry
 * naming the bundle's cycle). If any command wrote since those rows were
 * read (the trail head moved), it throws ImportOutdatedError before writing
 * anything, and the caller plans again. The rows go in slices sized to stay
 * short on the page; an abort between slices rolls everything back.
 */
export async function writePlannedImport(db: LevelsetDatabase, planned: { cycleId: string; rows: MergeRows; head: TrailHead }, at: string, options: ImportWriteOptions = {}): Promise<MergeCounts> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  return runCommand(db, { name: 'import bundle', at }, async (ctx) => {
    const now = await currentTrailHead(db);
    if (now.count !== planned.head.count || now.hash !== planned.head.hash) throw new ImportOutdatedError();
    const rows = planned.rows;
    const tables = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'] as const;
    const total = tables.reduce((sum, t) => sum + rows[t].length, 0);
    let done = 0;
    let size = FIRST_SLICE;
    onProgress?.({ phase: 'writing', done, total });
    // One slice stays in flight while the next is queued, and each slice still ends a task (write-pipeline.ts).
    const pipeline = new WritePipeline();
    for (const table of tables) {
      for (let i = 0; i < rows[table].length; ) {
        signal?.throwIfAborted();
        const slice = rows[table].slice(i, i + size);
        const started = performance.now();
        const put = ctx.bulkPut(table, slice).then(() => {
          const took = performance.now() - started;
          // The next slice as large as fits the target at this slice's pace (the wait for IndexedDB counts too, so it errs short).
          size = Math.max(10, Math.min(2000, Math.round((slice.length * SLICE_TARGET_MS) / Math.max(1, took))));
          done += slice.length;
          onProgress?.({ phase: 'writing', done, total });
        });
        await pipeline.add(put);
        i += slice.length;
      }
    }
    await pipeline.drain();
    signal?.throwIfAborted();
    if (options.entry) ctx.usePreparedEntry(await settledInTransaction(db, options.entry));
    ctx.alwaysAudit();
    const counts = countsOf(rows);
    ctx.describe({ entityType: 'cycle', entityId: planned.cycleId, action: 'import bundle', after: counts });
    return counts;
  });
}
