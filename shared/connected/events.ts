/**
 * Session events of a connected cycle (issue 14): what each app publishes to
 * the cycle's JetStream stream, and the subject each event goes to.
 *
 * One stream per cycle (`streamName`), capturing `levelset.cycle.<cycleId>.>`.
 * Members publish their own votes under
 *   levelset.cycle.<cycleId>.session.<sessionId>.member.<memberId>.vote
 * and the chair publishes under
 *   levelset.cycle.<cycleId>.session.<sessionId>.chair.<kind>
 * so the server's per-user permissions (the natssrv config) can say "this
 * user may publish only as member X" and "only the chair may publish chair.>".
 * Every id that becomes a subject token is limited to [A-Za-z0-9_-]: a dot,
 * `*`, `>` or a space in an id would change which subject a message lands on
 * and so which permission applies.
 *
 * Each event carries a message id that is a hash of its whole content
 * (`eventMsgId`): the same action retried is byte-for-byte the same event,
 * so JetStream's duplicate window and the apply-time `applied` table both
 * drop the retry, while a new action (a changed vote, even back to an earlier
 * value, made at another time) gets a new id. The apply side recomputes the
 * id, so an event cannot borrow another's id to have the real one dropped.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { IsoTimestampSchema } from '../domain/ids';
import { CommitteeMemberSchema, OutcomeSchema, PacketRefSchema } from '../domain/session';
import { canonicalJson, toHex } from '../exchange/canonical-json';

/** Version of the event format; an app refuses events of a version it does not know. */
export const EVENT_VERSION = 1;

/** An id that is safe as a NATS subject token and a stream name part. */
export const SubjectTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'an id in a connected cycle is 1 to 100 letters, digits, “-” or “_”');

export const ConnectedRoleSchema = z.enum(['chair', 'member', 'manager']);
export type ConnectedRole = z.infer<typeof ConnectedRoleSchema>;

const HexDigestSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex');
export const SaltSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a 32-byte salt in lower-case hex');

export const ActorSchema = z.object({ memberId: SubjectTokenSchema, role: ConnectedRoleSchema }).strict();
export type Actor = z.infer<typeof ActorSchema>;

export const VotePhaseSchema = z.enum(['pre', 'post']);
export const VoteValueSchema = z.object({ outcome: OutcomeSchema, levelId: z.string().min(1).max(200).nullable() }).strict();
export type VoteValue = z.infer<typeof VoteValueSchema>;

const base = {
  v: z.literal(EVENT_VERSION),
  msgId: z.string().min(1).max(200),
  cycleId: SubjectTokenSchema,
  sessionId: SubjectTokenSchema,
  actor: ActorSchema,
  createdAt: IsoTimestampSchema,
};

/**
 * The packet revision a vote or decision was made on, as the app it was made in showed it (the revision that app's
 * session reviewed then). Every app records it as named, so a vote sealed on revision 1 stays on revision 1 when
 * revision 2 reaches a machine before the reveal, and every machine records the same. Absent from events made before
 * it travelled: the applying app then takes the revision it reviews when it applies the event.
 */
const actedOn = { packet: PacketRefSchema.strict().optional() };

/** A member's sealed vote: only the commitment travels, so no one can read the vote before the reveal. */
export const VoteCommitEventSchema = z.object({ ...base, type: z.literal('vote.commit'), candidateId: SubjectTokenSchema, phase: VotePhaseSchema, commitment: HexDigestSchema, ...actedOn }).strict();
/** A member's vote and salt, published once the chair reveals that candidate's round. */
export const VoteRevealEventSchema = z.object({ ...base, type: z.literal('vote.reveal'), candidateId: SubjectTokenSchema, phase: VotePhaseSchema, vote: VoteValueSchema, salt: SaltSchema }).strict();
/** A final vote cast openly, when the chair has set the session's final votes open. */
export const VoteOpenEventSchema = z.object({ ...base, type: z.literal('vote.open'), candidateId: SubjectTokenSchema, vote: VoteValueSchema, ...actedOn }).strict();
/** The chair sets whether final votes are sealed (commit, then reveal) or open. */
export const FinalVoteModeEventSchema = z.object({ ...base, type: z.literal('final-votes.mode'), mode: z.enum(['sealed', 'open']) }).strict();
/** The chair reveals a candidate's sealed votes of one phase (for pre-votes: the session's reveal pre-votes). */
export const RevealVotesEventSchema = z.object({ ...base, type: z.literal('votes.reveal'), candidateId: SubjectTokenSchema, phase: VotePhaseSchema }).strict();
export const DecisionEventSchema = z
  .object({
    ...base,
    type: z.literal('decision'),
    candidateId: SubjectTokenSchema,
    outcome: OutcomeSchema,
    newLevelId: z.string().min(1).max(200).nullable(),
    rationale: z.string().max(20_000),
    citedCriterionIds: z.array(z.string().min(1).max(200)).max(500),
    nextSteps: z.array(z.string().max(2_000)).max(100),
    dissent: z.string().max(20_000),
    ...actedOn,
  })
  .strict();
/**
 * The chair opens a session to the committee: its definition, so a member's
 * app that started empty creates the same session (same id) through
 * createSession. Its time is the session's creation, so re-publishing it on
 * every connect is the same message (dropped as a duplicate).
 */
export const SessionOpenEventSchema = z
  .object({
    ...base,
    type: z.literal('session.open'),
    name: z.string().min(1).max(200),
    members: z.array(CommitteeMemberSchema).min(1).max(100),
    candidateIds: z.array(SubjectTokenSchema).min(1).max(5_000),
    orderMode: z.enum(['by-level', 'shuffled', 'manual']),
    timeboxMinutes: z.number().int().min(1).max(240),
    blind: z.boolean(),
  })
  .strict();
