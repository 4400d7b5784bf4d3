/**
 * UI state (Zustand): filters, selections and view toggles only, never a
 * copy of database rows, which are read with useLiveQuery. Built from small
 * slices combined once, as in Zustand's slices pattern.
 */
import { create, type StateCreator } from 'zustand';

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

export type UiState = CandidateFilterSlice & OverlaySlice & StatusSlice;

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

export const useUiStore = create<UiState>()((...a) => ({
  ...createCandidateFilterSlice(...a),
  ...createOverlaySlice(...a),
  ...createStatusSlice(...a),
}));
