/**
 * Framework editing in storage. Each edit is a command (write/run-command.ts):
 * one read-modify-write of the framework document together with its undo
 * entry and audit entry, so the document and its undo stack never disagree
 * (a failed write leaves both as they were).
 *
 * The undo stack lives in `meta` under `framework-undo:<framework id>`: the
 * previous documents, newest last, at most `UNDO_LIMIT` of them. Edits made
 * with the same `group` one after another (the keystrokes of one visit to a
 * text field) share one entry, so "Undo" takes back the whole change rather
 * than the last debounce. Built-in and frozen frameworks are refused before
 * anything is written.
 */
import { applyEdit, createBlankFramework, duplicateFramework, readOnlyReason, type FrameworkEdit } from '../../shared/frameworks/edit-ops';
import { FrameworkSchema, type Framework } from '../../shared/domain/framework';
import { capitalise } from '../../shared/util/capitalise';
import { newId } from '../../shared/domain/ids';
import type { LevelsetDatabase } from './database';
import { FRAMEWORK_UNDO_PREFIX, runCommand } from './write/run-command';
import { recordNameProblem } from '../../shared/rules/record-name';
import { describeEdit } from '../../shared/frameworks/edit-label';
import { canonicalJson } from '../../shared/exchange/canonical-json';

export const UNDO_LIMIT = 20;

export function undoKey(frameworkId: string): string {
  return `${FRAMEWORK_UNDO_PREFIX}${frameworkId}`;
}

interface UndoState {
  /** Earlier versions of the document, oldest first. */
  entries: Framework[];
  /** What the edit after each entry did (describeEdit), beside it; '' for a stack stored before edits were named. */
  labels: string[];
  /** The group of the newest entry while it may still absorb edits; null once anything else happened. */
  openGroup: string | null;
}

export interface EditOptions {
  /** Consecutive edits with the same group collapse into one undo step. */
  group?: string;
  /** Timestamp for `updatedAt`; defaults to now. */
  at?: string;
}

async function readUndo(db: LevelsetDatabase, frameworkId: string): Promise<UndoState> {
  const row = await db.meta.get(undoKey(frameworkId));
  const value = row?.value as Partial<UndoState> | undefined;
  // The stack is a convenience: anything unreadable counts as empty rather than blocking edits.
  if (!value || !Array.isArray(value.entries)) return { entries: [], labels: [], openGroup: null };
  const labels = value.entries.map((_, i) => (Array.isArray(value.labels) && typeof value.labels[i] === 'string' ? value.labels[i] : ''));
  return { entries: value.entries, labels, openGroup: typeof value.openGroup === 'string' ? value.openGroup : null };
}

/** Applies one edit to a stored framework and records the previous document for undo. Returns the new document. */
export async function editFramework(db: LevelsetDatabase, frameworkId: string, edit: FrameworkEdit, options: EditOptions = {}): Promise<Framework> {
  return runCommand(db, { name: 'edit framework', at: options.at }, async (ctx) => {
    const current = await db.frameworks.get(frameworkId);
    if (!current) throw new Error(`No framework with id "${frameworkId}".`);
    const refused = readOnlyReason(current);
    if (refused) throw new Error(refused);
    const next = applyEdit(current, edit, ctx.at);
    // An edit that leaves the document as it was (the examples field sends its lines again after an Enter at the
    // end; a name set to the one stored) writes nothing: an undo step would take back nothing, and the trail would
    // record an edit nobody made.
    if (canonicalJson({ ...next, updatedAt: current.updatedAt }) === canonicalJson(current)) return current;
    // A new name follows the rule a rename does (a longer one was stored once and broke every heading it was in).
    const nameProblem = next.name === current.name ? null : recordNameProblem(next.name, 'framework');
    if (nameProblem) throw new Error(nameProblem);
    // Refused in the words of the rule ("A framework needs a name."), not the write path's "A frameworks row was refused: name: …".
    const problem = FrameworkSchema.safeParse(next).error?.issues[0];
    if (problem) throw new Error(`${capitalise(problem.message.replace(/\.$/, ''))}.`);
    const undo = await readUndo(db, frameworkId);
    const group = options.group ?? null;
    const absorb = group !== null && undo.openGroup === group && undo.entries.length > 0;
    const entries = absorb ? undo.entries : [...undo.entries, current].slice(-UNDO_LIMIT);
    const labels = absorb ? undo.labels : [...undo.labels, describeEdit(current, edit)].slice(-UNDO_LIMIT);
    const stored = await ctx.put('frameworks', next);
    await ctx.putMeta(undoKey(frameworkId), { entries, labels, openGroup: group } satisfies UndoState);
    ctx.describe({ entityType: 'framework', entityId: frameworkId, action: 'edit framework', after: { edit: edit.type } });
    return stored;
  });
}

