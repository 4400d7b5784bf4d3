/**
 * Merge planning for an opened bundle: what an import would add, update,
 * leave alone, and where two machines disagree. Pure and deterministic, so
 * the preview the user approves and the write that follows come from the
 * same function, and every rule is unit-tested without a database.
 *
 * Rules (rows merge by their stable ids):
 * - Framework versions are immutable once a cycle pins them: a version id
 *   already present is never overwritten; a missing one is imported along.
 * - Cycles, candidates, evidence: an existing row is replaced only by an
 *   incoming row with a newer `updatedAt`.
 * - Packets with the same id: the incoming one wins only with a higher
 *   revision (or the same revision and a newer `updatedAt`), except that a
 *   submission always beats a draft of the same revision, whatever the
 *   clocks say. A submission is never dropped: the committee judges it.
 *   The draft's edits are not dropped either: when the draft changed a field
 *   since its parent revision that the submission does not carry
 *   (`lostEdits`), a copy of it is kept as a superseded row whose
 *   `conflictOf` names the submission, and the conflict is listed with what
 *   each side changed. The copy's id derives from the submission's id and
 *   the draft's content, so a re-import finds it and changes nothing.
 * - A new packet for a candidate who already has one: walking `parentId`
 *   through the stored and incoming packets, if the incoming packet descends
 *   from the stored current one it replaces it (the stored one becomes
 *   `superseded`); if the stored one descends from the incoming, the
 *   incoming is only history (added as `superseded`); otherwise both stay
 *   current and the conflict is listed for the committee to settle.
 *
 * - Before these rules (shared/exchange/import-scope.ts): a bundle whose rows
 *   reuse ids of another cycle or candidate here is refused whole
 *   (`refusals`), and times too far in the future count as the import's
 *   `now`.
 * - A submitted or superseded packet here is never changed by a copy of it
 *   (same id): only a later revision that builds on it supersedes a
 *   submission; a copy with other content is kept beside it as a superseded
 *   row whose `conflictOf` names it, and listed as a conflict.
 *
 * The renderer reads the rows named by `idsToLoad`, plans, shows the
 * preview, and on confirmation plans again inside one `rw` transaction and
 * writes `applyPlanRows(plan)` there, so a failure leaves nothing half-written
 * and a change made between preview and confirm is not overwritten blindly.
 */
import type { Candidate, Cycle, Evidence, Framework, Packet } from '../domain';
import type { BundleContent } from './bundle-format';
import { contentKey, describeChanges, lostEdits, stableHash } from './packet-changes';
import { summarize, TABLES } from './merge-summary';
import { currentPacketByCandidate, wasSubmitted } from '../rules/current-packet';
import { futureTimesLine, isBeyondSkew, REFUSED_HEADLINE, sameApartFromTimes, scopeRefusals, withTrustedTimes } from './import-scope';
import { groupBy } from '../util/group-by';
import { sameName } from '../util/search';

/** A table's stored rows by id: a Map the caller filled, or a lookup function. */
export type Lookup<T> = ReadonlyMap<string, T> | ((id: string) => T | undefined);

export interface ExistingRows {
  /**
   * A packet of the bundle's cycle was submitted here (the cycle's evidence window and framework version are then
   * fixed: renderer/db/cycles.ts cycleWindowFixed, cycleMoveRefusal); a bundle's newer copy of the cycle changes
   * neither. Absent: false.
   */
  cycleFixed?: boolean;
  frameworks: Lookup<Framework>;
  /**
   * The version numbers stored here of each lineage a bundle's frameworks belong to (idsToLoad's
   * frameworkLineages), so a version made on another machine never arrives as a second "v2". Absent: none known.
   */
  lineageVersions?: ReadonlyMap<string, readonly number[]>;
  cycles: Lookup<Cycle>;
  /** The names of every cycle stored here, to say when a bundle's new cycle has the name of another. Absent: not known. */
  cycleNames?: readonly string[];
  candidates: Lookup<Candidate>;
  evidence: Lookup<Evidence>;
  packets: Lookup<Packet>;
  /** Every stored packet of a candidate, all revisions (superseded included). */
  packetsByCandidate: ReadonlyMap<string, readonly Packet[]> | ((candidateId: string) => readonly Packet[]);
}

export interface MergeRows {
  frameworks: Framework[];
  cycles: Cycle[];
  candidates: Candidate[];
  evidence: Evidence[];
  packets: Packet[];
}
export type MergeTable = keyof MergeRows;
export type MergeCounts = Record<MergeTable, number>;

