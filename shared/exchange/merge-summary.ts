/**
 * The words of a merge plan: the import preview's summary, the status line
 * after an import, and the merge rule in plain words. Split from
 * merge-plan.ts (which re-exports what callers use) to keep each file small.
 */
import { plural } from '../util/plural';
import { DRAFTS_IN_SESSIONS } from '../rules/session-candidates';
import { CLOCK_SKEW_TOLERANCE_MS } from './import-scope';
import type { ChangedRow, KeptOwnRow, MergeCounts, MergePlan, MergeRows, MergeTable } from './merge-plan';

/** A plan with its rows (MergePlan) or only their counts (PlanPreview, what the import worker sends the page): the words need only the counts. */
type PlanLike = Omit<MergePlan, 'add' | 'update'> & { add: MergeRows | MergeCounts; update: MergeRows | MergeCounts };

function sizes(rows: MergeRows | MergeCounts): MergeCounts {
  const size = (t: MergeTable) => {
    const v = rows[t];
    return typeof v === 'number' ? v : v.length;
  };
  return { frameworks: size('frameworks'), cycles: size('cycles'), candidates: size('candidates'), evidence: size('evidence'), packets: size('packets') };
}

export const TABLES: readonly MergeTable[] = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'];

/** Whether applying the plan would write anything. */
export function planHasChanges(plan: PlanLike): boolean {
  const [add, update] = [sizes(plan.add), sizes(plan.update)];
  return TABLES.some((t) => add[t] > 0 || update[t] > 0);
}

// ── Preview text ─────────────────────────────────────────────────────────

const NOUNS: Record<MergeTable, [string, string]> = {
  frameworks: ['framework version', 'framework versions'],
  cycles: ['cycle', 'cycles'],
  candidates: ['candidate', 'candidates'],
  evidence: ['evidence item', 'evidence items'],
  // Rows, one per revision: a bundle of 2 packets carries their earlier revisions too, so "packets" here read as more than were exported.
  packets: ['packet revision', 'packet revisions'],
};

function count(n: number, table: MergeTable): string {
  const [one, many] = NOUNS[table];
  return plural(n, one, many);
}

function listCounts(counts: MergeCounts): string {
  return TABLES.filter((t) => counts[t] > 0)
    .map((t) => count(counts[t], t))
    .join(', ');
}

/** What the plan adds, updates and leaves, in words; packets reported on their own lines (superseded, kept edits) are not counted twice. */
function planCounts(plan: PlanLike): { added: string; updated: string; unchanged: string } {
  const addedCounts = sizes(plan.add);
  const updatedCounts = sizes(plan.update);
  // Superseding a stored packet, a submission beating a draft and the kept edits are reported on their own lines below.
  updatedCounts.packets -= plan.replaced.length + plan.conflicts.filter((c) => c.kind === 'submitted-elsewhere').length;
  addedCounts.packets -= plan.conflicts.filter((c) => c.keptPacketId !== null).length;
  return { added: listCounts(addedCounts), updated: listCounts(updatedCounts), unchanged: listCounts(plan.unchanged) };
}

/** The status line after an import: what it did, in the past tense; "nothing" said plainly rather than as "Imported…: Nothing to import". */
export function importedText(plan: PlanLike): string {
  if (!planHasChanges(plan) && plan.conflicts.length === 0) {
    return plan.keptOwn.length === 0
      ? 'Nothing was imported: this database already had everything in the bundle.'
      : `Nothing was imported: ${plural(plan.keptOwn.length, 'row')} of the bundle differed from this database's copies, which were kept.`;
  }
  const { added, updated } = planCounts(plan);
  const parts = [
    ...(added ? [`added ${added}`] : []),
    ...(updated ? [`updated ${updated}`] : []),
    ...(plan.replaced.length > 0 ? [`replaced ${plural(plan.replaced.length, 'packet revision')} with newer ones`] : []),
  ];
  const did = parts.length > 0 ? `Imported the bundle: ${parts.join('; ')}.` : 'Imported the bundle.';
  const conflicts = plan.conflicts.length > 0 ? ` ${plural(plan.conflicts.length, 'conflict')}: both versions kept, see the packet history.` : '';
  return did + conflicts;
}