/** What the next undo takes back ("removing criterion IC2.3", or 'the last change' for an edit stored unnamed); null when there is nothing to undo. */
export type UndoLabel = string | null;

function labelOf(undo: UndoState): UndoLabel {
  if (undo.entries.length === 0) return null;
  return undo.labels.at(-1) || 'the last change';
}

/**
 * Restores the document as it was before the last edit. Its `updatedAt` is
 * set to now, because restoring is itself a change that a merge must see.
 * Returns what it took back (UndoLabel), null when there was nothing to undo.
 */
export async function undoFrameworkEdit(db: LevelsetDatabase, frameworkId: string, at: string = new Date().toISOString()): Promise<UndoLabel> {
  return runCommand(db, { name: 'undo framework edit', at }, async (ctx) => {
    const undo = await readUndo(db, frameworkId);
    const previous = undo.entries.at(-1);
    if (!previous) return null;
    const current = await db.frameworks.get(frameworkId);
    if (!current) {
      await ctx.putMeta(undoKey(frameworkId), { entries: [], labels: [], openGroup: null } satisfies UndoState);
      return null;
    }
    // A cycle may have pinned the framework since the edit: never rewrite a frozen version.
    const refused = readOnlyReason(current);
    if (refused) throw new Error(refused);
    await ctx.put('frameworks', { ...previous, updatedAt: at });
    await ctx.putMeta(undoKey(frameworkId), { entries: undo.entries.slice(0, -1), labels: undo.labels.slice(0, -1), openGroup: null } satisfies UndoState);
    ctx.describe({ entityType: 'framework', entityId: frameworkId, action: 'undo framework edit' });
    return labelOf(undo);
  });
}

/** What the next undo would take back, or null (the editor's Undo button names it). */
export async function nextUndo(db: LevelsetDatabase, frameworkId: string): Promise<UndoLabel> {
  return labelOf(await readUndo(db, frameworkId));
}

export async function canUndo(db: LevelsetDatabase, frameworkId: string): Promise<boolean> {
  return (await nextUndo(db, frameworkId)) !== null;
}

export interface CreateFrameworkOptions {
  name?: string;
  /** Start with one "Individual contributor" track holding one level (default true). */
  starter?: boolean;
}

/** Writes a new editable framework (its own lineage, version 1) and returns its id. */
export async function createFramework(db: LevelsetDatabase, options: CreateFrameworkOptions = {}): Promise<string> {
  const at = new Date().toISOString();
  let framework = createBlankFramework(newId(), newId(), options.name ?? 'Untitled framework', at);
  if (options.starter ?? true) {
    const trackId = newId();
    framework = applyEdit(framework, { type: 'add-track', track: { id: trackId, name: 'Individual contributor', kind: 'ic' } }, at);
    framework = applyEdit(framework, { type: 'add-level', level: { id: newId(), trackId, code: 'IC1', title: 'Engineer' } }, at);
  }
  return runCommand(db, { name: 'create framework', at }, async (ctx) => {
    if (await db.frameworks.get(framework.id)) throw new Error('A framework with that id already exists.');
    await ctx.put('frameworks', framework);
    ctx.describe({ entityType: 'framework', entityId: framework.id, action: 'create framework', after: { name: framework.name } });
    return framework.id;
  });
}

/** Copies a framework (built-in, frozen or not) into a new editable lineage and returns the copy's id. */
export async function duplicateFrameworkInDb(db: LevelsetDatabase, sourceId: string, name?: string): Promise<string> {
  return runCommand(db, { name: 'duplicate framework' }, async (ctx) => {
    const source = await db.frameworks.get(sourceId);
    if (!source) throw new Error(`No framework with id "${sourceId}".`);
    const copy = await ctx.put('frameworks', duplicateFramework(source, newId(), newId(), name ?? `${source.name} (copy)`, ctx.at));
    ctx.describe({ entityType: 'framework', entityId: copy.id, action: 'duplicate framework', after: { name: copy.name, from: sourceId } });
    return copy.id;
  });
}
