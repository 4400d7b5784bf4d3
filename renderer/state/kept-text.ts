/**
 * Text a person typed and has not saved yet, kept in localStorage so a reload
 * or a closed window does not lose it: an IndexedDB write started while the
 * page unloads may never finish, and localStorage writes at once. UI state,
 * not a record: it never enters the database or the audit trail.
 *
 * Three kinds, each under its own prefix, and each key names the record it
 * belongs to. Text whose record is gone (a deleted cycle or framework, a
 * restored backup) or can no longer change (a finalized session) is forgotten
 * (`orphanedKeptText`, swept by kept-text-sweep.ts): confidential words do not
 * stay on the computer after their data is deleted, and a record that later
 * reuses the id (the sample cycle's fixed ids) does not bring them back.
 */
export const KEPT_PREFIX = {
  /** The "Log evidence" form of one candidate: `<candidateId>`. */
  evidence: 'levelset.evidence-draft.',
  /** A save-as-you-type field's last words: `<packetId>:<field>` or `framework:<frameworkId>:<field>`. */
  unsaved: 'levelset.unsaved.',
  /** A form's draft held in the UI store: `decision:<sessionId>:<candidateId>`, `evidence-edit:<candidateId>:<evidenceId>`, `candidate-new:<cycleId>`, `candidate-edit:<candidateId>`. */
  draft: 'levelset.draft.',
} as const;

export type KeptKind = keyof typeof KEPT_PREFIX;

/** The kept value under `key`, parsed, or null when there is none or it is not JSON (then the form starts afresh). */
export function readKept(kind: KeptKind, key: string): unknown {
  try {
    const raw = localStorage.getItem(KEPT_PREFIX[kind] + key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function writeKept(kind: KeptKind, key: string, value: unknown): void {
  try {
    localStorage.setItem(KEPT_PREFIX[kind] + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the text still lives in the form for this run of the app.
  }
}

export function forgetKept(kind: KeptKind, key: string): void {
  try {
    localStorage.removeItem(KEPT_PREFIX[kind] + key);
  } catch {
    // Nothing to forget.
  }
}

/** The keys of every kept value of one kind. */
export function keptKeys(kind: KeptKind): string[] {
  const prefix = KEPT_PREFIX[kind];
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name?.startsWith(prefix)) keys.push(name.slice(prefix.length));
    }
  } catch {
    // Storage blocked: nothing kept.
  }
  return keys;
}

/** The records kept text may belong to, as the database holds them now. */
export interface PresentRecords {
  cycleIds: ReadonlySet<string>;
  candidateIds: ReadonlySet<string>;
  packetIds: ReadonlySet<string>;
  frameworkIds: ReadonlySet<string>;
  /** Sessions not finalized, with the candidates each reviews. */
  openSessions: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Every way to cut `text` at one ':' into a head and a tail (ids may hold ':' themselves). */
function cuts(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) found.push([text.slice(0, at), text.slice(at + 1)]);
  return found;
}

const DECISION = 'decision:';
const EVIDENCE_EDIT = 'evidence-edit:';
const CANDIDATE_EDIT = 'candidate-edit:';
const CANDIDATE_NEW = 'candidate-new:';
const FRAMEWORK = 'framework:';

/** Whether the text kept under `key` still belongs to a record that can take it. */
export function belongsToPresent(kind: KeptKind, key: string, present: PresentRecords): boolean {
  switch (kind) {
    case 'evidence':
      return present.candidateIds.has(key);
    case 'unsaved':
      return (
        cuts(key).some(([packetId]) => present.packetIds.has(packetId)) ||
        (key.startsWith(FRAMEWORK) && cuts(key.slice(FRAMEWORK.length)).some(([frameworkId]) => present.frameworkIds.has(frameworkId)))
      );
    case 'draft':
      // An evidence item's edit goes with its candidate (an item deleted alone takes its edit with it: evidence log).
      if (key.startsWith(EVIDENCE_EDIT)) return cuts(key.slice(EVIDENCE_EDIT.length)).some(([candidateId]) => present.candidateIds.has(candidateId));
      if (key.startsWith(CANDIDATE_EDIT)) return present.candidateIds.has(key.slice(CANDIDATE_EDIT.length));
      if (key.startsWith(CANDIDATE_NEW)) return present.cycleIds.has(key.slice(CANDIDATE_NEW.length));
      // A draft of another form keeps its text until a rule for its record is written here.
      if (!key.startsWith(DECISION)) return true;
      return cuts(key.slice(DECISION.length)).some(([sessionId, candidateId]) => present.openSessions.get(sessionId)?.has(candidateId) === true);
  }
}

/** The kept text (by kind and key) whose record is gone or can no longer change. */
export function orphanedKeptText(present: PresentRecords): Array<{ kind: KeptKind; key: string }> {
  return (Object.keys(KEPT_PREFIX) as KeptKind[]).flatMap((kind) => keptKeys(kind).filter((key) => !belongsToPresent(kind, key, present)).map((key) => ({ kind, key })));
}