/**
 * The chair changed an opened session's definition (name, members,
 * candidates, order, timebox, and whether names are hidden: `blind`, absent
 * in changes sent before it was carried). `revision` counts the chair's changes from 1
 * (the session.open is revision 0); a machine that has applied a revision
 * ignores an older one arriving later, so a re-sent old change never undoes
 * a newer one.
 */
export const SessionUpdateEventSchema = z
  .object({
    ...base,
    type: z.literal('session.update'),
    revision: z.number().int().min(1).max(1_000_000),
    name: z.string().min(1).max(200),
    members: z.array(CommitteeMemberSchema).min(1).max(100),
    candidateIds: z.array(SubjectTokenSchema).min(1).max(5_000),
    orderMode: z.enum(['by-level', 'shuffled', 'manual']),
    timeboxMinutes: z.number().int().min(1).max(240),
    blind: z.boolean().optional(),
  })
  .strict();
export const FinalizeEventSchema = z.object({ ...base, type: z.literal('session.finalize') }).strict();
export const ReopenEventSchema = z.object({ ...base, type: z.literal('session.reopen'), reason: z.string().min(1).max(2_000) }).strict();

export const SessionEventSchema = z.discriminatedUnion('type', [
  SessionOpenEventSchema,
  SessionUpdateEventSchema,
  VoteCommitEventSchema,
  VoteRevealEventSchema,
  VoteOpenEventSchema,
  FinalVoteModeEventSchema,
  RevealVotesEventSchema,
  DecisionEventSchema,
  FinalizeEventSchema,
  ReopenEventSchema,
]);
export type ConnectedEvent = z.infer<typeof SessionEventSchema>;
export type ConnectedEventType = ConnectedEvent['type'];
/** An event before its message id is set (what `makeEvent` takes). */
export type EventDraft = ConnectedEvent extends infer E ? (E extends ConnectedEvent ? Omit<E, 'msgId' | 'v'> : never) : never;

/** Events only the chair may publish (and that every app refuses from anyone else). */
export const CHAIR_EVENT_TYPES: ReadonlySet<ConnectedEventType> = new Set(['session.open', 'session.update', 'final-votes.mode', 'votes.reveal', 'decision', 'session.finalize', 'session.reopen']);

export function isChairEvent(event: Pick<ConnectedEvent, 'type'>): boolean {
  return CHAIR_EVENT_TYPES.has(event.type);
}

const CHAIR_SUBJECT_KIND: Record<string, string> = {
  'session.open': 'open',
  'session.update': 'update',
  'final-votes.mode': 'mode',
  'votes.reveal': 'reveal',
  decision: 'decision',
  'session.finalize': 'finalize',
  'session.reopen': 'reopen',
};

/** The stream of a cycle: one per cycle, so a cycle's history is one ordered log and cycles scale out separately. */
export function streamName(cycleId: string): string {
  return `LEVELSET_CYCLE_${SubjectTokenSchema.parse(cycleId)}`;
}

/** The subjects a cycle's stream captures. */
export function streamSubjects(cycleId: string): string[] {
  return [`levelset.cycle.${SubjectTokenSchema.parse(cycleId)}.>`];
}

/** The subject an event is published to. */
export function eventSubject(event: Pick<ConnectedEvent, 'type' | 'cycleId' | 'sessionId' | 'actor'>): string {
  const cycle = SubjectTokenSchema.parse(event.cycleId);
  const session = SubjectTokenSchema.parse(event.sessionId);
  const prefix = `levelset.cycle.${cycle}.session.${session}`;
  const kind = CHAIR_SUBJECT_KIND[event.type];
  if (kind !== undefined) return `${prefix}.chair.${kind}`;
  return `${prefix}.member.${SubjectTokenSchema.parse(event.actor.memberId)}.vote`;
}

/** The message id an event's content gives it: `<type>:<hex SHA-256 of the canonical event without its id>`. */
export function eventMsgId(event: Omit<ConnectedEvent, 'msgId'> | ConnectedEvent): string {
  const { msgId: _ignored, ...content } = event as ConnectedEvent;
  return `${event.type}:${toHex(sha256(new TextEncoder().encode(canonicalJson({ ...content, v: EVENT_VERSION })))).slice(0, 48)}`;
}

/** Builds a valid event from a draft: sets the version and the message id, and validates. Throws on an invalid draft. */
export function makeEvent(draft: EventDraft): ConnectedEvent {
  const withVersion = { ...draft, v: EVENT_VERSION } as Omit<ConnectedEvent, 'msgId'>;
  return SessionEventSchema.parse({ ...withVersion, msgId: eventMsgId(withVersion) });
}

/** What session.open and session.update carry about a session's shape. */
export interface SessionDefinitionFields {
  name: string;
  members: ReadonlyArray<{ id: string; name: string; role: string }>;
  candidateIds: readonly string[];
  orderMode: string;
  timeboxMinutes: number;
  blind?: boolean | undefined;
}

/** A digest of a session's definition: the chair's app sends a change when this differs from the one last sent. */
export function definitionDigest(d: SessionDefinitionFields): string {
  // Blind only when on, so the digest of a session with names shown is what it was before blind was carried.
  const content = { name: d.name, members: d.members.map((m) => ({ id: m.id, name: m.name, role: m.role })), candidateIds: [...d.candidateIds], orderMode: d.orderMode, timeboxMinutes: d.timeboxMinutes, ...(d.blind ? { blind: true } : {}) };
  return toHex(sha256(new TextEncoder().encode(canonicalJson(content))));
}
