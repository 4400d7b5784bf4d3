/**
 * The Levelset database: one Dexie database over IndexedDB holding every
 * persistent row. The whole `version(n)` history stays here: a released
 * version is never edited, a change adds a version with an `upgrade`.
 * Primary keys are string ids so rows merge across machines.
 */
import Dexie, { type Table } from 'dexie';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import type { AuditEntry, Candidate, Cycle, Decision, Evidence, Framework, Packet, Session, Vote } from '../../shared/domain';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'levelset';

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
  coverage!: Table<CriterionCoverageRow, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
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
  }
}

/** The app's database. Tests create their own with another name. */
export const db = new LevelsetDatabase();