/**
 * - `branched`: both machines made a new revision from the same one.
 * - `separate`: the two packets share no revision.
 * - `submitted-elsewhere`: the bundle brings the submission of a revision
 *   that was still being edited here as a draft.
 * - `submitted-here`: the revision was submitted here; the bundle brings the
 *   other machine's later draft edits of it.
 * - `frozen-here`: the revision is submitted or superseded here and the
 *   bundle brings other content under its id; that copy is kept beside it.
 */
export type ConflictKind = 'branched' | 'separate' | 'submitted-elsewhere' | 'submitted-here' | 'frozen-here';

export interface PacketConflict {
  kind: ConflictKind;
  candidateId: string;
  candidateName: string;
  existingPacketId: string;
  existingRevision: number;
  /** The same as `existingPacketId` for the two submission kinds. */
  incomingPacketId: string;
  incomingRevision: number;
  /** The revision both sides started from, or null when they share none. */
  baseRevision: number | null;
  /** What this database's side changed since `baseRevision`, as sentences. */
  changedHere: string[];
  /** What the bundle's side changed since `baseRevision`, as sentences. */
  changedInBundle: string[];
  /** The superseded copy that keeps the draft edits a submission beat (its `conflictOf` names the submission); null for the other kinds. */
  keptPacketId: string | null;
  reason: string;
}

export interface PacketReplacement {
  candidateId: string;
  candidateName: string;
  /** The stored packet that becomes `superseded`. */
  supersededPacketId: string;
  supersededRevision: number;
  /** The incoming packet that descends from it. */
  byPacketId: string;
  byRevision: number;
  /**
   * Set when the reopen changed the target level: the codes (or ids, for a level no framework here names) of the
   * level the replaced revision was submitted for and of the new one. A committee's votes on the old revision were for
   * the old level; the preview says the level changes.
   */
  level?: { from: string | null; to: string | null };
}

export interface ImportedFramework {
  id: string;
  lineageId: string;
  name: string;
  version: number;
}

export interface ChangedRow {
  table: 'cycles' | 'candidates' | 'evidence';
  id: string;
  /** The stored row's name or title. */
  label: string;
  /** The fields the newer copy changes, in the row's order (never the timestamps). */
  fields: string[];
}

export interface KeptOwnRow {
  table: 'cycles' | 'candidates' | 'evidence';
  id: string;
  /** The stored row's name or title. */
  label: string;
  /** 'newer': this database changed it later; 'same-time': both copies say they were changed at the same moment. */
  why: 'newer' | 'same-time';
}

export interface MergePlan {
  /** Rows this database does not have. */
  add: MergeRows;
  /** Stored rows to overwrite (newer incoming rows, and stored packets that become superseded). */
  update: MergeRows;
  /** Incoming rows left alone because this database has them, as new or newer. */
  unchanged: MergeCounts;
  conflicts: PacketConflict[];
  replaced: PacketReplacement[];
  /** Framework versions the committee lacked, imported along. */
  frameworksImported: ImportedFramework[];
  /**
   * Incoming cycles, candidates and evidence that differ from the stored copy
   * but are not newer, so the stored copy is kept: by name, with whether the
   * stored copy is newer or was changed at the same moment. Without it the
   * preview said "already has everything" of a bundle whose text differed.
   */
  keptOwn: KeptOwnRow[];
  /**
   * Stored cycles, candidates and evidence the bundle's newer copies change, by name, with what changes. The preview
   * said only "Updates 1 candidate" of a bundle that archived another manager's candidate (a security trial).
   */
  changed: ChangedRow[];
  /** Candidates whose current packet in the bundle is a draft: no session reviews them until it is submitted. */
  draftsOnly: number;
  /** Things worth a look that are not conflicts (a cycle pinning another framework version). */
  notes: string[];
  /** Why the whole bundle is refused (rows reusing ids of another cycle or candidate); when not empty, the plan writes nothing. */
  refusals: string[];
  /** How many incoming rows carried a time too far in the future (treated as the import's time). */
  futureRows: number;
  /** Lines for the import preview. */
  summary: string[];
}

/**
 * A plan as the import preview needs it: how many rows per table instead of
 * the rows. The import worker plans and sends the page only this, so a large
 * bundle's rows are not copied to the page until they are written.
 */
export type PlanPreview = Omit<MergePlan, 'add' | 'update'> & { add: MergeCounts; update: MergeCounts };

export function previewOfPlan(plan: MergePlan): PlanPreview {
  const counts = (rows: MergeRows): MergeCounts => ({ frameworks: rows.frameworks.length, cycles: rows.cycles.length, candidates: rows.candidates.length, evidence: rows.evidence.length, packets: rows.packets.length });
  return { ...plan, add: counts(plan.add), update: counts(plan.update) };
}

