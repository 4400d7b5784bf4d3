/**
 * What changed from one revision of a packet to the next: the target level,
 * each rating and its note, the case's two texts paragraph by paragraph, and
 * the evidence the case cites. A committee that saw revision 1 and now reads
 * revision 2 (or a manager checking what a reopen changed) asks exactly this;
 * before, the two revisions could only be read one after the other and
 * compared by eye.
 *
 * Each revision is read as it was sent: a submitted or superseded one with
 * the evidence frozen in its snapshot, a draft with the log as it is
 * (packetEvidence). Evidence counts when the revision cites it, that is when
 * it is linked to a criterion of the revision's target level; items only in
 * the log change no figure and are left out.
 */
import { criterionCodes, type Framework } from '../domain/framework';
import type { Evidence } from '../domain/evidence';
import type { AssessmentRating, Packet } from '../domain/packet';
import { citedEvidence } from './snapshot';
import { criterionCoverage, type EvidenceWindow } from './coverage';
import { readiness, type ReadinessFigure } from '../rules/readiness';

export interface RatingChange {
  criterionId: string;
  /** The criterion's code, e.g. "E5.3" (its id when the framework no longer has it). */
  code: string;
  text: string;
  from: AssessmentRating | null;
  to: AssessmentRating | null;
  /** The note beside the rating was written, changed or cleared. */
  noteChanged: boolean;
}

export interface TextChange {
  field: 'summary' | 'notYetDoing';
  /** Paragraphs of the later text that the earlier one does not have, in order. */
  added: string[];
  /** Paragraphs of the earlier text that the later one no longer has, in order. */
  removed: string[];
  /**
   * The same, in the order a reader meets them: each paragraph dropped just before the one that took its place
   * ("8 months" beside "11 months"), not every new paragraph first and every old one after.
   */
  steps: Array<{ kind: 'added' | 'removed'; text: string }>;
}

export interface EvidenceEdit {
  id: string;
  title: string;
  /** What changed, in words: `title (was “…”)`, "date (2026-03-01 → 2026-04-02)", "description", "links", "criteria (+E5.2, −E5.1)". */
  fields: string[];
}

export interface RevisionDiff {
  from: number;
  to: number;
  /** The target level's id before and after, when it changed. */
  targetLevel: { from: string | null; to: string | null } | null;
  ratings: RatingChange[];
  texts: TextChange[];
  evidence: { added: Evidence[]; removed: Evidence[]; edited: EvidenceEdit[] };
  /** The readiness figure of each, when the evidence window was given and the figure moved (a result of the changes above). */
  readiness: { from: ReadinessFigure; to: ReadinessFigure } | null;
  /** Nothing a committee would read differently. */
  same: boolean;
}

/** The revision this one was started from: its parent, else the one numbered just before it (never a kept copy). */
export function previousRevision(packets: readonly Packet[], packet: Packet): Packet | null {
  const parent = packet.parentId === null ? undefined : packets.find((p) => p.id === packet.parentId);
  if (parent) return parent;
  return packets.find((p) => p.revision === packet.revision - 1 && !p.conflictOf) ?? null;
}

/**
 * The revision a packet is best read against: a copy a bundle import kept
 * beside a revision (conflictOf) against that revision, every other against
 * the one it was started from (previousRevision). Null for a first revision.
 */
export function comparedRevision(packets: readonly Packet[], packet: Packet): { packet: Packet; keptBeside: boolean } | null {
  const beside = packet.conflictOf === undefined ? undefined : packets.find((p) => p.id === packet.conflictOf);
  if (beside) return { packet: beside, keptBeside: true };
  const previous = previousRevision(packets, packet);
  return previous ? { packet: previous, keptBeside: false } : null;
}

/** A text's paragraphs: split at blank lines, each trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The paragraphs of `a` not matched in `b`, each paragraph of `b` matching at most one of `a` (so a repeated paragraph counts twice). */
function unmatched(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const p of b) left.set(p, (left.get(p) ?? 0) + 1);
  const out: string[] = [];
  for (const p of a) {
    const n = left.get(p) ?? 0;
    if (n > 0) left.set(p, n - 1);
    else out.push(p);
  }
  return out;
}

/** Above this many paragraph pairs, the order is not worked out (a longest common subsequence costs their product). */
const MAX_ORDERED_PAIRS = 250_000;

/**
 * The paragraphs dropped and added, in reading order: a longest common subsequence of the two lists of paragraphs
 * keeps what both share, and what lies between two shared paragraphs is said where it stands, the earlier text's
 * first. A paragraph only moved counts as dropped where it was and added where it went.
 */
function orderedSteps(a: readonly string[], b: readonly string[]): TextChange['steps'] {
  const n = a.length;
  const m = b.length;
  // common[i][j]: the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  }
  const steps: TextChange['steps'] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j >= m || (i < n && common[i + 1]![j]! >= common[i]![j + 1]!)) steps.push({ kind: 'removed', text: a[i++]! });
    else steps.push({ kind: 'added', text: b[j++]! });
  }
  return steps;
}

function textChange(field: TextChange['field'], before: string, after: string): TextChange | null {
  const a = paragraphs(before);
  const b = paragraphs(after);
  if (a.length === b.length && a.every((p, i) => p === b[i])) return null;
  if (a.length * b.length > MAX_ORDERED_PAIRS) {
    // Thousands of paragraphs: what was dropped, then what was added.
    const removed = unmatched(a, b);
    const added = unmatched(b, a);
    if (added.length === 0 && removed.length === 0) return null;
    return { field, added, removed, steps: [...removed.map((text) => ({ kind: 'removed' as const, text })), ...added.map((text) => ({ kind: 'added' as const, text }))] };
  }
  const steps = orderedSteps(a, b);
  const added = steps.filter((s) => s.kind === 'added').map((s) => s.text);
  const removed = steps.filter((s) => s.kind === 'removed').map((s) => s.text);
  // Only blank lines and edge spaces changed: the committee reads the same words.
  return steps.length === 0 ? null : { field, added, removed, steps };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return new Set(b).size === set.size && b.every((x) => set.has(x));
};

