/**
 * Packets in storage: the manager's case for one candidate, written a field
 * at a time while it is a draft, then submitted (read-only) and, when it
 * must change, reopened as a new revision that keeps the old one.
 *
 * Every write is a command (write/run-command.ts): one transaction that
 * validates, writes, rebuilds the candidate's coverage rows and appends the
 * audit entry, so a calibration view never sees a packet and its coverage
 * disagree and a failure leaves both as they were. Writes to a submitted or
 * superseded revision are refused before anything is written. Submission
 * recomputes the packet checks from the stored rows, never from what a view
 * happened to show, refuses while blockers or unacknowledged warnings
 * remain, and freezes the snapshot of what the committee will see.
 */
import type { Candidate, Cycle, Evidence, Framework } from '../../shared/domain';
import { newId, notBefore } from '../../shared/domain/ids';
import { AssessmentRatingSchema, PACKET_LIMITS, PacketSchema, type AssessmentRating, type Packet } from '../../shared/domain/packet';
import { acknowledgedAfterRating, canSubmit, checksDay, packetChecks, type PacketCheck } from '../../shared/packets/checks';
import { userTimeZone } from '../../shared/util/dates';
import { reopenPacket, reopenWithKeptEdits as reopenFromKept, submitPacket } from '../../shared/packets/revisions';
import { currentPacket as currentOf, byRevisionNewestFirst } from '../../shared/rules/current-packet';
import { packetEvidence, takeSnapshot } from '../../shared/packets/snapshot';
import { formatDate } from '../components/dates';
import type { LevelsetDatabase } from './database';
import { runCommand, type WriteContext } from './write/run-command';
import { errorMessage } from '../../shared/util/error-message';

/** A write the packet's state does not allow (read-only revision, unknown criterion, text too long...). */
export class PacketWriteError extends Error {
  override name = 'PacketWriteError';
}

/** Submission refused by the packet checks; the message lists what to fix or acknowledge. */
export class PacketSubmitError extends Error {
  override name = 'PacketSubmitError';
  constructor(
    readonly blockers: PacketCheck[],
    readonly unacknowledged: PacketCheck[],
  ) {
    super(submitRefusal(blockers, unacknowledged));
  }
}

function submitRefusal(blockers: PacketCheck[], unacknowledged: PacketCheck[]): string {
  const lines = ['The packet was not submitted.'];
  if (blockers.length > 0) lines.push(`Fix ${blockers.length === 1 ? 'this blocker' : `these ${blockers.length} blockers`}: ${blockers.map((c) => `${c.title} (${c.detail})`).join('; ')}.`);
  if (unacknowledged.length > 0)
    lines.push(
      `Fix or acknowledge ${unacknowledged.length === 1 ? 'this warning' : `these ${unacknowledged.length} warnings`}: ${unacknowledged.map((c) => `${c.title} (${c.detail})`).join('; ')}.`,
    );
  return lines.join(' ');
}

/** Limits from the packet schema, checked first so the message names the field. */
const TEXT_LIMITS = PACKET_LIMITS;
const NOTE_LIMIT = PACKET_LIMITS.note;

const now = () => new Date().toISOString();

/** Why a revision cannot be edited, in words for the manager; null for a draft. */
export function readOnlyReason(packet: Pick<Packet, 'status' | 'revision'>): string | null {
  if (packet.status === 'submitted')
    return `Revision ${packet.revision} has been submitted and is read-only. Reopen it to make changes: that starts revision ${packet.revision + 1} and keeps revision ${packet.revision} for the record.`;
  if (packet.status === 'superseded')
    return `Revision ${packet.revision} has been superseded by a later revision and is kept read-only for the record. Edit the current revision instead.`;
  return null;
}

/** The candidate's current packet: the latest revision that is not superseded. */
export async function currentPacket(db: LevelsetDatabase, candidateId: string): Promise<Packet | undefined> {
  return currentOf(await db.packets.where('candidateId').equals(candidateId).toArray());
}

/** Every revision of the candidate's packet, newest first. */
export async function packetHistory(db: LevelsetDatabase, candidateId: string): Promise<Packet[]> {
  const all = await db.packets.where('candidateId').equals(candidateId).toArray();
  return all.sort(byRevisionNewestFirst);
}