export interface PlanMergeOptions {
  /**
   * Written as `updatedAt` of stored packets that become superseded, so the
   * change travels on; left as it was when absent. Also the time future
   * timestamps are judged against (this machine's clock when absent).
   */
  now?: string;
  /**
   * A day (`YYYY-MM-DD`) as a conflict's lines name it ("Submitted on …"):
   * the app's one date format on screen (the renderer's formatDate; shared/
   * has no locale). The day as stored when absent (tests, and plans no one reads).
   */
  showDate?: (isoDate: string) => string;
}

// The preview's words live in merge-summary.ts; these are used with the plan, so they are exported from here too.
export { importedText, MERGE_RULE_TEXT, planHasChanges } from './merge-summary';

function emptyRows(): MergeRows {
  return { frameworks: [], cycles: [], candidates: [], evidence: [], packets: [] };
}

function lookup<T>(source: Lookup<T>, id: string): T | undefined {
  return typeof source === 'function' ? source(id) : source.get(id);
}

/** Candidates whose current packet, once the plan is written, is one of the bundle's drafts. */
function draftsCurrentAfter(plan: MergePlan, incoming: BundleContent, existing: ExistingRows): number {
  const fromBundle = new Set(incoming.packets.map((p) => p.id));
  const written = groupBy([...plan.add.packets, ...plan.update.packets], (p) => p.candidateId);
  let drafts = 0;
  for (const candidateId of new Set(incoming.packets.map((p) => p.candidateId))) {
    const after = new Map(storedPacketsOf(existing, candidateId, incoming.cycle.id).map((p) => [p.id, p]));
    for (const p of written.get(candidateId) ?? []) after.set(p.id, p);
    const current = currentPacketByCandidate([...after.values()]).get(candidateId);
    if (current?.status === 'draft' && fromBundle.has(current.id)) drafts++;
  }
  return drafts;
}

/** The stored packets of a candidate in the bundle's cycle (a packet of another cycle is never touched). */
function storedPacketsOf(existing: ExistingRows, candidateId: string, cycleId: string): readonly Packet[] {
  const source = existing.packetsByCandidate;
  return ((typeof source === 'function' ? source(candidateId) : source.get(candidateId)) ?? []).filter((p) => p.cycleId === cycleId);
}

/**
 * How a row's time compares, for the merge: an incoming time is already
 * trusted (import-scope.ts); a stored time too far past `now` counts as
 * older than any real one, so a correct copy replaces it.
 */
interface Clock {
  now: string;
  /** `table:id` of incoming rows whose times were replaced by `now`. */
  clamped: ReadonlySet<string>;
}

function incomingIsNewer(incoming: string, stored: string, clock: Clock): boolean {
  return isBeyondSkew(stored, clock.now) || isNewer(incoming, stored);
}

/**
 * Whether timestamp `a` is later than `b`. Compared as instants, because
 * `...00Z` and `...00.500Z` do not sort as strings; text order breaks ties
 * between unparseable values so the answer is still deterministic.
 */
export function isNewer(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a > b;
  return ta > tb;
}

function isNewerPacket(incoming: Packet, stored: Packet, clock: Clock): boolean {
  if (clock.clamped.has(`packets:${incoming.id}`) && sameApartFromTimes(incoming, stored)) return false;
  return incoming.revision > stored.revision || (incoming.revision === stored.revision && incomingIsNewer(incoming.updatedAt, stored.updatedAt, clock));
}

/** The id of the copy that keeps `draft`'s edits beside `submission`: the same on every machine for the same edits. */
export function keptEditsId(submissionId: string, draft: Packet): string {
  return `${submissionId.slice(0, 160)}-unsent-${stableHash(`${submissionId}\u0000${contentKey(draft)}`)}`;
}

