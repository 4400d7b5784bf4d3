/**
 * The Levelset database: one Dexie database over IndexedDB holding every
 * persistent row. The whole `version(n)` history stays here: a released
 * version is never edited, a change adds a version with an `upgrade`.
 * Primary keys are string ids so rows merge across machines.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import { packStoredRows, type StoredCoverageRow } from '../../shared/packets/stored-coverage';
import type { AuditEntry, Candidate, Cycle, Decision, Evidence, Framework, Packet, RowChange, Session, Vote } from '../../shared/domain';
// Not from the domain index: that brings every zod schema into the startup chunk.
import { AUDITED_TABLES } from '../../shared/domain/audited-tables';
import { appendEntrySync } from '../../shared/audit/hash-chain';
import { storedReadinessByCandidate } from '../../shared/packets/stored-readiness';
import { takeSnapshot } from '../../shared/packets/snapshot';
import { installEncryption } from './encryption';
import { candidateStatsRows, storedPacketByCandidate, type CandidateStatsRow } from './write/candidate-stats';
import type { AppliedRow, CommitmentRow, ConnectionSettings, OutboxRow, OwnVoteRow, SessionModeRow, StreamStateRow } from '../../shared/connected/state';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'levelset';

/** The audit index in trail order (shared/audit/replay.ts trailOrder) carrying each entry's hash: the trail's head is its last key. */
export const TRAIL_ORDER_INDEX = '[at+deviceId+seq+hash]';