/** Everything the packet builder shows for one candidate; null when the candidate is not stored. */
export interface PacketWorkspace {
  candidate: Candidate;
  cycle: Cycle | null;
  framework: Framework | null;
  /** The candidate's evidence, oldest first. */
  evidence: Evidence[];
  /** Every revision, newest first. */
  packets: Packet[];
  current: Packet | null;
}

export async function packetWorkspace(db: LevelsetDatabase, candidateId: string): Promise<PacketWorkspace | null> {
  // The candidate's rows by index, in parallel; then the cycle and framework they name.
  const [candidate, evidence, packets] = await Promise.all([db.candidates.get(candidateId), db.evidence.where('candidateId').equals(candidateId).sortBy('date'), packetHistory(db, candidateId)]);
  if (!candidate) return null;
  const cycle = (await db.cycles.get(candidate.cycleId)) ?? null;
  const framework = cycle ? ((await db.frameworks.get(cycle.frameworkVersionId)) ?? null) : null;
  return { candidate, cycle, framework, evidence, packets, current: currentOf(packets) ?? null };
}

interface StoredContext {
  candidate: Candidate;
  cycle: Cycle;
  framework: Framework;
  evidence: Evidence[];
}

/** The rows a packet is judged with; call inside a transaction over `coverageTables`. */
async function storedContext(db: LevelsetDatabase, packet: Packet): Promise<StoredContext> {
  const candidate = await db.candidates.get(packet.candidateId);
  if (!candidate) throw new PacketWriteError(`The packet's candidate "${packet.candidateId}" is not stored.`);
  const cycle = await db.cycles.get(packet.cycleId);
  if (!cycle) throw new PacketWriteError(`The packet's cycle "${packet.cycleId}" is not stored.`);
  const framework = await db.frameworks.get(cycle.frameworkVersionId);
  if (!framework) throw new PacketWriteError(`The framework version "${cycle.frameworkVersionId}" that the cycle is judged against is not stored.`);
  const evidence = await db.evidence.where('candidateId').equals(packet.candidateId).toArray();
  return { candidate, cycle, framework, evidence };
}

/** The packet's checks, judged on the day of `at` (checksDay). */
function checksFor(packet: Packet, context: StoredContext, at: string): PacketCheck[] {
  return packetChecks({ framework: context.framework, cycle: context.cycle, candidate: context.candidate, packet, evidence: [...packetEvidence(packet, context.evidence)], showDate: formatDate, today: checksDay(packet, at, userTimeZone()) });
}

async function getPacket(db: LevelsetDatabase, packetId: string): Promise<Packet> {
  const packet = await db.packets.get(packetId);
  if (!packet) throw new PacketWriteError(`No packet with id "${packetId}".`);
  return packet;
}

/** The fields an edit changed, before and after, for the audit trail (not the whole packet). */
function changedFields(before: Packet, after: Packet): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = (Object.keys(after) as Array<keyof Packet>).filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.includes('assessments')) {
    // Only the criteria whose assessment changed.
    const ids = new Set([...Object.keys(before.assessments), ...Object.keys(after.assessments)]);
    const changed = [...ids].filter((id) => JSON.stringify(before.assessments[id]) !== JSON.stringify(after.assessments[id]));
    return {
      before: { ...Object.fromEntries(keys.filter((k) => k !== 'assessments').map((k) => [k, before[k]])), assessments: Object.fromEntries(changed.map((id) => [id, before.assessments[id] ?? null])) },
      after: { ...Object.fromEntries(keys.filter((k) => k !== 'assessments').map((k) => [k, after[k]])), assessments: Object.fromEntries(changed.map((id) => [id, after.assessments[id] ?? null])) },
    };
  }
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/**
 * One edit of a draft: read it, refuse a read-only revision, apply the
 * change, validate, store, and rebuild coverage, all in one transaction.
 * `change` may return the packet unchanged to skip the write.
 */