function byRevisionThenId(a: Packet, b: Packet): number {
  return a.revision - b.revision || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function planMerge(bundle: BundleContent, existing: ExistingRows, options: PlanMergeOptions = {}): MergePlan {
  // The preview may plan without `now`; then this machine's clock judges future times.
  const now = options.now ?? new Date().toISOString();
  const trusted = withTrustedTimes(bundle, now);
  const incoming = trusted.content;
  const clock: Clock = { now, clamped: trusted.clamped };
  const plan: MergePlan = {
    add: emptyRows(),
    update: emptyRows(),
    unchanged: { frameworks: 0, cycles: 0, candidates: 0, evidence: 0, packets: 0 },
    conflicts: [],
    replaced: [],
    frameworksImported: [],
    keptOwn: [],
    changed: [],
    draftsOnly: 0,
    notes: [],
    refusals: scopeRefusals(incoming, {
      candidates: (id) => lookup(existing.candidates, id),
      evidence: (id) => lookup(existing.evidence, id),
      packets: (id) => lookup(existing.packets, id),
    }),
    futureRows: trusted.futureRows,
    summary: [],
  };
  if (plan.refusals.length > 0) {
    plan.summary = [REFUSED_HEADLINE, ...plan.refusals];
    return plan;
  }
  const futureLine = futureTimesLine(trusted.futureRows, trusted.latestFuture);
  if (futureLine) plan.notes.push(futureLine);

  // Frameworks: never overwritten; a pinned version arrives frozen.
  const versionsTaken = new Map<string, Set<number>>();
  for (const framework of incoming.frameworks) {
    if (lookup(existing.frameworks, framework.id)) {
      plan.unchanged.frameworks++;
      continue;
    }
    const taken = versionsTaken.get(framework.lineageId) ?? new Set(existing.lineageVersions?.get(framework.lineageId));
    versionsTaken.set(framework.lineageId, taken);
    const version = versionNumberFor(framework.version, taken);
    taken.add(version);
    const frozen = framework.frozen || framework.id === incoming.cycle.frameworkVersionId;
    const row = frozen === framework.frozen && version === framework.version ? framework : { ...framework, frozen, version };
    plan.add.frameworks.push(row);
    plan.frameworksImported.push({ id: row.id, lineageId: row.lineageId, name: row.name, version: row.version });
    if (version !== framework.version) {
      plan.notes.push(`The bundle's version ${framework.version} of the framework "${framework.name}" was made on another machine: this database has its own version ${framework.version}, so the bundle's is kept beside it as version ${version}. Compare the two on the Frameworks page before choosing one for a new cycle.`);
    }
  }

  // Cycle, candidates, evidence: newest updatedAt wins.
  const storedCycle = lookup(existing.cycles, incoming.cycle.id);
  mergeByUpdatedAt(plan, 'cycles', [incoming.cycle], existing.cycles, clock);
  const kept = storedCycle && existing.cycleFixed ? keepFixedCycleFields(plan, storedCycle) : null;
  if (storedCycle && kept) {
    const day = options.showDate ?? ((d: string) => d);
    const pinned = lookup(existing.frameworks, storedCycle.frameworkVersionId);
    const parts = [
      ...(kept.window ? [`its evidence window (${day(storedCycle.evidenceFrom)} to ${day(storedCycle.evidenceTo)})`] : []),
      ...(kept.framework ? [`its framework version${pinned ? ` (${pinned.name} v${pinned.version})` : ''}`] : []),
    ];
    plan.notes.push(`The bundle's copy of the cycle "${incoming.cycle.name}" has another ${kept.window && kept.framework ? 'evidence window and framework version' : kept.window ? 'evidence window' : 'framework version'}; packets of the cycle here were submitted against its own, so it keeps ${parts.join(' and ')}.`);
  } else if (storedCycle && storedCycle.frameworkVersionId !== incoming.cycle.frameworkVersionId) {
    plan.notes.push(
      incomingIsNewer(incoming.cycle.updatedAt, storedCycle.updatedAt, clock)
        ? `The cycle "${incoming.cycle.name}" will move from framework version "${storedCycle.frameworkVersionId}" to "${incoming.cycle.frameworkVersionId}" (the bundle's copy is newer).`
        : `The bundle was made against framework version "${incoming.cycle.frameworkVersionId}"; this database's cycle "${storedCycle.name}" pins "${storedCycle.frameworkVersionId}" and keeps it.`,
    );
  }
  // A cycle new here with the name of one already here: two managers who each created "the" cycle (the welcome card
  // asks every new user to) send two cycles of one name, and their packets cannot meet in one session (a trial).
  const namesake = storedCycle ? undefined : existing.cycleNames?.find((n) => sameName(n, incoming.cycle.name));
  if (namesake !== undefined) {
    plan.notes.push(
      `This database already has a cycle named "${namesake}", and the bundle's is another cycle of that name (it was created separately, on the sender's computer): importing adds a second "${incoming.cycle.name}", and a session reviews the candidates of one cycle only. Two cycles are not merged: if the sender meant the cycle here, check with them before importing.`,
    );
  }
  mergeByUpdatedAt(plan, 'candidates', incoming.candidates, existing.candidates, clock);
  mergeByUpdatedAt(plan, 'evidence', incoming.evidence, existing.evidence, clock);

  mergePackets(plan, incoming, existing, options, clock);
  plan.changed = changedRows(plan, existing);
  // A draft travels (to a co-author, say), but a session takes drafts only when its chair includes them: said before
  // the chair imports it. Counted as this database will stand after the import: a bundle's draft that a submission
  // stored here already follows is not what sessions review, and the warning was wrong beside "Nothing to import" (a
  // chair re-importing a manager's older bundle, a trial).
  plan.draftsOnly = draftsCurrentAfter(plan, incoming, existing);
  plan.summary = summarize(plan);
  return plan;
}

/**
 * A cycle whose packets were submitted keeps its evidence window and framework version when a bundle's newer copy
 * updates it (the rest, name and dates, still follows the newer copy). A security trial's bundle moved a cycle's
 * window after submission, and every submitted packet's readiness fell, with the preview saying only "Updates 1
 * cycle". Which of the two the update would have changed, or null.
 */
function keepFixedCycleFields(plan: MergePlan, stored: Cycle): { window: boolean; framework: boolean } | null {
  const i = plan.update.cycles.findIndex((c) => c.id === stored.id);
  const update = plan.update.cycles[i];
  if (!update) return null;
  const window = update.evidenceFrom !== stored.evidenceFrom || update.evidenceTo !== stored.evidenceTo;
  const framework = update.frameworkVersionId !== stored.frameworkVersionId;
  if (!window && !framework) return null;
  plan.update.cycles[i] = { ...update, evidenceFrom: stored.evidenceFrom, evidenceTo: stored.evidenceTo, frameworkVersionId: stored.frameworkVersionId };
  return { window, framework };
}

function mergeByUpdatedAt<K extends 'cycles' | 'candidates' | 'evidence'>(plan: MergePlan, table: K, rows: ReadonlyArray<MergeRows[K][number]>, stored: Lookup<MergeRows[K][number]>, clock: Clock): void {
  for (const row of rows) {
    const current = lookup(stored, row.id);
    if (!current) (plan.add[table] as Array<MergeRows[K][number]>).push(row);
    else if (clock.clamped.has(`${table}:${row.id}`) && sameApartFromTimes(row, current)) plan.unchanged[table]++;
    else if (incomingIsNewer(row.updatedAt, current.updatedAt, clock)) (plan.update[table] as Array<MergeRows[K][number]>).push(row);
    else {
      plan.unchanged[table]++;
      // The common case (the same bundle again) is the same text; canonical JSON only when the key order differs.
      if (JSON.stringify(row) !== JSON.stringify(current) && !sameApartFromTimes(row, current)) {
        plan.keptOwn.push({ table, id: row.id, label: rowLabel(current), why: row.updatedAt === current.updatedAt ? 'same-time' : 'newer' });
      }
    }
  }
}

const NOT_SAID = new Set(['id', 'createdAt', 'updatedAt']);

/** The stored rows the plan's updates change, with the fields that differ (ChangedRow). */
function changedRows(plan: MergePlan, existing: ExistingRows): ChangedRow[] {
  const out: ChangedRow[] = [];
  const tables = [
    ['cycles', existing.cycles],
    ['candidates', existing.candidates],
    ['evidence', existing.evidence],
  ] as const;
  for (const [table, stored] of tables) {
    for (const row of plan.update[table]) {
      const current = lookup(stored as Lookup<typeof row>, row.id) as Record<string, unknown> | undefined;
      if (!current) continue;
      const next = row as unknown as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(current), ...Object.keys(next)])].filter((k) => !NOT_SAID.has(k));
      const fields = keys.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
      if (fields.length > 0) out.push({ table, id: row.id, label: rowLabel(current as MergeRows['candidates'][number]), fields });
    }
  }
  return out;
}

