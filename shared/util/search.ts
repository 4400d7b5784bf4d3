/**
 * The lists' search rule, one for every list that has a search box: a row
 * matches when any of its named fields contains the query, ignoring case
 * and the spaces around it. An empty query matches everything.
 */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

export function matchesQuery(fields: readonly (string | null | undefined)[], query: string): boolean {
  const q = normalizeQuery(query);
  return q === '' || fields.some((f) => (f ?? '').toLowerCase().includes(q));
}
