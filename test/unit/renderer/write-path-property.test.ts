/**
 * The write path's promise, checked on random sequences of every user
 * command (issue 9, point 1): after each command, whether it succeeded or
 * was refused,
 *   - the stored coverage rows are exactly the coverage recomputed from
 *     scratch from the stored records (test/fixtures/db/record-fixture.ts),
 *     and so are the stored list figures (candidateStats: evidence counts,
 *     and readiness as the packet builder computes it from the records),
 *   - the audit chains verify and the trail replays to the stored records,
 *   - a refused command left every table as it was (and refused in words,
 *     not with a TypeError or a storage error),
 *   - and no command but a restore changed what a submitted or superseded
 *     revision showed the committee.
 * Ids are not generated: each action carries small numbers that pick among
 * the rows present when it runs, so every action means something in any state.
 */
import { allowedPromotionLevels } from '../../../shared/rules/promotion-levels';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBundle, openBundle, type BundleContent } from '../../../shared/exchange/bundle-format';
import { addDays, daysBetween } from '../../../shared/util/dates';
import { currentPacket } from '../../../shared/rules/current-packet';
import type { Evidence, Packet } from '../../../shared/domain';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { verifyAudit } from '../../../renderer/db/audit';
import { exportBackup, openBackupFor } from '../../../renderer/db/backup';
import { bundleContentFor } from '../../../renderer/db/bundles';
import { PacketSubmitError } from '../../../renderer/db/packets';
import type { LevelsetDatabase } from '../../../renderer/db/database';
import { fingerprint, openFixture, recomputedCandidateStats, recomputedCoverage, storedCandidateStats, storedCoverage, type Fixture } from '../../fixtures/db/record-fixture';

type Rating = 'not-yet' | 'partially' | 'consistently';
type Action =
  | { kind: 'add-evidence'; cand: number; crit: number; inWindow: boolean; day: number }
  | { kind: 'edit-evidence'; ev: number; title: string }
  | { kind: 'redate-evidence'; ev: number; inWindow: boolean; day: number }
  | { kind: 'delete-evidence'; ev: number }
  | { kind: 'undo-delete' }
  | { kind: 'add-batch'; cand: number; crit: number; count: number; day: number }
  | { kind: 'undo-batch' }
  | { kind: 'assess'; cand: number; crit: number; rating: Rating | null; onDraft: boolean }
  | { kind: 'submit'; cand: number; acknowledge: boolean }
  | { kind: 'reopen'; cand: number; onSubmitted: boolean }
  | { kind: 'change-target'; cand: number; level: number }
  | { kind: 'archive'; cand: number }
  | { kind: 'unarchive'; cand: number }
  | { kind: 'move-cycle' }
  | { kind: 'export-bundle'; cand: number; count: number }
  | { kind: 'import-bundle'; which: number; editFirst: boolean }
  | { kind: 'export-backup' }
  | { kind: 'restore-backup'; which: number };

const pick = fc.nat(99);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('add-evidence' as const), cand: pick, crit: pick, inWindow: fc.boolean(), day: pick }),
  fc.record({ kind: fc.constant('edit-evidence' as const), ev: pick, title: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('redate-evidence' as const), ev: pick, inWindow: fc.boolean(), day: pick }),
  fc.record({ kind: fc.constant('delete-evidence' as const), ev: pick }),
  fc.constant({ kind: 'undo-delete' as const }),
  fc.record({ kind: fc.constant('add-batch' as const), cand: pick, crit: pick, count: fc.integer({ min: 1, max: 4 }), day: pick }),
  fc.constant({ kind: 'undo-batch' as const }),
  fc.record({ kind: fc.constant('assess' as const), cand: pick, crit: pick, rating: fc.constantFrom<Rating | null>('not-yet', 'partially', 'consistently', null), onDraft: fc.boolean() }),
  fc.record({ kind: fc.constant('submit' as const), cand: pick, acknowledge: fc.boolean() }),
  fc.record({ kind: fc.constant('reopen' as const), cand: pick, onSubmitted: fc.boolean() }),
  fc.record({ kind: fc.constant('change-target' as const), cand: pick, level: pick }),
  fc.record({ kind: fc.constant('archive' as const), cand: pick }),
  fc.record({ kind: fc.constant('unarchive' as const), cand: pick }),
  fc.constant({ kind: 'move-cycle' as const }),
  fc.record({ kind: fc.constant('export-bundle' as const), cand: pick, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('import-bundle' as const), which: pick, editFirst: fc.boolean() }),
  fc.constant({ kind: 'export-backup' as const }),
  fc.record({ kind: fc.constant('restore-backup' as const), which: pick }),
);

