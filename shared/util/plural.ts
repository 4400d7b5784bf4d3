/**
 * Counts in words: "1 packet", "2 packets", never "1 packet(s)". The one
 * place user-facing text turns a number and a noun into words.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