async function editDraft(
  db: LevelsetDatabase,
  packetId: string,
  at: string,
  change: (packet: Packet, load: () => Promise<StoredContext>) => Packet | Promise<Packet>,
): Promise<Packet> {
  return runCommand(db, { name: 'edit packet', at }, async (ctx) => {
    const packet = await getPacket(db, packetId);
    const refused = readOnlyReason(packet);
    if (refused) throw new PacketWriteError(refused);
    const changed = await change(packet, () => storedContext(db, packet));
    if (changed === packet) return packet;
    const next = await putPacket(ctx, { ...changed, updatedAt: at });
    ctx.describe({ entityType: 'packet', entityId: packet.id, action: 'edit packet', ...changedFields(packet, next) });
    return next;
  });
}

/** Stores a packet row, naming a schema refusal as a packet error. */
async function putPacket(ctx: WriteContext, row: unknown): Promise<Packet> {
  const parsed = PacketSchema.safeParse(row);
  if (!parsed.success) throw new PacketWriteError(`The packet was not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return ctx.put('packets', parsed.data);
}

function targetCriterion(packet: Packet, context: StoredContext, criterionId: string) {
  const criterion = context.framework.criteria.find((c) => c.id === criterionId);
  if (!criterion || criterion.levelId !== packet.targetLevelId) {
    const level = context.framework.levels.find((l) => l.id === packet.targetLevelId);
    throw new PacketWriteError(
      level
        ? `"${criterionId}" is not a criterion of the target level ${level.code} ${level.title}; only its criteria are assessed.`
        : 'The packet has no target level, so there are no criteria to assess. Set the target level on the candidate first.',
    );
  }
  return criterion;
}

/**
 * Sets (or, with null, clears) the manager's assessment of one criterion.
 * Without a note the existing note is kept; clearing drops the note too.
 */
export async function setAssessment(
  db: LevelsetDatabase,
  packetId: string,
  criterionId: string,
  rating: AssessmentRating | null,
  note?: string,
  at: string = now(),
): Promise<Packet> {
  if (rating !== null && !AssessmentRatingSchema.safeParse(rating).success) {
    throw new PacketWriteError(`"${String(rating)}" is not an assessment; use not-yet, partially or consistently.`);
  }
  if (note !== undefined && note.length > NOTE_LIMIT) throw new PacketWriteError(`An assessment note can be at most ${NOTE_LIMIT.toLocaleString('en')} characters.`);
  return editDraft(db, packetId, at, async (packet, load) => {
    targetCriterion(packet, await load(), criterionId);
    const assessments = { ...packet.assessments };
    const existing = Object.prototype.hasOwnProperty.call(assessments, criterionId) ? assessments[criterionId] : undefined;
    if (rating === null) {
      if (!existing) return packet;
      delete assessments[criterionId];
    } else {
      const nextNote = note ?? existing?.note ?? '';
      if (existing && existing.rating === rating && existing.note === nextNote) return packet;
      assessments[criterionId] = { rating, note: nextNote };
    }
    if (existing?.rating === (rating ?? undefined)) return { ...packet, assessments };
    return { ...packet, assessments, acknowledgedChecks: acknowledgedAfterRating(packet.acknowledgedChecks, criterionId) };
  });
}

/** Sets the note beside an assessment, keeping its rating; the criterion must be assessed first. */
export async function setAssessmentNote(db: LevelsetDatabase, packetId: string, criterionId: string, note: string, at: string = now()): Promise<Packet> {
  if (note.length > NOTE_LIMIT) throw new PacketWriteError(`An assessment note can be at most ${NOTE_LIMIT.toLocaleString('en')} characters.`);
  return editDraft(db, packetId, at, async (packet, load) => {
    targetCriterion(packet, await load(), criterionId);
    const existing = Object.prototype.hasOwnProperty.call(packet.assessments, criterionId) ? packet.assessments[criterionId] : undefined;
    if (!existing) throw new PacketWriteError('Choose an assessment for this criterion before writing a note about it.');
    if (existing.note === note) return packet;
    return { ...packet, assessments: { ...packet.assessments, [criterionId]: { ...existing, note } } };
  });
}

/**
 * Updates the summary and/or the "not yet doing" text. Made to be called on
 * every pause in typing: an unchanged text writes nothing.
 */
export async function updatePacketText(
  db: LevelsetDatabase,
  packetId: string,
  text: { summary?: string; notYetDoing?: string },
  at: string = now(),
): Promise<Packet> {
  if (text.summary !== undefined && text.summary.length > TEXT_LIMITS.summary)
    throw new PacketWriteError(`The summary can be at most ${TEXT_LIMITS.summary.toLocaleString('en')} characters; it has ${text.summary.length.toLocaleString('en')}.`);
  if (text.notYetDoing !== undefined && text.notYetDoing.length > TEXT_LIMITS.notYetDoing)
    throw new PacketWriteError(
      `“What they are not yet doing” can be at most ${TEXT_LIMITS.notYetDoing.toLocaleString('en')} characters; it has ${text.notYetDoing.length.toLocaleString('en')}.`,
    );
  return editDraft(db, packetId, at, (packet) => {
    const summary = text.summary ?? packet.summary;
    const notYetDoing = text.notYetDoing ?? packet.notYetDoing;
    if (summary === packet.summary && notYetDoing === packet.notYetDoing) return packet;
    return { ...packet, summary, notYetDoing };
  });
}

/** Records that the manager has read a warning and accepts it for this packet. Blockers cannot be acknowledged. */
export async function acknowledgeCheck(db: LevelsetDatabase, packetId: string, checkId: string, at: string = now()): Promise<Packet> {
  return editDraft(db, packetId, at, async (packet, load) => {
    const blocker = checksFor(packet, await load(), at).find((c) => c.id === checkId && c.severity === 'blocker');
    if (blocker || checkId === 'no-target-level' || checkId === 'no-evidence') {
      throw new PacketWriteError(`“${blocker?.title ?? checkId}” is a blocker: it cannot be acknowledged, only fixed.`);
    }
    if (packet.acknowledgedChecks.includes(checkId)) return packet;
    return { ...packet, acknowledgedChecks: [...packet.acknowledgedChecks, checkId] };
  });
}

/** Takes an acknowledgement back. */
export async function unacknowledgeCheck(db: LevelsetDatabase, packetId: string, checkId: string, at: string = now()): Promise<Packet> {
  return editDraft(db, packetId, at, (packet) => {
    if (!packet.acknowledgedChecks.includes(checkId)) return packet;
    return { ...packet, acknowledgedChecks: packet.acknowledgedChecks.filter((id) => id !== checkId) };
  });
}

/** Points a draft at the candidate's current target level (after it was changed on the candidate). Assessments are kept. */
export async function syncTargetLevel(db: LevelsetDatabase, packetId: string, at: string = now()): Promise<Packet> {
  return editDraft(db, packetId, at, async (packet, load) => {
    const { candidate } = await load();
    if (candidate.targetLevelId === packet.targetLevelId) return packet;
    return { ...packet, targetLevelId: candidate.targetLevelId };
  });
}

/** Starts revision 1 of a candidate's packet, against the candidate's target level. Returns the current packet if there is one. */
export async function startPacket(db: LevelsetDatabase, candidateId: string, at: string = now()): Promise<Packet> {
  return runCommand(db, { name: 'start packet', at }, async (ctx) => {
    const existing = await currentPacket(db, candidateId);
    if (existing) return existing;
    const candidate = await db.candidates.get(candidateId);
    if (!candidate) throw new PacketWriteError(`No candidate with id "${candidateId}".`);
    const revisions = await db.packets.where('candidateId').equals(candidateId).count();
    if (revisions > 0) throw new PacketWriteError('Every revision of this packet is superseded; import or restore the latest one rather than starting over.');
    const packet = await putPacket(ctx, {
      id: newId(),
      candidateId,
      cycleId: candidate.cycleId,
      targetLevelId: candidate.targetLevelId,
      revision: 1,
      parentId: null,
      status: 'draft',
      createdAt: at,
      updatedAt: at,
    });
    ctx.describe({ entityType: 'packet', entityId: packet.id, action: 'start packet', after: { candidateId, revision: 1 } });
    return packet;
  });
}

/**
 * Submits a draft. The checks are computed from the stored packet, candidate,
 * cycle, framework and evidence; with any blocker or unacknowledged warning
 * the submission is refused with a PacketSubmitError and nothing is written.
 */
export async function submit(db: LevelsetDatabase, packetId: string, at: string = now()): Promise<Packet> {
  return runCommand(db, { name: 'submit packet', at }, async (ctx) => {
    const packet = await getPacket(db, packetId);
    if (packet.status !== 'draft') {
      throw new PacketWriteError(
        packet.status === 'submitted'
          ? `Revision ${packet.revision} has already been submitted.`
          : `Revision ${packet.revision} has been superseded; submit the current revision instead.`,
      );
    }
    const current = await currentPacket(db, packet.candidateId);
    if (current && current.id !== packet.id) throw new PacketWriteError(`Revision ${packet.revision} is not the current revision (${current.revision}); submit that one instead.`);
    const context = await storedContext(db, packet);
    // The clock may have gone back since the draft was created or last edited: like decisions (sessions.ts saveDecision)
    // and the audit trail, times never go back, so the submission is dated no earlier than the draft it submits; its
    // checks are judged on that day, as the submitted revision shows them (checksDay).
    const when = [packet.createdAt, packet.updatedAt].reduce((latest, t) => (notBefore(latest, t) ? latest : t), at);
    const verdict = canSubmit(checksFor(packet, context, when), packet.acknowledgedChecks);
    if (!verdict.ok) throw new PacketSubmitError(verdict.blockers, verdict.unacknowledged);
    const submitted = await putPacket(ctx, submitPacket(packet, when, takeSnapshot(packet, context.framework, context.evidence, when)));
    ctx.describe({
      entityType: 'packet',
      entityId: packet.id,
      action: 'submit packet',
      before: { status: packet.status },
      after: { status: submitted.status, revision: submitted.revision, citedEvidence: submitted.snapshot?.evidence.length ?? 0 },
    });
    return submitted;
  });
}

/**
 * Reopens a submitted packet: the submitted revision is kept, marked
 * superseded, and a new draft revision naming it as parent is added. Both
 * rows are written in one transaction. Returns the new draft.
 */
export async function reopen(db: LevelsetDatabase, packetId: string, at: string = now()): Promise<Packet> {
  return runCommand(db, { name: 'reopen packet', at }, async (ctx) => {
    const packet = await getPacket(db, packetId);
    let reopened;
    try {
      reopened = reopenPacket(packet, newId(), at);
    } catch (error) {
      throw new PacketWriteError(errorMessage(error));
    }
    await putPacket(ctx, reopened.superseded);
    const next = await putPacket(ctx, reopened.next);
    ctx.describe({ entityType: 'packet', entityId: packet.id, action: 'reopen packet', before: { status: packet.status, revision: packet.revision }, after: { newPacketId: next.id, revision: next.revision } });
    return next;
  });
}

/**
 * Starts the next revision of a submitted packet from edits a bundle import
 * kept beside it (a superseded copy whose `conflictOf` names the
 * submission): the submission is kept, marked superseded, and the new draft
 * carries the kept copy's summary, "not yet doing" and assessments. The kept
 * copy stays as it is, for the record. Returns the new draft.
 */
export async function reopenWithKeptEdits(db: LevelsetDatabase, submissionId: string, keptId: string, at: string = now()): Promise<Packet> {
  return runCommand(db, { name: 'reopen packet with kept edits', at }, async (ctx) => {
    const packet = await getPacket(db, submissionId);
    const kept = await getPacket(db, keptId);
    if (kept.candidateId !== packet.candidateId) throw new PacketWriteError('Those edits belong to another candidate’s packet.');
    let reopened;
    try {
      reopened = reopenFromKept(packet, kept, newId(), at);
    } catch (error) {
      throw new PacketWriteError(errorMessage(error));
    }
    await putPacket(ctx, reopened.superseded);
    const next = await putPacket(ctx, reopened.next);
    ctx.describe({
      entityType: 'packet',
      entityId: packet.id,
      action: 'reopen packet with kept edits',
      before: { status: packet.status, revision: packet.revision },
      after: { newPacketId: next.id, revision: next.revision, fromKeptEdits: kept.id },
    });
    return next;
  });
}