/** Commands that ran to the end somewhere in the test, by name: every one must have, or the test proved little. */
const succeeded = new Set<string>();
const COMMANDS = ['addEvidence', 'updateEvidence', 'deleteEvidence', 'restoreEvidence', 'addEvidenceBatch', 'undoEvidenceBatch', 'setAssessment', 'acknowledgeCheck', 'submitPacket', 'reopenPacket', 'saveCandidate', 'archiveCandidate', 'restoreCandidate', 'moveCycleToVersion', 'importBundle', 'restoreBackup'];

/** The errors a command refuses with when the state does not allow it. */
const REFUSALS = new Set(['Error', 'PacketWriteError', 'PacketSubmitError', 'EvidenceInvalidError', 'CandidateInvalidError', 'BackupTrailError']);

/** One run: a database, a clock, and what earlier steps kept (deleted items to undo, exported bundles and backups). */
class Run {
  private minute = 0;
  readonly deleted: Evidence[] = [];
  /** Brag documents' items as added, for their undo. */
  readonly batches: Evidence[][] = [];
  readonly bundles: BundleContent[] = [];
  readonly backups: string[] = [];
  readonly log: string[] = [];
  constructor(readonly f: Fixture) {}

  get db(): LevelsetDatabase {
    return this.f.db;
  }

  /** Commands are dated a minute apart, after the sample's own timestamps. */
  at(): string {
    return new Date(Date.parse('2026-11-10T08:00:00.000Z') + ++this.minute * 60_000).toISOString();
  }

  /** Runs one command, then checks the invariants; a refusal must leave every table as it was. */
  async command<R>(name: string, run: () => Promise<R>): Promise<{ result?: R; refusal?: unknown }> {
    const before = await fingerprint(this.db);
    const frozenBefore = await frozenPackets(this.db);
    let outcome: { result?: R; refusal?: unknown };
    try {
      outcome = { result: await run() };
      succeeded.add(name);
      this.log.push(name);
    } catch (refusal) {
      // A refusal says in words what the state does not allow; a TypeError or a storage error is a bug.
      if (!(refusal instanceof Error) || !REFUSALS.has(refusal.name)) throw new Error(`${name} failed instead of refusing: ${String(refusal)}`, { cause: refusal });
      outcome = { refusal };
      this.log.push(`${name} refused (${refusal instanceof Error ? refusal.message.slice(0, 80) : String(refusal)})`);
      expect(await fingerprint(this.db), `${name} was refused but wrote something`).toBe(before);
    }
    await this.checkInvariants(name);
    // Only a restore may bring back an earlier state; nothing else changes a submitted or superseded revision.
    if (name !== 'restoreBackup') {
      const frozenAfter = await frozenPackets(this.db);
      for (const [id, content] of frozenBefore) expect(frozenAfter.get(id), `revision ${id} changed after it was submitted, by ${name}`).toBe(content);
    }
    return outcome;
  }

  async checkInvariants(after: string): Promise<void> {
    expect(await storedCoverage(this.db), `stored coverage after ${after}`).toEqual(await recomputedCoverage(this.db));
    expect(await storedCandidateStats(this.db), `stored candidate stats after ${after}`).toEqual(await recomputedCandidateStats(this.db));
    const verification = await verifyAudit(this.db);
    const { chains, replay } = verification;
    expect({ chains: chains.ok || chains.devices, replay: replay.ok || replay.disagreement.message }, `audit after ${after}`).toEqual({ chains: true, replay: true });
    expect(verification.ok).toBe(true);
  }

