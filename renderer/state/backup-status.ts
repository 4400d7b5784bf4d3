/**
 * The outcome of the last automatic backup, for this run of the app (UI
 * state): a failure stays shown until a backup succeeds.
 */
import { create } from 'zustand';
import type { AutoBackupResult } from '../../shared/ipc/contract';

export interface BackupFailure {
  /** When the failed attempt was made (ISO). */
  at: string;
  message: string;
  reason: Extract<AutoBackupResult, { ok: false }>['reason'];
}

export interface BackupStatusState {
  failure: BackupFailure | null;
  lastSuccess: string | null;
  running: boolean;
  record: (result: AutoBackupResult, at: string) => void;
  setRunning: (running: boolean) => void;
}

export const useBackupStatus = create<BackupStatusState>()((set) => ({
  failure: null,
  lastSuccess: null,
  running: false,
  record: (result, at) => set(result.ok ? { failure: null, lastSuccess: at } : { failure: { at, message: result.message, reason: result.reason } }),
  setRunning: (running) => set({ running }),
}));
