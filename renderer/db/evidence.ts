/**
 * Evidence in storage: add, edit, delete (with undo) and a batch add for a
 * reviewed brag document (with undo of the whole batch).
 *
 * Every write is a command (write/run-command.ts): one transaction that
 * also rebuilds the candidate's coverage rows and appends the audit entry.
 * A batch is one command: either every reviewed item is saved or none is.
 *
 * Links are checked with the same parser-based rule that guards links
 * leaving the app (isSafeExternalUrl): only plain http and https links are
 * stored, so nothing stored can later open as javascript:, file: or similar.
 */
import { EVIDENCE_LIMITS, EvidenceSchema, type Evidence, type EvidenceKind, type EvidenceSource } from '../../shared/domain';
import { newId } from '../../shared/domain/ids';
import { dateProblem } from '../../shared/util/dates';
import { isSafeExternalUrl } from '../../shared/util/trusted-url';
import { runCommand } from './write/run-command';
import { changedFields } from '../../shared/audit/changed-fields';
import type { LevelsetDatabase } from './database';
import { andList } from '../../shared/util/plural';

/** What the evidence forms edit. */
export interface EvidenceInput {
  title: string;
  description: string;
  /** ISO date; fixes the quarter the evidence counts in. */
  date: string;
  kind: EvidenceKind;
  source: EvidenceSource;
  links: string[];
  criterionIds: string[];
}

export type EvidenceProblems = Partial<Record<keyof EvidenceInput, string>>;

/** Thrown when input does not pass `evidenceProblems`; nothing is written. */
export class EvidenceInvalidError extends Error {
  /** For a batch, the problems of each invalid item by its index in the batch. */
  constructor(
    readonly problems: EvidenceProblems,
    readonly itemProblems: ReadonlyMap<number, EvidenceProblems> = new Map(),
  ) {
    super(Object.values(problems).join(' ') || [...itemProblems].map(([i, p]) => `Item ${i + 1}: ${Object.values(p).join(' ')}`).join(' '));
    this.name = 'EvidenceInvalidError';
  }
}