function evidenceFields(a: Evidence, b: Evidence, codes: ReadonlyMap<string, string>, showDate: (day: string) => string): string[] {
  const fields: string[] = [];
  if (a.title !== b.title) fields.push(`title (was “${a.title}”)`);
  if (a.date !== b.date) fields.push(`date (${showDate(a.date)} → ${showDate(b.date)})`);
  if (a.kind !== b.kind) fields.push(`kind (${a.kind} → ${b.kind})`);
  if (a.description !== b.description) fields.push('description');
  if (!sameList(a.links, b.links)) fields.push('links');
  if (!sameSet(a.criterionIds, b.criterionIds)) {
    const code = (id: string) => codes.get(id) ?? id;
    const linked = b.criterionIds.filter((id) => !a.criterionIds.includes(id)).map((id) => `+${code(id)}`);
    const unlinked = a.criterionIds.filter((id) => !b.criterionIds.includes(id)).map((id) => `−${code(id)}`);
    fields.push(`criteria (${[...linked, ...unlinked].join(', ')})`);
  }
  return fields;
}

/**
 * The changes from `before` to `after`, each read with its own evidence
 * (`beforeEvidence`, `afterEvidence`: packetEvidence of each). Ratings are
 * listed in the ladder's order of criteria, for the criteria of either
 * revision's target level that either revision rates. `showDate` writes
 * an evidence date as the app shows dates (the renderer's formatDate:
 * shared/ has no locale); given the cycle's evidence `window`, the
 * readiness figure of each revision is compared too.
 */
export function revisionDiff(
  framework: Pick<Framework, 'levels' | 'criteria'>,
  before: Pick<Packet, 'revision' | 'targetLevelId' | 'assessments' | 'summary' | 'notYetDoing'>,
  beforeEvidence: readonly Evidence[],
  after: Pick<Packet, 'revision' | 'targetLevelId' | 'assessments' | 'summary' | 'notYetDoing'>,
  afterEvidence: readonly Evidence[],
  { showDate = (day: string) => day, window }: { showDate?: (day: string) => string; window?: EvidenceWindow } = {},
): RevisionDiff {
  const targetLevel = before.targetLevelId === after.targetLevelId ? null : { from: before.targetLevelId, to: after.targetLevelId };
  const codes = criterionCodes(framework);
  const inScope = new Set([before.targetLevelId, after.targetLevelId]);
  const rated = new Set([...Object.keys(before.assessments), ...Object.keys(after.assessments)]);
  const ratings: RatingChange[] = [];
  const compare = (criterionId: string, text: string) => {
    const a = before.assessments[criterionId];
    const b = after.assessments[criterionId];
    const from = a?.rating ?? null;
    const to = b?.rating ?? null;
    const noteChanged = (a?.note ?? '') !== (b?.note ?? '');
    if (from !== to || noteChanged) ratings.push({ criterionId, code: codes.get(criterionId) ?? criterionId, text, from, to, noteChanged });
  };
  for (const level of [...framework.levels].sort((x, y) => x.order - y.order)) {
    if (!inScope.has(level.id)) continue;
    for (const c of framework.criteria) {
      if (c.levelId !== level.id) continue;
      if (rated.has(c.id)) compare(c.id, c.text);
    }
  }
  // A rating of a criterion the framework version does not hold: still a change a reader should see.
  const all = new Set(framework.criteria.map((c) => c.id));
  for (const id of [...rated].sort()) if (!all.has(id)) compare(id, '');

  const texts = [textChange('summary', before.summary, after.summary), textChange('notYetDoing', before.notYetDoing, after.notYetDoing)].filter((t): t is TextChange => t !== null);

  const citedBefore = citedEvidence(framework, before.targetLevelId, beforeEvidence);
  const citedAfter = citedEvidence(framework, after.targetLevelId, afterEvidence);
  const beforeById = new Map(citedBefore.map((e) => [e.id, e]));
  const afterIds = new Set(citedAfter.map((e) => e.id));
  const byDate = (x: Evidence, y: Evidence) => x.date.localeCompare(y.date) || x.title.localeCompare(y.title);
  const added = citedAfter.filter((e) => !beforeById.has(e.id)).sort(byDate);
  const removed = citedBefore.filter((e) => !afterIds.has(e.id)).sort(byDate);
  const edited: EvidenceEdit[] = [];
  for (const e of [...citedAfter].sort(byDate)) {
    const was = beforeById.get(e.id);
    if (!was) continue;
    const fields = evidenceFields(was, e, codes, showDate);
    if (fields.length > 0) edited.push({ id: e.id, title: e.title, fields });
  }
  const figures = window ? { from: readiness(criterionCoverage(framework, before, beforeEvidence, window)), to: readiness(criterionCoverage(framework, after, afterEvidence, window)) } : null;
  const moved = figures && (figures.from.ready !== figures.to.ready || figures.from.total !== figures.to.total) ? figures : null;
  const same = targetLevel === null && ratings.length === 0 && texts.length === 0 && added.length === 0 && removed.length === 0 && edited.length === 0;
  return { from: before.revision, to: after.revision, targetLevel, ratings, texts, evidence: { added, removed, edited }, readiness: moved, same };
}
