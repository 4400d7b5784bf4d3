/**
 * Finds names in free text with exactly the semantics of one big regular
 * expression `(?<![\p{L}\p{N}])(?:name1|name2|…)(?![\p{L}\p{N}])` (flags
 * `giu`, names longest first), without running that expression. V8 tries
 * every alternative at every word start, so with a session's few thousand
 * names one text cost milliseconds and a blind review tab's first render
 * spent about half a second there. Here the names are grouped by their first
 * character: a scan finds the word starts that can begin a name, and only the
 * names of that character's group are tried there, in the same order, so
 * the first one matching is the one the big expression would have taken.
 * Which group a text character belongs to is asked of the regular-expression
 * engine itself (case-insensitive Unicode matching), never guessed.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every match (as `String.replace` with the big expression would) by `replace(match)`. */
export type NameMatcher = (text: string, replace: (match: string) => string) => string;

/** `names` in the order the big expression would try them (longest first). */
export function nameMatcher(names: readonly string[]): NameMatcher {
  if (names.length === 0) return (text) => text;
  // Groups by first code point, each keeping the global order of its names.
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const first = String.fromCodePoint(name.codePointAt(0)!);
    const group = groups.get(first);
    if (group) group.push(name);
    else groups.set(first, [name]);
  }
  const firsts = [...groups.keys()];
  const firstTests = firsts.map((f) => new RegExp(`^${escapeRegExp(f)}$`, 'iu'));
  // A word start whose character can begin some name (a class matches case-insensitively as the literals do).
  const scan = new RegExp(`(?<![\\p{L}\\p{N}])(?=${firsts.map(escapeRegExp).map((f) => `(?:${f})`).join('|')})`, 'giu');
  // Per text character: the sticky expression over the names it can begin (one group, or several in global order).
  const byChar = new Map<string, RegExp | null>();
  const order = new Map(names.map((n, i) => [n, i]));
  const stickyFor = (char: string): RegExp | null => {
    const known = byChar.get(char);
    if (known !== undefined) return known;
    const matching = firsts.filter((_f, i) => firstTests[i]!.test(char)).flatMap((f) => groups.get(f)!);
    matching.sort((a, b) => order.get(a)! - order.get(b)!);
    const sticky = matching.length ? new RegExp(`(?:${matching.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iuy') : null;
    byChar.set(char, sticky);
    return sticky;
  };
  return (text, replace) => {
    let out = '';
    let copied = 0;
    scan.lastIndex = 0;
    for (;;) {
      const start = scan.exec(text);
      if (!start) break;
      const at = start.index;
      const char = String.fromCodePoint(text.codePointAt(at)!);
      const sticky = stickyFor(char);
      let next = at + char.length;
      if (sticky) {
        sticky.lastIndex = at;
        const found = sticky.exec(text);
        if (found) {
          out += text.slice(copied, at) + replace(found[0]);
          copied = next = at + found[0].length;
        }
      }
      scan.lastIndex = next;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