export class LevelsetDatabase extends Dexie {
  frameworks!: Table<Framework, string>;
  cycles!: Table<Cycle, string>;
  candidates!: Table<Candidate, string>;
  evidence!: Table<Evidence, string>;
  packets!: Table<Packet, string>;
  sessions!: Table<Session, string>;
  votes!: Table<Vote, string>;
  decisions!: Table<Decision, string>;
  audit!: Table<AuditEntry, string>;
  meta!: Table<MetaRow, string>;
  /** One row per candidate since version 8 (shared/packets/stored-coverage.ts); read through renderer/db/coverage-reads.ts. */
  coverage!: Table<StoredCoverageRow, string>;
  candidateStats!: Table<CandidateStatsRow, string>;
  // Connected mode (shared/connected/state.ts): machine state, not records; never backed up or exported.
  outbox!: Table<OutboxRow, string>;
  streamState!: Table<StreamStateRow, string>;
  applied!: Table<AppliedRow, string>;
  commitments!: Table<CommitmentRow, string>;
  ownVotes!: Table<OwnVoteRow, string>;
  sessionModes!: Table<SessionModeRow, string>;
  connections!: Table<ConnectionSettings, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // Seals personal and free-text fields when a key is set (desktop); a no-op otherwise.
    installEncryption(this);
    // Version 1: the first released schema.
    this.version(1).stores({
      frameworks: 'id, lineageId, [lineageId+version], builtIn',
      cycles: 'id, frameworkVersionId',
      candidates: 'id, cycleId, manager, team, [cycleId+targetLevelId], [cycleId+manager]',
      evidence: 'id, candidateId, cycleId, date, *criterionIds',
      packets: 'id, candidateId, cycleId, status, [cycleId+targetLevelId]',
      sessions: 'id, cycleId',
      votes: 'id, sessionId, [sessionId+candidateId]',
      decisions: 'id, sessionId, candidateId, [sessionId+candidateId]',
      audit: 'id, [deviceId+seq], entityId, at',
      meta: 'key',
    });
    // Version 2: per-criterion coverage kept beside each packet, so committee
    // views read one indexed table instead of rescanning evidence. Derived
    // data: it is rebuilt from packets and evidence, so the upgrade only
    // creates the table and the app fills it.
    this.version(2).stores({
      coverage: 'id, packetId, candidateId, [cycleId+targetLevelId], [cycleId+manager], [cycleId+criterionId]',
    });
    // Version 3: the record holds. Submitted packets carry the snapshot of
    // what the committee saw, and audit entries carry the rows they wrote so
    // the trail replays to the records. Rows written before have no entries
    // that explain them, so the upgrade freezes submitted packets as they
    // are now and adopts every record in one baseline entry.
    this.version(3)
      .stores({})
      .upgrade((tx) => adoptRecords(tx));
    // Version 4: per-candidate figures the lists show (the evidence count),
    // so the Candidates list no longer walks every evidence row of the
    // cycle. Derived data, kept by the write path; the upgrade fills it once.
    this.version(4)
      .stores({ candidateStats: 'id, cycleId' })
      .upgrade(async (tx) => {
        const [candidates, evidence] = await Promise.all([tx.table<Candidate, string>('candidates').toArray(), tx.table<Evidence, string>('evidence').toArray()]);
        await tx.table<CandidateStatsRow, string>('candidateStats').bulkPut(candidateStatsRows(candidates, evidence));
      });
    // Version 5: connected mode (issue 14). New tables only, all empty until
    // a cycle is connected: the outbox of events to publish, how far each
    // cycle's stream is applied, every event seen (by message id), the
    // commitments of sealed votes, this member's own sealed votes, the
    // chair's vote settings per session, and each cycle's connection.
    this.version(5).stores({
      outbox: 'msgId, cycleId, order',
      streamState: 'stream, cycleId',
      applied: 'msgId, cycleId, sessionId, streamSeq',
      commitments: 'id, cycleId, sessionId, [sessionId+candidateId]',
      ownVotes: 'id, cycleId, sessionId',
      sessionModes: 'sessionId, cycleId',
      connections: 'cycleId',
    });
    // Version 6: each candidate's stats row also holds the readiness of their
    // current packet, so the Packets list reads no coverage row. Counted once
    // here from the stored coverage (an empty coverage table, a database from
    // before version 2, is filled at startup by rebuildCoverage, which fills
    // these figures with it); the write path keeps them after.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const [stats, coverage] = await Promise.all([tx.table<CandidateStatsRow, string>('candidateStats').toArray(), tx.table<CriterionCoverageRow, string>('coverage').toArray()]);
        const readiness = storedReadinessByCandidate(coverage);
        await tx.table<CandidateStatsRow, string>('candidateStats').bulkPut(stats.map((row) => ({ ...row, readiness: readiness.get(row.id) ?? null })));
      });
    // Version 7:
    // - [cycleId+id] on a cycle's big tables, so the write path reads a whole
    //   cycle in pages (one getAll of a bounded count per page, resuming after
    //   the last id) instead of one getAll whose result IndexedDB copies in a
    //   single main-thread task (issue 12: a 3,000-candidate import).
    // - [deviceId+seq+hash] on audit: the head of each device's chain as an
    //   index key, so appending an entry reads the keys of the last one, not
    //   the entry itself (after an import it carried every imported row, and
    //   reading it back cost the next vote half a second; issue 13).
    // - the trail's order with each entry's hash, so the trail's head (the
    //   book's cover, exports) is read as one key, not the newest entry.
    // - each candidate's stats row also holds a summary of their current
    //   packet (id, target level, status, revision), so the Packets list reads
    //   no packet row and the decision book knows which level the stored
    //   readiness is about (it then reads no coverage row). Counted once here
    //   from the stored packets; the write path keeps it after.
    this.version(7)
      .stores({
        candidates: 'id, cycleId, manager, team, [cycleId+targetLevelId], [cycleId+manager], [cycleId+id]',
        evidence: 'id, candidateId, cycleId, date, *criterionIds, [cycleId+id]',
        packets: 'id, candidateId, cycleId, status, [cycleId+targetLevelId], [cycleId+id]',
        coverage: 'id, packetId, candidateId, [cycleId+targetLevelId], [cycleId+manager], [cycleId+criterionId], [cycleId+id]',
        audit: `id, [deviceId+seq], entityId, at, [deviceId+seq+hash], ${TRAIL_ORDER_INDEX}`,
      })
      .upgrade(fillCurrentPackets);
    // Version 8: coverage is stored as ONE row per candidate (their current
    // packet's criteria in a list, shared/packets/stored-coverage.ts), keyed
    // by the candidate's id, instead of one row per criterion with six
    // indexes: an import of 1,000 candidates on 40 criteria per level wrote
    // 40,000 coverage rows, most of its time (issue 13). Readers read a
    // cycle's rows by [cycleId+targetLevelId] or [cycleId+id] and unpack them;
    // no reader used the packet, manager or criterion indexes. The upgrade
    // regroups the stored rows; nothing is recomputed.
    this.version(8)
      .stores({ coverage: 'id, [cycleId+targetLevelId], [cycleId+id]' })
      .upgrade(async (tx) => {
        const table = tx.table<unknown, string>('coverage');
        const old = (await table.toArray()) as CriterionCoverageRow[];
        await table.clear();
        await table.bulkAdd(packStoredRows(old));
      });
    // Version 9: the current packet in each candidateStats row also holds
    // the day it was submitted, so a live session's decision book names it
    // ("Revision 1, submitted 2026-10-01") as the finalized book does from
    // its frozen record, without reading a packet row. Filled here from the
    // stored packets, as version 7 filled the rest; the write path keeps it.
    this.version(9)
      .stores({})
      .upgrade(fillCurrentPackets);
  }
}

