/**
 * Every command: the one list of the ways persisted data changes (Signal
 * Desktop's ts/sql/Interface.ts, Actual Budget's applyMessages entry). Each
 * entry is one user action; its implementation runs through the write path
 * (write/run-command.ts), which validates, writes, keeps derived data in
 * step and appends the audit entry in one transaction.
 *
 * Views call `commands.<name>(...)`, bound to the app's database, and never
 * hold the database object; tests call the same functions with a database
 * of their own through `commandRegistry`. A new write is a new entry here,
 * never a new way to write. Arguments stay serialisable so commands can
 * later travel as events (connected mode).
 */
import { restoreBackup } from './backup';
import { importBundle, writePlannedImport } from './bundles';
import { deleteCycle, deleteFramework, renameCycle, renameFramework } from './lifecycle';
import { archiveCandidate, restoreCandidate, saveCandidate } from './candidates';
import { changeCycleDates, createCycle } from './cycles';
import { db, type LevelsetDatabase } from './database';
import { markFairnessShown } from './fairness-shown';
import { noteRemovals } from './removals';
import { addEvidence, addEvidenceBatch, deleteEvidence, restoreEvidence, undoEvidenceBatch, updateEvidence } from './evidence';
import { createFramework, duplicateFrameworkInDb, editFramework, undoFrameworkEdit } from './framework-edits';
import { addFrameworkVersion, importFramework, moveCycleToVersion, startNextFrameworkVersion } from './framework-versions';
import { acknowledgeCheck, reopen, reopenWithKeptEdits, setAssessment, setAssessmentNote, startPacket, submit, syncTargetLevel, unacknowledgeCheck, updatePacketText } from './packets';
import { saveProfile } from './profile';
import { ensureBuiltInFrameworks, loadSampleCycle, setActiveCycle } from './repositories';
import { applyStreamEvent, castOpenVote, castSealedVote, chairDecide, chairOpenSessions, chairFinalize, chairReopen, chairRevealVotes, chairSetFinalVotes, forgetConnection, importCommitteeCopy, joinCommittee, markSent, saveConnection } from './connected';
import { correctPreVote, createSession, editSessionDetails, finalizeSession, recordVote, reopenSession, revealPreVotes, saveDecision, setBlind, takeOutOfSession, updateSession } from './sessions';

export const commandRegistry = {
  // Frameworks
  createFramework,
  duplicateFramework: duplicateFrameworkInDb,
  editFramework,
  undoFrameworkEdit,
  importFramework,
  addFrameworkVersion,
  startNextFrameworkVersion,
  renameFramework,
  deleteFramework,
  ensureBuiltInFrameworks,
  // Cycles
  createCycle,
  moveCycleToVersion,
  renameCycle,
  changeCycleDates,
  deleteCycle,
  setActiveCycle,
  loadSampleCycle,
  // Candidates and evidence
  saveCandidate,
  archiveCandidate,
  restoreCandidate,
  addEvidence,
  addEvidenceBatch,
  undoEvidenceBatch,
  updateEvidence,
  deleteEvidence,
  restoreEvidence,
  // Packets
  startPacket,
  setAssessment,
  setAssessmentNote,
  updatePacketText,
  acknowledgeCheck,
  unacknowledgeCheck,
  syncTargetLevel,
  submitPacket: submit,
  reopenPacket: reopen,
  reopenWithKeptEdits,
  // Calibration
  createSession,
  updateSession,
  takeOutOfSession,
  editSessionDetails,
  setBlind,
  recordVote,
  revealPreVotes,
  correctPreVote,
  saveDecision,
  finalizeSession,
  reopenSession,
  markFairnessShown,
  // Connected mode (renderer/db/connected): this member's actions, and the transport's writes
  castSealedVote,
  castOpenVote,
  chairSetFinalVotes,
  chairRevealVotes,
  chairDecide,
  chairOpenSessions,
  chairFinalize,
  chairReopen,
  saveConnection,
  joinCommittee,
  forgetConnection,
  importCommitteeCopy,
  applyStreamEvent,
  markOutboxSent: markSent,
  // Exchange and backups
  importBundle,
  writePlannedImport,
  restoreBackup,
  // Settings
  saveProfile,
} as const;

type Registry = typeof commandRegistry;
type Bound = { [K in keyof Registry]: Registry[K] extends (db: LevelsetDatabase, ...args: infer A) => infer R ? (...args: A) => R : never };

/**
 * The commands after which a record may be gone, or a session closed: text a
 * person typed and kept for such a record (state/kept-text.ts) is swept then
 * (removals.ts).
 */
const REMOVING: ReadonlySet<string> = new Set<keyof Registry>(['deleteCycle', 'deleteFramework', 'restoreBackup', 'updateSession', 'takeOutOfSession', 'editSessionDetails', 'finalizeSession', 'chairFinalize', 'applyStreamEvent', 'importCommitteeCopy']);

function bind(target: LevelsetDatabase): Bound {
  return Object.fromEntries(
    Object.entries(commandRegistry).map(([name, run]) => {
      const call = (...args: unknown[]) => (run as (db: LevelsetDatabase, ...a: unknown[]) => unknown)(target, ...args);
      if (!REMOVING.has(name)) return [name, call];
      return [
        name,
        (...args: unknown[]) => {
          const result = call(...args);
          if (result instanceof Promise) void result.then(noteRemovals, noteRemovals);
          else noteRemovals();
          return result;
        },
      ];
    }),
  ) as Bound;
}

/** The commands, bound to the app's database: what views call. */
export const commands = bind(db);
