/**
 * What a connected cycle keeps on this machine beside the records: the
 * outbox, how far each stream has been applied, which events were applied or
 * refused, the commitments seen, this member's own sealed votes, the chair's
 * vote settings per session, and the connection settings.
 *
 * These rows are machine state, not records: they are not audited, not
 * backed up and not exported in bundles (the credentials above all). The
 * write path writes them with `ctx.putState` (renderer/db/write/run-command.ts)
 * in the same transaction as the records an action changes, validated here.
 */
import { z } from 'zod';
import { IsoTimestampSchema } from '../domain/ids';
import { PacketRefSchema } from '../domain/session';
import { ActorSchema, ConnectedRoleSchema, SaltSchema, SessionEventSchema, SubjectTokenSchema, VotePhaseSchema, VoteValueSchema } from './events';

const Seq = z.number().int().min(1);

/** An event waiting to be published; removed once the server has stored it (markSent). */
export const OutboxRowSchema = z.object({
  msgId: z.string().min(1).max(200),
  cycleId: SubjectTokenSchema,
  stream: z.string().min(1),
  subject: z.string().min(1),
  event: SessionEventSchema,
  /** Publishing order on this machine. */
  order: z.number().int().min(0),
  enqueuedAt: IsoTimestampSchema,
});
export type OutboxRow = z.infer<typeof OutboxRowSchema>;

/** How far a stream has been applied: every event up to `lastSeq` is in (or was refused). */
export const StreamStateRowSchema = z.object({ stream: z.string().min(1), cycleId: z.string().min(1), lastSeq: z.number().int().min(0), updatedAt: IsoTimestampSchema });
export type StreamStateRow = z.infer<typeof StreamStateRowSchema>;

/** One event seen, by message id: applied, refused (with why) or a reveal that did not match its commitment. */
export const AppliedRowSchema = z.object({
  msgId: z.string().min(1).max(200),
  cycleId: SubjectTokenSchema,
  sessionId: SubjectTokenSchema,
  type: z.string(),
  actor: ActorSchema,
  /** The stream's sequence; null while a local action has not come back from the server. */
  streamSeq: Seq.nullable(),
  outcome: z.enum(['applied', 'refused', 'mismatched']),
  reason: z.string().max(2_000),
  /**
   * An event for a session this machine did not know yet (its session.open
   * still to come): kept whole, so it is applied once the session is known
   * (apply-stream.ts, retryWaiting) rather than lost.
   */
  waiting: SessionEventSchema.optional(),
});
export type AppliedRow = z.infer<typeof AppliedRowSchema>;

/** Where a sealed vote was cast and its digest: what a commitment (everyone's) and an own vote (this member's) share, keyed by sealedVoteKey. */
const SealedVoteSchema = z.object({
  id: z.string().min(1),
  cycleId: SubjectTokenSchema,
  sessionId: SubjectTokenSchema,
  candidateId: SubjectTokenSchema,
  memberId: SubjectTokenSchema,
  phase: VotePhaseSchema,
  commitment: z.string().regex(/^[0-9a-f]{64}$/),
});

/** "Member X has voted on candidate Y (phase)": the digest only, never the vote, until it is revealed. */
export const CommitmentRowSchema = SealedVoteSchema.extend({
  msgId: z.string().min(1).max(200),
  committedAt: IsoTimestampSchema,
  state: z.enum(['committed', 'revealed', 'mismatched']),
  /** The packet revision the vote was sealed on, as its commitment named it (events.ts `packet`): the revealed vote is recorded on it. */
  packet: PacketRefSchema.optional(),
});
export type CommitmentRow = z.infer<typeof CommitmentRowSchema>;

/** One cast of a sealed vote: the vote, its salt and the commitment sent for them. */
const OwnCastSchema = z.object({ vote: VoteValueSchema, salt: SaltSchema, commitment: z.string().regex(/^[0-9a-f]{64}$/), castAt: IsoTimestampSchema });
export type OwnCast = z.infer<typeof OwnCastSchema>;

/** This member's own sealed vote and its salt, kept (sealed at rest) until the reveal publishes them. */
export const OwnVoteRowSchema = SealedVoteSchema.extend({
  vote: VoteValueSchema,
  salt: SaltSchema,
  castAt: IsoTimestampSchema,
  /**
   * The casts this one replaced, oldest first. A change made offline may reach the committee only after the chair
   * revealed the round; the reveal then opens the commitment the committee holds, an earlier cast (queueOwnReveal).
   */
  earlier: z.array(OwnCastSchema).max(20).optional(),
  /**
   * A vote that reached the committee only after the chair revealed the round, so it is not counted: a change to an
   * earlier cast the committee held (`earlierCounts`, and `vote` above is that cast), or the only vote cast.
   */
  late: z.object({ vote: VoteValueSchema, earlierCounts: z.boolean() }).optional(),
});
export type OwnVoteRow = z.infer<typeof OwnVoteRowSchema>;