const { title: MAX_TITLE, description: MAX_DESCRIPTION, link: MAX_LINK, links: MAX_LINKS } = EVIDENCE_LIMITS;

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Field messages for one item. `knownCriterionIds`, when given, is the set of
 * criteria the item may link to (the cycle framework's criteria).
 */
export function evidenceProblems(input: EvidenceInput, knownCriterionIds?: ReadonlySet<string>): EvidenceProblems {
  const problems: EvidenceProblems = {};
  const title = input.title.trim();
  if (!title) problems.title = 'Give the evidence a title: what happened, in a few words.';
  else if (title.length > MAX_TITLE) problems.title = `Keep the title under ${MAX_TITLE} characters; put the detail in the description.`;
  if (input.description.length > MAX_DESCRIPTION) problems.description = `The description is over ${MAX_DESCRIPTION.toLocaleString('en')} characters.`;
  if (!input.date) problems.date = 'Choose the date it happened; the date sets the quarter it counts in.';
  else {
    const dateIssue = dateProblem(input.date);
    if (dateIssue) problems.date = dateIssue;
  }
  const links = input.links.map((l) => l.trim()).filter(Boolean);
  const tooLong = links.filter((l) => l.length > MAX_LINK);
  // Every link that cannot be opened is named at once, so fixing one does not reveal the next.
  const unsafe = links.filter((l) => l.length <= MAX_LINK && !isSafeExternalUrl(l));
  if (links.length > MAX_LINKS) problems.links = `At most ${MAX_LINKS} links per item.`;
  else if (tooLong.length > 0 || unsafe.length > 0) {
    const named = unsafe.map((l) => `“${shorten(l)}”`);
    const notWeb =
      unsafe.length === 0
        ? ''
        : `${named.length === 1 ? `${named[0]} is not a web link` : `${andList(named)} are not web links`} Levelset can open. Use a full http:// or https:// address (for example https://example.com/doc), without a user name or password in it.`;
    const long = tooLong.length === 0 ? '' : tooLong.length === 1 ? 'A link is longer than 2,000 characters.' : `${tooLong.length} links are longer than 2,000 characters.`;
    problems.links = [long, notWeb].filter(Boolean).join(' ');
  }
  if (knownCriterionIds) {
    const unknown = input.criterionIds.filter((id) => !knownCriterionIds.has(id));
    if (unknown.length > 0) problems.criterionIds = 'A linked criterion is not in this cycle’s framework; untick it and choose again.';
  }
  return problems;
}

/** Only the editable fields, trimmed: an id or candidate on the object can never overwrite the stored ones. */
function tidy(input: EvidenceInput): EvidenceInput {
  return {
    kind: input.kind,
    source: input.source,
    date: input.date,
    title: input.title.trim(),
    description: input.description.trim(),
    links: [...new Set(input.links.map((l) => l.trim()).filter(Boolean))],
    criterionIds: [...new Set(input.criterionIds)],
  };
}

/** The candidate and the criteria their evidence may link to; read inside the caller's transaction. */
async function candidateScope(db: LevelsetDatabase, candidateId: string) {
  const candidate = await db.candidates.get(candidateId);
  if (!candidate) throw new Error('The candidate no longer exists.');
  const cycle = await db.cycles.get(candidate.cycleId);
  const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
  return { candidate, known: new Set((framework?.criteria ?? []).map((c) => c.id)) };
}

function build(input: EvidenceInput, candidateId: string, cycleId: string, at: string): Evidence {
  return EvidenceSchema.parse({ ...tidy(input), id: newId(), candidateId, cycleId, createdAt: at, updatedAt: at });
}

/** Adds one item for the candidate. Throws EvidenceInvalidError with field messages when invalid. */
export async function addEvidence(db: LevelsetDatabase, candidateId: string, input: EvidenceInput, at: string): Promise<Evidence> {
  const [item] = await addEvidenceBatch(db, candidateId, [input], at).catch((error: unknown) => {
    // A single item reports its problems as field messages, not as "item 1".
    if (error instanceof EvidenceInvalidError && error.itemProblems.size > 0) throw new EvidenceInvalidError(error.itemProblems.get(0) ?? {});
    throw error;
  });
  if (!item) throw new Error('Nothing was added.');
  return item;
}

/**
 * Adds many items (a reviewed brag document) in one transaction: all or
 * nothing. Throws EvidenceInvalidError naming each invalid item by index.
 */
export async function addEvidenceBatch(db: LevelsetDatabase, candidateId: string, inputs: readonly EvidenceInput[], at: string): Promise<Evidence[]> {
  return runCommand(db, { name: 'add evidence', at }, async (ctx) => {
    const { candidate, known } = await candidateScope(db, candidateId);
    const itemProblems = new Map<number, EvidenceProblems>();
    inputs.forEach((input, i) => {
      const problems = evidenceProblems(tidy(input), known);
      if (Object.keys(problems).length > 0) itemProblems.set(i, problems);
    });
    if (itemProblems.size > 0) throw new EvidenceInvalidError({}, itemProblems);
    const rows = await ctx.bulkPut('evidence', inputs.map((input) => build(input, candidate.id, candidate.cycleId, at)));
    ctx.describe({
      entityType: 'candidate',
      entityId: candidate.id,
      action: rows.length === 1 ? 'add evidence' : `add ${rows.length} evidence items`,
      after: rows.map((r) => ({ id: r.id, title: r.title, date: r.date })),
    });
    return rows;
  });
}
/** What undoing a batch did: the items it removed, and those it kept because they were edited since (or are gone). */
export interface BatchUndone {
  removed: Evidence[];
  kept: Evidence[];
}

/**
 * Takes back a batch add (a brag document's items, `rows` as addEvidenceBatch
 * returned them) in one command. An item edited since it was added is kept:
 * undoing the paste must not throw away what the manager did afterwards. An
 * item already deleted is skipped.
 */
export async function undoEvidenceBatch(db: LevelsetDatabase, rows: ReadonlyArray<Pick<Evidence, 'id' | 'updatedAt'>>, at?: string): Promise<BatchUndone> {
  return runCommand(db, { name: 'undo add evidence', at }, async (ctx) => {
    const stored = await db.evidence.bulkGet(rows.map((r) => r.id));
    const removed: Evidence[] = [];
    const kept: Evidence[] = [];
    stored.forEach((row, i) => {
      if (!row) return;
      if (row.updatedAt === rows[i]?.updatedAt) removed.push(row);
      else kept.push(row);
    });
    for (const row of removed) await ctx.delete('evidence', row.id);
    const candidateId = removed[0]?.candidateId ?? kept[0]?.candidateId;
    if (removed.length > 0 && candidateId) {
      ctx.describe({
        entityType: 'candidate',
        entityId: candidateId,
        action: removed.length === 1 ? 'undo add evidence' : `undo add ${removed.length} evidence items`,
        before: removed.map((r) => ({ id: r.id, title: r.title, date: r.date })),
      });
    }
    return { removed, kept };
  });
}

/** Replaces the editable fields of one item. */
export async function updateEvidence(db: LevelsetDatabase, id: string, input: EvidenceInput, at: string): Promise<Evidence> {
  return runCommand(db, { name: 'edit evidence', at }, async (ctx) => {
    const existing = await db.evidence.get(id);
    if (!existing) throw new Error('That evidence item no longer exists.');
    const { known } = await candidateScope(db, existing.candidateId);
    const clean = tidy(input);
    // Links made before a framework edit may point at retired criteria; keeping them is not the user's error.
    for (const criterionId of existing.criterionIds) known.add(criterionId);
    const problems = evidenceProblems(clean, known);
    if (Object.keys(problems).length > 0) throw new EvidenceInvalidError(problems);
    const next = await ctx.put('evidence', { ...existing, ...clean, updatedAt: at });
    ctx.describe({ entityType: 'evidence', entityId: id, action: 'edit evidence', ...changedFields(existing, next) });
    return next;
  });
}

/** Deletes one item and returns it, so the UI can offer Undo (restoreEvidence). */
export async function deleteEvidence(db: LevelsetDatabase, id: string, at?: string): Promise<Evidence> {
  return runCommand(db, { name: 'delete evidence', at }, async (ctx) => {
    const existing = await db.evidence.get(id);
    if (!existing) throw new Error('That evidence item no longer exists.');
    await ctx.delete('evidence', id);
    ctx.describe({ entityType: 'evidence', entityId: id, action: 'delete evidence', before: { title: existing.title, date: existing.date } });
    return existing;
  });
}

/** Puts a deleted item back exactly as it was (same id, so links to it elsewhere still hold). */
export async function restoreEvidence(db: LevelsetDatabase, row: Evidence, at?: string): Promise<Evidence> {
  const item = EvidenceSchema.parse(row);
  return runCommand(db, { name: 'undo delete evidence', at }, async (ctx) => {
    if (!(await db.candidates.get(item.candidateId))) throw new Error('The candidate no longer exists.');
    await ctx.put('evidence', item);
    ctx.describe({ entityType: 'evidence', entityId: item.id, action: 'undo delete evidence', after: { title: item.title, date: item.date } });
    return item;
  });
}
