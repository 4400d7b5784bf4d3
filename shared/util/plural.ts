/**
 * Counts in words: "1 packet", "2 packets", never "1 packet(s)". The one
 * place user-facing text turns a number and a noun into words.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Items in a sentence: "A", "A and B", "A, B and C" (no serial comma, as every sentence of the app writes it). */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
