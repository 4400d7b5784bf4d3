/**
 * What the command palette (Ctrl/Cmd+K, UX.md) offers for a query: the
 * sections, the cycle's sessions and candidates, and a few actions, each
 * with where it leads. Matching ignores case and accents ("zoe" finds
 * "Zoë"); a label that starts with the query comes first, then one with a
 * word that does, then one that contains it, each group in the order given.
 * With no query: everything but the candidates (a cycle has hundreds).
 */
export type PaletteKind = 'Section' | 'Action' | 'Session' | 'Candidate';

export interface PaletteItem {
  id: string;
  kind: PaletteKind;
  label: string;
  /** Shown after the label, muted (a session's status, a candidate's team). */
  detail?: string;
  href: string;
}

/** At most this many results are listed; the query narrows them. */
export const PALETTE_LIMIT = 12;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();

function rank(label: string, query: string): number | null {
  const text = fold(label);
  if (text.startsWith(query)) return 0;
  if (text.split(/[\s,.·()–-]+/).some((word) => word.startsWith(query))) return 1;
  return text.includes(query) ? 2 : null;
}

export function paletteMatches(items: readonly PaletteItem[], query: string, limit = PALETTE_LIMIT): PaletteItem[] {
  const q = fold(query.trim());
  if (q === '') return items.filter((item) => item.kind !== 'Candidate').slice(0, limit);
  const ranked: Array<{ item: PaletteItem; rank: number; at: number }> = [];
  items.forEach((item, at) => {
    const r = rank(item.label, q);
    if (r !== null) ranked.push({ item, rank: r, at });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.at - b.at)
    .slice(0, limit)
    .map((r) => r.item);
}
