/**
 * UI state (Zustand): filters, selections and view toggles only, never a
 * copy of database rows, which are read with useLiveQuery. Built from small
 * slices combined once, as in Zustand's slices pattern.
 */
import { create, type StateCreator } from 'zustand';
import { forgetKept, keptKeys, readKept, writeKept } from './kept-text';
import type { TimerState } from './presenter-timer';
import type { CandidateSort } from '../../shared/rules/candidate-sort';
import { NO_PACKET_FILTER, type PacketListFilter, type PacketSort } from '../../shared/packets/packet-list';

export interface CandidateFilterSlice {
  candidateQuery: string;
  setCandidateQuery: (query: string) => void;
  /** The Candidates list's order: kept while the manager opens a candidate and comes back. */
  candidateSort: CandidateSort;
  setCandidateSort: (sort: CandidateSort) => void;
}

/** How the Packets list is narrowed and sorted, per cycle: kept while the manager opens a packet or a candidate and comes back. */
export interface PacketListView {
  filter: PacketListFilter;
  sort: PacketSort;
  showArchived: boolean;
}

export const PACKET_LIST_DEFAULT: PacketListView = { filter: NO_PACKET_FILTER, sort: 'name', showArchived: false };

export interface PacketListSlice {
  packetLists: Record<string, PacketListView>;
  setPacketList: (cycleId: string, update: Partial<PacketListView>) => void;
}

export interface OverlaySlice {
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  /** The command palette (Ctrl/Cmd+K, features/palette). */
  paletteOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
}

export interface StatusSlice {
  /** A short message for the live region (saved, loaded, failed). */
  status: { text: string; tone: 'info' | 'error' } | null;
  announce: (text: string, tone?: 'info' | 'error') => void;
  clearStatus: () => void;
}

/**
 * Unsaved form text kept while its form is off screen (a decision draft when
 * the presenter moves to another candidate or is closed) and across a reload
 * (a copy in localStorage, kept-text.ts; values come back unchecked,
 * and useKeptDraft checks them). Keys name what the draft belongs to, e.g.
 * `decision:<sessionId>:<candidateId>`; the form clears its key on save.
 */
export interface DraftSlice {
  drafts: Record<string, unknown>;
  setDraft: (key: string, value: unknown) => void;
  clearDraft: (key: string) => void;
  /** Drops drafts whose record is gone (kept-text-sweep.ts); their stored copies are already forgotten. */
  dropDrafts: (keys: readonly string[]) => void;
}

/** The presenter's timer per session and candidate (`<sessionId>:<candidateId>`). */
export interface TimerSlice {
  timers: Record<string, TimerState>;
  setTimer: (key: string, timer: TimerState) => void;
}

export type UiState = CandidateFilterSlice & PacketListSlice & OverlaySlice & StatusSlice & DraftSlice & TimerSlice;

const createCandidateFilterSlice: StateCreator<UiState, [], [], CandidateFilterSlice> = (set) => ({
  candidateQuery: '',
  setCandidateQuery: (candidateQuery) => set({ candidateQuery }),
  candidateSort: 'name',
  setCandidateSort: (candidateSort) => set({ candidateSort }),
});

const createPacketListSlice: StateCreator<UiState, [], [], PacketListSlice> = (set) => ({
  packetLists: {},
  setPacketList: (cycleId, update) => set((s) => ({ packetLists: { ...s.packetLists, [cycleId]: { ...(s.packetLists[cycleId] ?? PACKET_LIST_DEFAULT), ...update } } })),
});

const createOverlaySlice: StateCreator<UiState, [], [], OverlaySlice> = (set) => ({
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  paletteOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
});

const createStatusSlice: StateCreator<UiState, [], [], StatusSlice> = (set) => ({
  status: null,
  announce: (text, tone = 'info') => set({ status: { text, tone } }),
  clearStatus: () => set({ status: null }),
});

/** Every kept draft, by key, as stored (unchecked; a value that is not JSON is left out). */
function readKeptDrafts(): Record<string, unknown> {
  const drafts: Record<string, unknown> = {};
  for (const key of keptKeys('draft')) {
    const value = readKept('draft', key);
    if (value !== null) drafts[key] = value;
  }
  return drafts;
}

function without(drafts: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | null {
  const held = keys.filter((key) => key in drafts);
  if (held.length === 0) return null;
  const rest = { ...drafts };
  for (const key of held) delete rest[key];
  return rest;
}

const createDraftSlice: StateCreator<UiState, [], [], DraftSlice> = (set) => ({
  drafts: readKeptDrafts(),
  setDraft: (key, value) => {
    writeKept('draft', key, value);
    set((s) => ({ drafts: { ...s.drafts, [key]: value } }));
  },
  clearDraft: (key) => {
    forgetKept('draft', key);
    set((s) => ({ drafts: without(s.drafts, [key]) ?? s.drafts }));
  },
  dropDrafts: (keys) => set((s) => ({ drafts: without(s.drafts, keys) ?? s.drafts })),
});

const createTimerSlice: StateCreator<UiState, [], [], TimerSlice> = (set) => ({
  timers: {},
  setTimer: (key, timer) => set((s) => ({ timers: { ...s.timers, [key]: timer } })),
});

export const useUiStore = create<UiState>()((...a) => ({
  ...createCandidateFilterSlice(...a),
  ...createPacketListSlice(...a),
  ...createOverlaySlice(...a),
  ...createStatusSlice(...a),
  ...createDraftSlice(...a),
  ...createTimerSlice(...a),
}));