/** The chair's vote settings of a session: final votes sealed or open, and the candidates whose sealed final votes are revealed. */
export const SessionModeRowSchema = z.object({
  sessionId: SubjectTokenSchema,
  cycleId: SubjectTokenSchema,
  finalVotes: z.enum(['sealed', 'open']),
  revealedFinal: z.array(SubjectTokenSchema),
  /** The revision of the session's definition applied here (session.open: 0, each session.update after: its revision). */
  revision: z.number().int().min(0).optional(),
  /** The chair's app: a digest of the definition last sent to the committee, so a change is sent once. */
  definitionDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The message id of a session.update that waits (its candidates' records have not arrived): later events of the session wait behind it, in order. */
  held: z.string().min(1).max(200).optional(),
});
export type SessionModeRow = z.infer<typeof SessionModeRowSchema>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a server URL is refused, or null. Votes and packets are confidential,
 * so they travel only over TLS: wss:// anywhere, plain ws:// only to this
 * machine (tests, a local trial). The app connects over WebSocket, so its
 * forms take only those; with `nodeSchemes` (the transport, which also runs
 * in Node for tests and tools) NATS's own tls:// and, to this machine,
 * nats:// are accepted too. One rule for the forms, the stored settings and
 * the transport.
 */
export function serverUrlProblem(text: string, options: { nodeSchemes?: boolean } = {}): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Enter the server address as a URL, for example wss://nats.example.com:443.';
  }
  if (url.username || url.password) return 'Put the user name and password in the credential fields, not in the address.';
  const tls = options.nodeSchemes ? ['wss:', 'tls:'] : ['wss:'];
  const plain = options.nodeSchemes ? ['ws:', 'nats:'] : ['ws:'];
  if (tls.includes(url.protocol)) return null;
  if (plain.includes(url.protocol)) return LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname) ? null : 'Use wss:// (encrypted) for a server on another machine; ws:// is only for a server on this computer.';
  return 'The address must start with wss:// (ws:// only for a server on this computer).';
}

const Secret = z.string().min(1).max(10_000);

/** How this app proves who it is to the server, as the organisation configured it. Secret: sealed at rest, never exported. */
export const ConnectionAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user-password'), user: z.string().min(1).max(200), password: Secret }).strict(),
  z.object({ kind: z.literal('token'), token: Secret }).strict(),
  z.object({ kind: z.literal('nkey'), seed: z.string().regex(/^SU[A-Z2-7]{56}$/, 'an nkey user seed starts with SU and is 58 characters') }).strict(),
  z.object({ kind: z.literal('creds'), jwt: z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'a user JWT has three dot-separated parts'), seed: z.string().regex(/^SU[A-Z2-7]{56}$/, 'an nkey user seed starts with SU and is 58 characters') }).strict(),
]);
export type ConnectionAuth = z.infer<typeof ConnectionAuthSchema>;

/** A cycle's connected-mode settings: the server, the credentials, and who this app acts as. */
export const ConnectionSettingsSchema = z.object({
  cycleId: SubjectTokenSchema,
  serverUrl: z.string().superRefine((value, ctx) => {
    const problem = serverUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  auth: ConnectionAuthSchema,
  identity: z.object({ memberId: SubjectTokenSchema, role: ConnectedRoleSchema, name: z.string().min(1).max(200) }).strict(),
  /**
   * The cycle passphrase: the chair's app encrypts the cycle's committee copy
   * with it and a member's app decrypts it (the bundle scheme). Stored only
   * sealed at rest, like `auth`; where the app has no key (a browser) it is
   * kept in memory instead (renderer/db/connected/connection.ts).
   */
  cyclePassphrase: z.string().min(1).max(1_000).optional(),
  updatedAt: IsoTimestampSchema,
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** The state tables and the schema each row must pass (ctx.putState). Primary keys: see renderer/db/database.ts version 5. */
export const STATE_SCHEMAS = {
  outbox: OutboxRowSchema,
  streamState: StreamStateRowSchema,
  applied: AppliedRowSchema,
  commitments: CommitmentRowSchema,
  ownVotes: OwnVoteRowSchema,
  sessionModes: SessionModeRowSchema,
  connections: ConnectionSettingsSchema,
} as const;
export type StateTable = keyof typeof STATE_SCHEMAS;
export type StateRowOf<T extends StateTable> = z.output<(typeof STATE_SCHEMAS)[T]>;

/** The key of a sealed vote, its commitment and its own-vote row. */
export function sealedVoteKey(v: { sessionId: string; candidateId: string; memberId: string; phase: 'pre' | 'post' }): string {
  return `${v.sessionId}:${v.candidateId}:${v.memberId}:${v.phase}`;
}