function rowLabel(row: MergeRows['cycles' | 'candidates' | 'evidence'][number]): string {
  return 'title' in row ? row.title : row.name;
}

function mergePackets(plan: MergePlan, incoming: BundleContent, existing: ExistingRows, options: PlanMergeOptions, clock: Clock): void {
  const incomingById = new Map(incoming.packets.map((p) => [p.id, p]));
  const incomingNames = new Map(incoming.candidates.map((c) => [c.id, c.name]));
  const nameOf = (candidateId: string) => incomingNames.get(candidateId) ?? lookup(existing.candidates, candidateId)?.name ?? candidateId;
  const showDate = options.showDate ?? ((day: string) => day);

  const byCandidate = groupBy(incoming.packets, (p) => p.candidateId);
  const added = new Map<string, Packet>();
  const updated = new Map<string, Packet>();
  const criteria = new Map<string, string>();
  const pinned = lookup(existing.frameworks, incoming.cycle.frameworkVersionId);
  for (const f of [...(pinned ? [pinned] : []), ...incoming.frameworks]) for (const c of f.criteria) if (!criteria.has(c.id)) criteria.set(c.id, c.text);
  const criterionName = (id: string) => criteria.get(id) ?? id;
  const levelCodes = new Map<string, string>();
  for (const f of [...(pinned ? [pinned] : []), ...incoming.frameworks]) for (const l of f.levels) if (!levelCodes.has(l.id)) levelCodes.set(l.id, l.code);
  const levelCode = (id: string | null) => (id === null ? null : (levelCodes.get(id) ?? id));

  for (const candidateId of [...byCandidate.keys()].sort()) {
    const mine = (byCandidate.get(candidateId) ?? []).slice().sort(byRevisionThenId);
    // The stored packets of this candidate, then the state after each planned change.
    const stored = new Map<string, Packet>();
    for (const p of storedPacketsOf(existing, candidateId, incoming.cycle.id)) stored.set(p.id, p);
    for (const p of mine) {
      const same = lookup(existing.packets, p.id);
      if (same) stored.set(same.id, same);
    }
    const state = new Map(stored);
    // This candidate's added rows, so finding its current ones does not scan every candidate's (that made planning quadratic).
    const addedHere = new Map<string, Packet>();
    const addHere = (id: string, row: Packet) => {
      added.set(id, row);
      addedHere.set(id, row);
    };

    const parentOf = (id: string): string | null => state.get(id)?.parentId ?? incomingById.get(id)?.parentId ?? lookup(existing.packets, id)?.parentId ?? null;
    /** Ids from `packet`'s parent up to the oldest known ancestor; a loop in damaged data ends the walk. */
    const lineage = (packet: Packet): string[] => {
      const ids: string[] = [];
      const seen = new Set([packet.id]);
      for (let id = packet.parentId; id !== null && !seen.has(id); id = parentOf(id)) {
        ids.push(id);
        seen.add(id);
      }
      return ids;
    };
    const descends = (child: Packet, ancestorId: string) => lineage(child).includes(ancestorId);
    const currentStored = () =>
      [...state.values()].filter((p) => p.status !== 'superseded' && stored.has(p.id)).sort(byRevisionThenId);
    const currentAdded = () => [...addedHere.values()].filter((p) => p.candidateId === candidateId && p.status !== 'superseded');

    const find = (id: string | null): Packet | undefined => (id === null ? undefined : (state.get(id) ?? incomingById.get(id) ?? lookup(existing.packets, id)));

    /**
     * A submission and a draft of the same packet id: the submission holds the
     * id; the draft's edits the submission lacks go to a kept copy. Returns
     * false when the rule does not apply.
     */
    const settleSubmission = (p: Packet, same: Packet): boolean => {
      // Same id means same revision; damaged data with another number gets the same rule, so no submission is lost to it.
      const incomingWins = wasSubmitted(p) && same.status === 'draft';
      if (!incomingWins && !(wasSubmitted(same) && p.status === 'draft')) return false;
      const [submission, draft] = incomingWins ? [p, same] : [same, p];
      const base = find(draft.parentId);
      const lost = lostEdits(base, draft, submission);
      const keptId = keptEditsId(submission.id, draft);
      if (incomingWins) {
        updated.set(p.id, p);
        state.set(p.id, p);
      } else if (lost.length === 0 || stored.has(keptId)) plan.unchanged.packets++;
      if (lost.length === 0 || stored.has(keptId)) return true;
      const kept: Packet = {
        ...draft,
        id: keptId,
        status: 'superseded',
        submittedAt: null,
        conflictOf: submission.id,
        // A stored time in the future (an import before the clock-skew rule) is not carried onto the kept copy.
        updatedAt: isBeyondSkew(draft.updatedAt, clock.now) ? clock.now : options.now !== undefined && isNewer(options.now, draft.updatedAt) ? options.now : draft.updatedAt,
      };
      addHere(kept.id, kept);
      state.set(kept.id, kept);
      const r = submission.revision;
      plan.conflicts.push({
        kind: incomingWins ? 'submitted-elsewhere' : 'submitted-here',
        candidateId,
        candidateName: nameOf(candidateId),
        existingPacketId: same.id,
        existingRevision: same.revision,
        incomingPacketId: p.id,
        incomingRevision: p.revision,
        baseRevision: base?.revision ?? null,
        changedHere: describeChanges(base, same, criterionName, showDate),
        changedInBundle: describeChanges(base, p, criterionName, showDate),
        keptPacketId: kept.id,
        reason: incomingWins
          ? `Revision ${r} was submitted on the other machine while it was still being edited here. The submission becomes the current packet; the edits made here are kept in the packet history as unsent edits, to carry on from when the packet is reopened.`
          : `Revision ${r} was submitted here while the other machine kept editing it. The submission stays the current packet; the other machine's edits are kept in the packet history as unsent edits, to carry on from when the packet is reopened.`,
      });
      return true;
    };

    /**
     * A submitted or superseded revision here is never changed by a copy of
     * it: only a later revision that builds on it supersedes a submission
     * (below), so a bundle cannot leave a candidate without the submission
     * the committee judges. A copy with other content is kept beside it as a
     * superseded row whose `conflictOf` names it, and the conflict is listed.
     */
    const settleFrozen = (p: Packet, same: Packet): void => {
      if (contentKey(p) === contentKey(same)) {
        plan.unchanged.packets++;
        return;
      }
      const keptId = keptEditsId(same.id, p);
      if (stored.has(keptId)) {
        plan.unchanged.packets++;
        return;
      }
      const kept: Packet = { ...p, id: keptId, status: 'superseded', submittedAt: null, snapshot: null, conflictOf: same.id, keptBecause: 'bundle-copy' };
      addHere(kept.id, kept);
      state.set(kept.id, kept);
      const what = same.status === 'submitted' ? 'submitted' : 'superseded';
      plan.conflicts.push({
        kind: 'frozen-here',
        candidateId,
        candidateName: nameOf(candidateId),
        existingPacketId: same.id,
        existingRevision: same.revision,
        incomingPacketId: p.id,
        incomingRevision: p.revision,
        // Compared with the revision here itself: what the file's copy differs by.
        baseRevision: same.revision,
        changedHere: describeChanges(same, same, criterionName, showDate),
        changedInBundle: describeChanges(same, p, criterionName, showDate),
        keptPacketId: kept.id,
        reason: `Revision ${same.revision} is ${what} here, so an import does not change it. The bundle's different copy of it is kept in the packet history as unsent edits.`,
      });
    };

    for (const p of mine) {
      const same = stored.get(p.id);
      if (same) {
        if (settleSubmission(p, same)) continue;
        if (same.status !== 'draft') settleFrozen(p, same);
        else if (isNewerPacket(p, same, clock)) {
          updated.set(p.id, p);
          state.set(p.id, p);
        } else plan.unchanged.packets++;
        continue;
      }
      if (p.status === 'superseded') {
        // History from the other machine: kept, never current.
        addHere(p.id, p);
        state.set(p.id, p);
        continue;
      }
      const heads = currentStored();
      if (heads.some((h) => descends(h, p.id))) {
        // An older revision of what this database already has: history only.
        const row: Packet = { ...p, status: 'superseded' };
        addHere(row.id, row);
        state.set(row.id, row);
        continue;
      }
      for (const h of heads) {
        if (descends(p, h.id)) {
          const row: Packet = { ...h, status: 'superseded', updatedAt: isBeyondSkew(h.updatedAt, clock.now) ? clock.now : options.now !== undefined && isNewer(options.now, h.updatedAt) ? options.now : h.updatedAt };
          updated.set(row.id, row);
          state.set(row.id, row);
          plan.replaced.push({
            candidateId,
            candidateName: nameOf(candidateId),
            supersededPacketId: h.id,
            supersededRevision: h.revision,
            byPacketId: p.id,
            byRevision: p.revision,
            ...(h.targetLevelId === p.targetLevelId ? {} : { level: { from: levelCode(h.targetLevelId), to: levelCode(p.targetLevelId) } }),
          });
        } else {
          const base = commonAncestor(h, p, lineage, (id) => state.get(id) ?? incomingById.get(id));
          plan.conflicts.push({
            kind: base ? 'branched' : 'separate',
            candidateId,
            candidateName: nameOf(candidateId),
            existingPacketId: h.id,
            existingRevision: h.revision,
            incomingPacketId: p.id,
            incomingRevision: p.revision,
            baseRevision: base?.revision ?? null,
            changedHere: describeChanges(base, h, criterionName, showDate),
            changedInBundle: describeChanges(base, p, criterionName, showDate),
            keptPacketId: null,
            reason: conflictReason(h, p, base),
          });
        }
      }
      // A current packet added earlier from this bundle that this one descends from is history now.
      for (const a of currentAdded()) {
        if (descends(p, a.id)) {
          const row: Packet = { ...a, status: 'superseded' };
          addHere(row.id, row);
          state.set(row.id, row);
        }
      }
      addHere(p.id, p);
      state.set(p.id, p);
    }
  }
  plan.add.packets = [...added.values()];
  plan.update.packets = [...updated.values()];
}

