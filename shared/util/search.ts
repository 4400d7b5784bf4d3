/**
 * The lists' search rule, one for every list that has a search box: a row
 * matches when any of its named fields contains the query, ignoring case,
 * accents ("zoe" finds "Zoë", "Zoë" finds "Zoe") and the spaces around it.
 * An empty query matches everything.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Whether two names read as the same person's: case, accents and spacing aside ("Zoë  Kamau" and "zoe kamau"). */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) => fold(name).replace(/\s+/g, ' ').trim();
  return key(a) === key(b);
}

export function normalizeQuery(query: string): string {
  return fold(query.trim());
}

export function matchesQuery(fields: readonly (string | null | undefined)[], query: string): boolean {
  const q = normalizeQuery(query);
  return q === '' || fields.some((f) => fold(f ?? '').includes(q));
}

/**
 * A row's fields folded once into one lowercase key, so a keystroke in a
 * long list compares one string per row instead of lowering every field
 * again. The separator cannot be typed into a search box, so a query never
 * matches across two fields: `keyMatches(searchKey(f), q)` is `matchesQuery(f, q)`.
 */
const FIELD_SEPARATOR = '\u0000';

export function searchKey(fields: readonly (string | null | undefined)[]): string {
  return fields.map((f) => fold(f ?? '')).join(FIELD_SEPARATOR);
}

/** Whether a key from `searchKey` matches a query already passed through `normalizeQuery`. */
export function keyMatches(key: string, normalizedQuery: string): boolean {
  return normalizedQuery === '' || (!normalizedQuery.includes(FIELD_SEPARATOR) && key.includes(normalizedQuery));
}