export function summarize(plan: PlanLike): string[] {
  const lines: string[] = [];
  const { added, updated, unchanged } = planCounts(plan);

  if (!planHasChanges(plan) && plan.conflicts.length === 0) {
    lines.push(plan.keptOwn.length === 0 ? 'Nothing to import: this database already has everything in the bundle.' : 'Nothing to import: where the bundle differs, this database’s copies are kept (below).');
  }
  if (added) lines.push(`Adds ${added}.`);
  if (updated) lines.push(`Updates ${updated} with newer copies from the bundle.`);
  lines.push(...changedLines(plan.changed ?? []));
  for (const f of plan.frameworksImported) lines.push(`Imports framework "${f.name}" version ${f.version}, which this database did not have.`);
  for (const r of plan.replaced) {
    const level = r.level ? ` Its target level changes from ${r.level.from ?? 'none'} to ${r.level.to ?? 'none'}.` : '';
    // "Replaces" alone alarmed a chair whose finalized session had decided on the older revision (trial C): it stays in
    // the history, and a decision stays with the revision it was made on.
    lines.push(
      `${r.candidateName}: revision ${r.byRevision} from the bundle becomes the current revision, after revision ${r.supersededRevision} here (it builds on it); revision ${r.supersededRevision} stays in the packet’s history, and decisions made on it stay with it.${level}`,
    );
  }
  if (plan.conflicts.length > 0) {
    lines.push(`${plan.conflicts.length === 1 ? '1 packet conflicts' : `${plan.conflicts.length} packets conflict`}; both versions are kept (listed below).`);
    for (const c of plan.conflicts) lines.push(`${c.candidateName}: ${c.reason}`);
  }
  if (unchanged) lines.push(`Leaves ${unchanged} unchanged (this database has the same or newer).`);
  lines.push(...keptOwnLines(plan.keptOwn));
  if (plan.draftsOnly > 0) {
    const n = plan.draftsOnly;
    lines.push(
      `${n === 1 ? '1 candidate’s packet in the bundle is a draft' : `${n} candidates’ packets in the bundle are drafts`}, not submitted: ${DRAFTS_IN_SESSIONS}. For a review of the case as the manager stands by it, ask the manager to submit and send ${n === 1 ? 'it' : 'them'}.`,
    );
  }
  lines.push(...plan.notes);
  return lines;
}

const CHANGED_SHOWN = 10;
const FIELD_WORDS: Record<string, string> = {
  archived: 'archived or restored',
  targetLevelId: 'target level',
  currentLevelId: 'current level',
  timeInLevelMonths: 'time in level',
  groups: 'group attributes',
  formerly: 'former names',
  evidenceFrom: 'evidence window',
  evidenceTo: 'evidence window',
  frameworkVersionId: 'framework version',
  opensOn: 'dates',
  closesOn: 'dates',
  criterionIds: 'criteria',
};

/** The stored rows a bundle changes, by name, with what changes in each (the first few, then how many more). */
function changedLines(changed: readonly ChangedRow[]): string[] {
  const lines = changed.slice(0, CHANGED_SHOWN).map((c) => `${KEPT_NOUN[c.table]} “${c.label}” changes: ${[...new Set(c.fields.map((f) => FIELD_WORDS[f] ?? f))].join(', ')}.`);
  if (changed.length > CHANGED_SHOWN) lines.push(`And ${plural(changed.length - CHANGED_SHOWN, 'more row')} the bundle changes.`);
  return lines;
}

const KEPT_SHOWN = 5;
const KEPT_NOUN: Record<KeptOwnRow['table'], string> = { cycles: 'Cycle', candidates: 'Candidate', evidence: 'Evidence' };

/** The rows whose bundle copy differs but is not newer: named (the first few), with why this database's copy stays. */
function keptOwnLines(kept: readonly KeptOwnRow[]): string[] {
  if (kept.length === 0) return [];
  const lines = [`${plural(kept.length, 'row')} in the bundle ${kept.length === 1 ? 'differs' : 'differ'} from this database's ${kept.length === 1 ? 'copy' : 'copies'} and ${kept.length === 1 ? 'is' : 'are'} not newer, so this database's ${kept.length === 1 ? 'copy is' : 'copies are'} kept:`];
  for (const k of kept.slice(0, KEPT_SHOWN)) {
    lines.push(
      `${KEPT_NOUN[k.table]} “${k.label}”: ${k.why === 'newer' ? 'changed here more recently' : 'both copies say they were changed at the same moment, so one of them was edited outside Levelset or on a machine with a wrong clock'}.`,
    );
  }
  if (kept.length > KEPT_SHOWN) lines.push(`and ${kept.length - KEPT_SHOWN} more.`);
  return lines;
}

/**
 * The merge rule in plain words, for the import preview. Keep it in step
 * with the rules at the top of this file.
 */
export const MERGE_RULE_TEXT: readonly string[] = [
  'Rows are matched by their id. For the cycle, candidates and evidence, the copy changed most recently is kept, except that a cycle with a packet submitted here keeps its evidence window and framework version. Framework versions are never overwritten; one this database lacks is added.',
  'A packet revision that builds on the one here replaces it, and the one here stays in the packet history as superseded. An older revision from the file only joins the history.',
  'A submission always wins over a draft of the same revision, whichever was changed last: the committee sees the submission. When the other machine submitted a revision you were still editing here, both are kept: the submission becomes the current packet, and your edits are kept in the packet history as unsent edits, to carry on from when the packet is reopened. The same holds the other way round.',
  'When the two machines changed a packet separately in any other way, both versions are kept and listed as a conflict. The current packet is then the highest revision, a submitted one before a draft.',
  'A submitted or superseded revision here is never changed by an import. A different copy of it from the file is kept beside it in the packet history as unsent edits.',
  `A bundle changes only its own cycle and candidates. If one of its rows reuses the id of something of another cycle or candidate here, the whole bundle is refused and nothing is written.`,
  `A time more than ${CLOCK_SKEW_TOLERANCE_MS / 60_000} minutes ahead of this computer's clock is not trusted: that row counts as changed at the moment of the import.`,
  'Nothing is deleted by an import.',
];