function commonAncestor(stored: Packet, incoming: Packet, lineage: (p: Packet) => string[], find: (id: string) => Packet | undefined): Packet | undefined {
  const storedLine = new Set([stored.id, ...lineage(stored)]);
  const common = [incoming.id, ...lineage(incoming)].find((id) => storedLine.has(id));
  return common === undefined ? undefined : find(common);
}

function conflictReason(stored: Packet, incoming: Packet, base: Packet | undefined): string {
  if (base) {
    return `Both packets were revised separately from revision ${base.revision}: revision ${stored.revision} here and revision ${incoming.revision} in the bundle. Neither replaces the other; both are kept.`;
  }
  return `The packet here (revision ${stored.revision}) and the one in the bundle (revision ${incoming.revision}) were started separately. Neither replaces the other; both are kept.`;
}

// ── Applying ─────────────────────────────────────────────────────────────

/**
 * The rows to `bulkPut` per table, added and updated together (an id
 * appears once; the update wins). Write them all in one `rw` transaction.
 */
export function applyPlanRows(plan: MergePlan): MergeRows {
  // A refused plan is never written, even if a caller skipped the preview.
  if (plan.refusals.length > 0) throw new Error(`This bundle cannot be imported. ${plan.refusals[0]!.replace(/\.$/, '')}`);
  const out = emptyRows();
  const put = <K extends MergeTable>(table: K) => {
    const rows = new Map<string, MergeRows[K][number]>();
    for (const row of plan.add[table]) rows.set(row.id, row);
    for (const row of plan.update[table]) rows.set(row.id, row);
    out[table] = [...rows.values()] as MergeRows[K];
  };
  for (const table of TABLES) put(table);
  return out;
}