  async candidates() {
    return (await this.db.candidates.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  }
  async evidence() {
    return (await this.db.evidence.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  }
  async current(candidateId: string): Promise<Packet | undefined> {
    return currentPacket(await this.db.packets.where('candidateId').equals(candidateId).toArray());
  }
  async scope(candidateId: string) {
    const candidate = (await this.db.candidates.get(candidateId))!;
    const cycle = (await this.db.cycles.get(candidate.cycleId))!;
    const framework = (await this.db.frameworks.get(cycle.frameworkVersionId))!;
    return { candidate, cycle, framework };
  }
  /** Candidates whose current packet has the status, or every candidate when none has (the command is then refused). */
  async candidatesWith(status: Packet['status'] | null) {
    const all = await this.candidates();
    if (status === null) return all;
    const fitting = [];
    for (const cand of all) if ((await this.current(cand.id))?.status === status) fitting.push(cand);
    return fitting.length > 0 ? fitting : all;
  }
  date(cycle: { evidenceFrom: string; evidenceTo: string }, inWindow: boolean, day: number): string {
    return inWindow ? addDays(cycle.evidenceFrom, day % (daysBetween(cycle.evidenceFrom, cycle.evidenceTo) + 1)) : addDays(cycle.evidenceFrom, -1 - day);
  }
}

/** What the committee saw of each submitted or superseded revision, by packet id. */
async function frozenPackets(db: LevelsetDatabase): Promise<Map<string, string>> {
  const rows = await db.packets.filter((p) => p.status !== 'draft').toArray();
  return new Map(rows.map((p) => [p.id, JSON.stringify([p.revision, p.targetLevelId, p.assessments, p.summary, p.notYetDoing, p.submittedAt, p.snapshot])]));
}

const nth = <T,>(rows: readonly T[], i: number): T | undefined => (rows.length === 0 ? undefined : rows[i % rows.length]);

async function exportBundleNow(run: Run, cand: number, count: number): Promise<BundleContent | undefined> {
  const candidates = await run.candidates();
  const packetIds: string[] = [];
  for (let k = 0; k < count; k++) {
    const packet = await run.current(nth(candidates, cand + k)!.id);
    if (packet && !packetIds.includes(packet.id)) packetIds.push(packet.id);
  }
  if (packetIds.length === 0) return undefined;
  const content = await bundleContentFor(run.db, candidates[0]!.cycleId, packetIds);
  const opened = await openBundle(await createBundle(content, { createdAt: run.at(), appVersion: 'test' }));
  if (!opened.ok) throw new Error(`A bundle made from this database does not open: ${opened.error.message}`);
  run.bundles.push(opened.content);
  return opened.content;
}

async function step(run: Run, a: Action): Promise<void> {
  const { db } = run;
  switch (a.kind) {
    case 'add-evidence': {
      const cand = nth(await run.candidates(), a.cand)!;
      const { cycle, framework } = await run.scope(cand.id);
      const packet = await run.current(cand.id);
      const criteria = framework.criteria.filter((cr) => cr.levelId === (packet?.targetLevelId ?? cand.targetLevelId));
      const criterion = nth(criteria, a.crit);
      const input = { title: `Item ${a.day}`, description: '', date: run.date(cycle, a.inWindow, a.day), kind: 'project' as const, source: 'manager' as const, links: [], criterionIds: criterion ? [criterion.id] : [] };
      await run.command('addEvidence', () => c.addEvidence(db, cand.id, input, run.at()));
      return;
    }
    case 'edit-evidence':
    case 'redate-evidence': {
      const item = nth(await run.evidence(), a.ev);
      if (!item) return;
      const { cycle } = await run.scope(item.candidateId);
      const input = { ...item, ...(a.kind === 'edit-evidence' ? { title: a.title } : { date: run.date(cycle, a.inWindow, a.day) }) };
      await run.command('updateEvidence', () => c.updateEvidence(db, item.id, input, run.at()));
      return;
    }
    case 'delete-evidence': {
      const item = nth(await run.evidence(), a.ev);
      if (!item) return;
      const { result } = await run.command('deleteEvidence', () => c.deleteEvidence(db, item.id, run.at()));
      if (result) run.deleted.push(result);
      return;
    }
    case 'add-batch': {
      const cand = nth(await run.candidates(), a.cand)!;
      const { cycle, framework } = await run.scope(cand.id);
      const criterion = nth(framework.criteria.filter((cr) => cr.levelId === cand.targetLevelId), a.crit);
      const inputs = Array.from({ length: a.count }, (_, i) => ({ title: `Brag ${i}`, description: '', date: run.date(cycle, i % 2 === 0, a.day + i * 40), kind: 'project' as const, source: 'self' as const, links: [], criterionIds: criterion ? [criterion.id] : [] }));
      const { result } = await run.command('addEvidenceBatch', () => c.addEvidenceBatch(db, cand.id, inputs, run.at()));
      if (result) run.batches.push(result);
      return;
    }
    case 'undo-batch': {
      const rows = run.batches.pop();
      if (rows) await run.command('undoEvidenceBatch', () => c.undoEvidenceBatch(db, rows, run.at()));
      return;
    }
    case 'undo-delete': {
      const row = run.deleted.pop();
      if (row) await run.command('restoreEvidence', () => c.restoreEvidence(db, row, run.at()));
      return;
    }
    case 'assess': {
      const cand = nth(await run.candidatesWith(a.onDraft ? 'draft' : null), a.cand)!;
      const packet = await run.current(cand.id);
      if (!packet) return;
      const { framework } = await run.scope(cand.id);
      const criterion = nth(framework.criteria.filter((cr) => cr.levelId === packet.targetLevelId), a.crit);
      if (!criterion) return;
      await run.command('setAssessment', () => c.setAssessment(db, packet.id, criterion.id, a.rating, undefined, run.at()));
      return;
    }
    case 'submit': {
      const cand = nth(await run.candidatesWith('draft'), a.cand)!;
      const packet = await run.current(cand.id);
      if (!packet) return;
      const { refusal } = await run.command('submitPacket', () => c.submitPacket(db, packet.id, run.at()));
      // Refused only for warnings: acknowledge them, as the manager would, and submit again.
      if (!(refusal instanceof PacketSubmitError) || refusal.blockers.length > 0 || !a.acknowledge) return;
      for (const check of refusal.unacknowledged) await run.command('acknowledgeCheck', () => c.acknowledgeCheck(db, packet.id, check.id, run.at()));
      await run.command('submitPacket', () => c.submitPacket(db, packet.id, run.at()));
      return;
    }
    case 'reopen': {
      const cand = nth(await run.candidatesWith(a.onSubmitted ? 'submitted' : null), a.cand)!;
      const packet = await run.current(cand.id);
      if (packet) await run.command('reopenPacket', () => c.reopenPacket(db, packet.id, run.at()));
      return;
    }
    case 'change-target': {
      const cand = nth(await run.candidates(), a.cand)!;
      const { framework } = await run.scope(cand.id);
      // A target must be a promotion from the current level (the ladder rule); another one is refused and tested elsewhere.
      const level = nth(allowedPromotionLevels(framework, cand.currentLevelId).filter((l) => l.id !== cand.targetLevelId), a.level);
      if (!level) return;
      await run.command('saveCandidate', () => c.saveCandidate(db, { ...cand, targetLevelId: level.id }, run.at()));
      return;
    }
    case 'archive':
    case 'unarchive': {
      const cand = nth(await run.candidates(), a.cand)!;
      if (a.kind === 'archive') await run.command('archiveCandidate', () => c.archiveCandidate(db, cand.id, run.at()));
      else await run.command('restoreCandidate', () => c.restoreCandidate(db, cand.id, run.at()));
      return;
    }
    case 'move-cycle': {
      const cycle = (await db.cycles.toArray())[0]!;
      const to = cycle.frameworkVersionId === run.f.v1.id ? run.f.v2.id : run.f.v1.id;
      await run.command('moveCycleToVersion', () => c.moveCycleToVersion(db, cycle.id, to, run.at()));
      return;
    }
    case 'export-bundle':
      await exportBundleNow(run, a.cand, a.count);
      return;
    case 'import-bundle': {
      // An earlier export, or one made now; with editFirst, this machine edits an exported candidate's evidence before the import.
      const content = nth(run.bundles, a.which) ?? (await exportBundleNow(run, a.which, 2));
      if (!content) return;
      if (a.editFirst) {
        const item = (await run.evidence()).find((e) => e.candidateId === content.candidates[0]?.id);
        if (item) await run.command('updateEvidence', () => c.updateEvidence(db, item.id, { ...item, title: `${item.title} (edited here)` }, run.at()));
      }
      await run.command('importBundle', () => c.importBundle(db, content, run.at()));
      return;
    }
    case 'export-backup':
      run.backups.push(await exportBackup(db, { createdAt: run.at(), appVersion: 'test' }));
      return;
    case 'restore-backup': {
      const text = nth(run.backups, a.which) ?? (await exportBackup(db, { createdAt: run.at(), appVersion: 'test' }));
      const opened = await openBackupFor(db, text);
      if (!opened.ok) throw new Error(`A backup made from this database does not open: ${opened.error.message}`);
      await run.command('restoreBackup', () => c.restoreBackup(db, opened.tables, opened.summary.databaseVersion, run.at()));
      return;
    }
  }
}

/** A run that uses every command at least once, in an order where each can succeed, then goes back. */
const EVERY_COMMAND: Action[] = [
  // First, while (with the fixture that submits nothing) no packet is submitted: a cycle moves only then.
  { kind: 'move-cycle' },
  { kind: 'export-backup' },
  { kind: 'add-evidence', cand: 0, crit: 0, inWindow: true, day: 20 },
  { kind: 'edit-evidence', ev: 0, title: 'Renamed' },
  { kind: 'redate-evidence', ev: 1, inWindow: false, day: 3 },
  { kind: 'delete-evidence', ev: 2 },
  { kind: 'undo-delete' },
  { kind: 'add-batch', cand: 1, crit: 0, count: 3, day: 5 },
  { kind: 'undo-batch' },
  { kind: 'assess', cand: 0, crit: 0, rating: 'consistently', onDraft: true },
  { kind: 'submit', cand: 0, acknowledge: true },
  { kind: 'reopen', cand: 0, onSubmitted: true },
  // The candidate just reopened: a draft follows the target. Candidate 1's packet is submitted, so the save was refused
  // (submittedLevelProblem) and only the random runs reached saveCandidate; one CI run had none that did.
  { kind: 'change-target', cand: 0, level: 0 },
  { kind: 'archive', cand: 2 },
  { kind: 'unarchive', cand: 2 },
  { kind: 'export-bundle', cand: 0, count: 4 },
  { kind: 'move-cycle' },
  { kind: 'import-bundle', which: 0, editFirst: true },
  { kind: 'restore-backup', which: 0 },
  { kind: 'move-cycle' },
];

/**
 * 25 random runs of up to 12 commands take seconds. For a deeper search, run
 * the file with WRITE_PATH_RUNS=400 WRITE_PATH_STEPS=25 (about a minute).
 */
const RUNS = Number(process.env.WRITE_PATH_RUNS ?? 25);
const STEPS = Number(process.env.WRITE_PATH_STEPS ?? 12);

describe('the write path under random command sequences', () => {
  it(
    'keeps stored coverage equal to coverage recomputed from scratch, and the trail verifying and replaying, after every command',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), fc.array(action, { minLength: 1, maxLength: STEPS }), async (seed, submitNone, actions) => {
          const f = await openFixture(seed, 4, { submitNone });
          const run = new Run(f);
          try {
            await run.checkInvariants('setup');
            for (const a of actions) await step(run, a);

          } catch (error) {
            // fast-check reports the shrunk actions; the log says what each did.
            throw new Error(`${error instanceof Error ? error.message : String(error)}\nCommands run: ${run.log.join(' → ')}`);
          } finally {
            await f.db.delete();
          }
        }),
        { numRuns: RUNS, examples: [[2026, false, EVERY_COMMAND], [2026, true, EVERY_COMMAND]] },
      );
      expect([...succeeded].sort()).toEqual([...COMMANDS].sort());
    },
    120_000,
  );
});
