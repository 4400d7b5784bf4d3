/**
 * UI state (Zustand): filters, selections and view toggles only, never a
 * copy of database rows, which are read with useLiveQuery. Built from small
 * slices combined once, as in Zustand's slices pattern.
 */
import { create, type StateCreator } from 'zustand';
import { forgetKeptDraft, readKeptDrafts, writeKeptDraft } from './kept-draft-storage';
import type { TimerState } from './presenter-timer';

export interface CandidateFilterSlice {
  candidateQuery: string;
  setCandidateQuery: (query: string) => void;
}

export interface OverlaySlice {
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
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
 * (a copy in localStorage, kept-draft-storage.ts; values come back unchecked,
 * and useKeptDraft checks them). Keys name what the draft belongs to, e.g.
 * `decision:<sessionId>:<candidateId>`; the form clears its key on save.
 */
export interface DraftSlice {
  drafts: Record<string, unknown>;
  setDraft: (key: string, value: unknown) => void;
  clearDraft: (key: string) => void;
}

/** The presenter's timer per session and candidate (`<sessionId>:<candidateId>`). */
export interface TimerSlice {
  timers: Record<string, TimerState>;
  setTimer: (key: string, timer: TimerState) => void;
}

export type UiState = CandidateFilterSlice & OverlaySlice & StatusSlice & DraftSlice & TimerSlice;

const createCandidateFilterSlice: StateCreator<UiState, [], [], CandidateFilterSlice> = (set) => ({
  candidateQuery: '',
  setCandidateQuery: (candidateQuery) => set({ candidateQuery }),
});

const createOverlaySlice: StateCreator<UiState, [], [], OverlaySlice> = (set) => ({
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});

const createStatusSlice: StateCreator<UiState, [], [], StatusSlice> = (set) => ({
  status: null,
  announce: (text, tone = 'info') => set({ status: { text, tone } }),
  clearStatus: () => set({ status: null }),
});

const createDraftSlice: StateCreator<UiState, [], [], DraftSlice> = (set) => ({
  drafts: readKeptDrafts(),
  setDraft: (key, value) => {
    writeKeptDraft(key, value);
    set((s) => ({ drafts: { ...s.drafts, [key]: value } }));
  },
  clearDraft: (key) =>
    set((s) => {
      forgetKeptDraft(key);
      if (!(key in s.drafts)) return s;
      const drafts = { ...s.drafts };
      delete drafts[key];
      return { drafts };
    }),
});

const createTimerSlice: StateCreator<UiState, [], [], TimerSlice> = (set) => ({
  timers: {},
  setTimer: (key, timer) => set((s) => ({ timers: { ...s.timers, [key]: timer } })),
});

export const useUiStore = create<UiState>()((...a) => ({
  ...createCandidateFilterSlice(...a),
  ...createOverlaySlice(...a),
  ...createStatusSlice(...a),
  ...createDraftSlice(...a),
  ...createTimerSlice(...a),
}));