/**
 * The number a framework version from a bundle is stored under: its own, unless this lineage already has a version
 * with that number (made separately on another machine, or twice in one bundle); then the next after the highest.
 * The row keeps its id, which is what cycles and packets pin.
 */
export function versionNumberFor(version: number, taken: ReadonlySet<number>): number {
  return taken.has(version) ? Math.max(...taken) + 1 : version;
}

/** The ids whose stored rows `planMerge` needs, so the renderer reads only those (bulkGet, and packets by candidate). */
export function idsToLoad(content: BundleContent): { frameworks: string[]; frameworkLineages: string[]; cycles: string[]; candidates: string[]; evidence: string[]; packets: string[]; packetCandidates: string[] } {
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    frameworks: unique(content.frameworks.map((f) => f.id)),
    frameworkLineages: unique(content.frameworks.map((f) => f.lineageId)),
    cycles: [content.cycle.id],
    candidates: unique(content.candidates.map((c) => c.id)),
    evidence: unique(content.evidence.map((e) => e.id)),
    packets: unique(content.packets.map((p) => p.id)),
    packetCandidates: unique(content.packets.map((p) => p.candidateId)),
  };
}

/**
 * Builds the lookups from plain rows (what `idsToLoad` fetched, or a whole table in tests). The frameworks are those
 * with the bundle's ids and every version of their lineages.
 */
export function existingFromRows(rows: Partial<MergeRows> & { cycleFixed?: boolean; cycleNames?: readonly string[] }): ExistingRows {
  const byId = <T extends { id: string }>(list: readonly T[] | undefined) => new Map((list ?? []).map((r) => [r.id, r]));
  const packets = byId(rows.packets);
  // Built from the id map, so a packet read twice (by id and by candidate) is listed once.
  const packetsByCandidate = groupBy(packets.values(), (p) => p.candidateId);
  const lineageVersions = new Map<string, number[]>();
  for (const f of rows.frameworks ?? []) lineageVersions.set(f.lineageId, [...(lineageVersions.get(f.lineageId) ?? []), f.version]);
  return {
    cycleFixed: rows.cycleFixed === true,
    ...(rows.cycleNames ? { cycleNames: rows.cycleNames } : {}),
    frameworks: byId(rows.frameworks),
    lineageVersions,
    cycles: byId(rows.cycles),
    candidates: byId(rows.candidates),
    evidence: byId(rows.evidence),
    packets,
    packetsByCandidate,
  };
}
