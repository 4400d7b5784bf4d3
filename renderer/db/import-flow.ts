/**
 * The page's side of a bundle import, against a database: read the stored
 * rows the bundle names, let the import job (import-client.ts) plan in its
 * worker, and write the planned rows through one command. Only counts,
 * conflicts and lines come back for the preview; the rows come to the page
 * only to be written.
 */
import type { CheckedHead } from '../../shared/exchange/import-session';
import type { MergeRows, PlanPreview } from '../../shared/exchange/merge-plan';
import type { TrailHead } from '../../shared/audit/replay';
import { currentTrailHead } from './audit';
import { ImportOutdatedError, readImportBasis, writePlannedImport, type ImportWriteOptions } from './bundles';
import { retryWaiting } from './connected/apply-stream';
import { db as appDb, type LevelsetDatabase } from './database';
import type { ImportJob } from './import-client';
import { currentActor } from './write/run-command';
import { newId } from '../../shared/domain/ids';
import { couldNot } from '../../shared/util/error-message';

type Checked = Extract<CheckedHead, { ok: true }>;

/** The trail head at which each job's preview read the stored rows it planned against. */
const previewHeads = new WeakMap<ImportJob, TrailHead>();

/** What importing would do, for the preview; reads only. */
export async function planImportPreview(db: LevelsetDatabase, job: ImportJob, checked: Checked): Promise<PlanPreview> {
  const basis = await readImportBasis(db, checked.ids, checked.cycleId);
  const preview = await job.plan(basis.rows);
  previewHeads.set(job, basis.head);
  // Said after the worker's summary (merge-summary.ts summarize, the lines the preview shows), with its notes.
  const live = await liveSessionNotes(db, checked.cycleId, preview);
  return live.length === 0 ? preview : { ...preview, notes: [...preview.notes, ...live], summary: [...preview.summary, ...live] };
}

/**
 * A live session reviews the newest submitted revision, so a revision the import brings replaces the case in front of
 * the committee: the preview says so for each live session of a candidate whose packet is replaced (votes and a
 * decision already made there stay on the earlier revision and say so). A blind session is not named: its name can
 * hold the names it withholds (shared/calibration/blind.ts shownSessionName).
 */
async function liveSessionNotes(db: LevelsetDatabase, cycleId: string, preview: PlanPreview): Promise<string[]> {
  if (preview.replaced.length === 0) return [];
  const live = (await db.sessions.where('cycleId').equals(cycleId).toArray()).filter((s) => s.status === 'live').sort((a, b) => a.name.localeCompare(b.name));
  return preview.replaced.flatMap((r) =>
    live
      .filter((s) => s.candidateIds.includes(r.candidateId))
      .map((s) => `${r.candidateName} is reviewed in ${s.blind ? 'a live blind session' : `the live session “${s.name}”`}: it will review revision ${r.byRevision} from this import on; votes and a decision already made there stay on revision ${r.supersededRevision} and say so.`),
  );
}

/**
 * The stored rows to plan the import against, and the head they were read
 * at. Every write appends an audit entry, so when the trail head has not
 * moved since the preview read them, they are still the stored rows: the job
 * plans against the ones it has (null) instead of the page reading them again
 * and sending them over (issue 13: at 3,000 candidates a read of a bundle's
 * 1,200 ids, twice per import). writePlannedImport checks the head again.
 */
async function importBasis(db: LevelsetDatabase, job: ImportJob, checked: Checked, first: boolean): Promise<{ rows: MergeRows | null; head: TrailHead }> {
  const seen = first ? previewHeads.get(job) : undefined;
  if (seen) {
    const head = await db.transaction('r', db.audit, () => currentTrailHead(db));
    if (head.count === seen.count && head.hash === seen.hash) return { rows: null, head };
  }
  return readImportBasis(db, checked.ids, checked.cycleId);
}

/** How often a write that found the database changed since its rows were read plans again before giving up. */
const ATTEMPTS = 3;

/**
 * Imports: plans again at the import's time against the rows as they are now
 * (the database may have changed since the preview), fetches the rows to
 * write, and writes them; if a command wrote in between, plans again.
 * Resolves to the plan that was written.
 */
export async function runPlannedImport(db: LevelsetDatabase, job: ImportJob, checked: Checked, at: string, options: ImportWriteOptions & { onPlanning?: () => void } = {}): Promise<PlanPreview> {
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    options.onPlanning?.();
    const basis = await importBasis(db, job, checked, attempt === 1);
    const preview = await job.plan(basis.rows, at);
    if (preview.refusals.length > 0) throw new Error(`This bundle cannot be imported. ${preview.refusals[0]!.replace(/\.$/, '')}`);
    const rows = await job.rows();
    // The audit entry is prepared in the worker while the page writes the rows (shared/audit/prepared-change.ts).
    const entry = job.entry({ id: newId(), actor: await currentActor(db), at, entityType: 'cycle', entityId: checked.cycleId, action: 'import bundle' });
    entry.catch(() => {});
    try {
      await writePlannedImport(db, { cycleId: checked.cycleId, rows, head: basis.head }, at, { ...options, entry });
    } catch (e) {
      if (!(e instanceof ImportOutdatedError) || attempt >= ATTEMPTS) throw e;
      continue;
    }
    // A connected cycle's session events that waited for these records (a session.open before its cycle) apply now.
    // The import has committed by here: a failure says so, never "nothing was imported".
    try {
      await retryWaiting(db, checked.cycleId);
    } catch (e) {
      throw new ImportWrittenError(preview, e);
    }
    return preview;
  }
}

/**
 * The bundle was imported (its write committed), but applying the connected
 * cycle's session events that waited for its records failed afterwards; they
 * stay waiting and are tried again when this app next connects to the
 * cycle's stream (apply-stream.ts resumeFrom).
 */
export class ImportWrittenError extends Error {
  override name = 'ImportWrittenError';
  constructor(
    readonly plan: PlanPreview,
    cause: unknown,
  ) {
    super(couldNot('apply the session events that waited for these records', cause, 'They stay waiting and are tried again when this app next connects to the committee.'), { cause });
  }
}

/** The same, on the app's database, for the import UI. */
export const bundleImport = {
  preview: (job: ImportJob, checked: Checked) => planImportPreview(appDb, job, checked),
  run: (job: ImportJob, checked: Checked, at: string, options?: Parameters<typeof runPlannedImport>[4]) => runPlannedImport(appDb, job, checked, at, options),
  /** The plan written when `run` failed only after its write committed (ImportWrittenError), else null. */
  writtenPlan: (error: unknown): PlanPreview | null => (error instanceof ImportWrittenError ? error.plan : null),
};