/** Each candidateStats row's current packet (storedPacket), from the stored packets: versions 7 and 9. */
async function fillCurrentPackets(tx: Transaction): Promise<void> {
  const [stats, packets] = await Promise.all([tx.table<CandidateStatsRow, string>('candidateStats').toArray(), tx.table<Packet, string>('packets').toArray()]);
  const current = storedPacketByCandidate(packets);
  await tx.table<CandidateStatsRow, string>('candidateStats').bulkPut(stats.map((row) => ({ ...row, packet: current.get(row.id) ?? null })));
}

async function adoptRecords(tx: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const frameworks = new Map((await tx.table<Framework, string>('frameworks').toArray()).map((f) => [f.id, f]));
  const cycles = new Map((await tx.table<Cycle, string>('cycles').toArray()).map((c) => [c.id, c]));
  const packets = tx.table<Packet, string>('packets');
  for (const packet of await packets.toArray()) {
    if (packet.snapshot !== undefined) continue;
    if (packet.status === 'draft') {
      await packets.put({ ...packet, snapshot: null });
      continue;
    }
    const framework = frameworks.get(cycles.get(packet.cycleId)?.frameworkVersionId ?? '');
    const evidence = await tx.table<Evidence, string>('evidence').where('candidateId').equals(packet.candidateId).toArray();
    await packets.put({ ...packet, snapshot: takeSnapshot(packet, framework ?? { criteria: [] }, evidence, packet.submittedAt ?? at) });
  }
  const rows: RowChange[] = [];
  for (const table of AUDITED_TABLES) {
    for (const row of await tx.table<{ id: string }, string>(table).toArray()) rows.push({ table, id: row.id, row });
  }
  if (rows.length === 0) return;
  const meta = tx.table<MetaRow, string>('meta');
  let device = (await meta.get('deviceId'))?.value;
  if (typeof device !== 'string') {
    device = globalThis.crypto.randomUUID();
    await meta.put({ key: 'deviceId', value: device });
  }
  const audit = tx.table<AuditEntry, string>('audit');
  const last = await audit.where('[deviceId+seq]').between([device, Dexie.minKey], [device, Dexie.maxKey]).last();
  const newest = await audit.orderBy('at').last();
  const entry = appendEntrySync(last ?? null, {
    id: globalThis.crypto.randomUUID(),
    deviceId: device as string,
    actor: 'Levelset (upgrade)',
    at: newest && newest.at > at ? newest.at : at,
    entityType: 'database',
    entityId: 'database',
    action: 'adopt existing records (the trail starts recording rows)',
    after: { records: rows.length },
    changes: { reset: true, rows },
  });
  await audit.add(entry);
}

/** The app's database. Tests create their own with another name. */
export const db = new LevelsetDatabase();
