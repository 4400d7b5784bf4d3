/**
 * Reads YAML into plain values and keeps where each value starts, so an
 * import can name the line of any problem it finds.
 *
 * Uses js-yaml rather than `yaml`'s document model: `yaml` builds a full
 * syntax tree and node objects for every scalar, which took 2.5–8 s for a
 * 20,000-topic progression file (issue 12 asks for under 1 s; js-yaml reads
 * it in about a tenth of that). js-yaml has no node positions, but it calls a
 * listener when each node opens and closes; from those calls we keep, per
 * mapping and sequence, where each child starts. That costs a second read,
 * done only when a problem needs a line (most files have none).
 *
 * The YAML 1.2 core schema (as `yaml` used): `2024-01-01` stays text and
 * `<<` is an ordinary key. Aliases are expanded into copies, within a
 * budget, and an alias that contains itself is refused: the values go on to
 * zod, which must never see a shared or cyclic structure.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { lineLocator } from './import-result';
import { errorMessage } from '../util/error-message';

export interface YamlProblem {
  message: string;
  /** 1-based line in the YAML text. */
  line: number;
}

export type YamlRead =
  | {
      ok: true;
      value: unknown;
      /** 1-based line where the value at `path` starts, or of its nearest parent that has one. */
      lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
      warnings: YamlProblem[];
    }
  | { ok: false; error: YamlProblem };

/** Expanded alias entries allowed beyond the entries written (a few small shared lists; never an exponential "billion laughs"). */
export const MAX_ALIAS_EXPANSION = 100_000;

/** What js-yaml's listener is shown of its reader: where it is, and the node just read. */
interface ListenerState {
  position: number;
  result: unknown;
}

/** A node as read: where its parse began and ended, and its value. */
interface Span {
  open: number;
  close: number;
  value: unknown;
}

/** Where a mapping's or sequence's children start (positions, turned into lines on demand). */
interface Container {
  self: Span;
  children: Span[];
  /** Built on first lookup: key (or index) → child span. */
  byKey?: Map<string, Span>;
}

export function readYaml(text: string): YamlRead {
  const warnings: Array<{ message: string; position: number }> = [];
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, onWarning: (w: YAMLException) => warnings.push({ message: w.reason, position: w.mark?.position ?? 0 }) });
  } catch (e) {
    if (!(e instanceof YAMLException)) return { ok: false, error: { message: errorMessage(e), line: 1 } };
    const position = e.mark?.position ?? 0;
    return { ok: false, error: { message: plainReason(e.reason, text, position), line: lineLocator(text)(position) } };
  }
  // An alias needs an anchor (&name) before it; most files have no `&` at all and skip the walk.
  const shared = text.includes('&') ? sharedObjects(value) : { found: false, nodes: 0 };
  if (shared.found) {
    const copied = expandAliases(value, shared.nodes + MAX_ALIAS_EXPANSION);
    if (!copied.ok) return { ok: false, error: { message: copied.message, line: 1 } };
    value = copied.value;
  }
  const lineAt = lineLocator(text);
  // Positions cost a second read; most files have no problem to locate, so it happens on the first question only.
  let index: LineIndex | undefined;
  return {
    ok: true,
    value,
    lineOf: (path) => lineOfPath((index ??= indexLines(text)), path, text, lineAt),
    warnings: warnings.map((w) => ({ message: w.message, line: lineAt(w.position) })),
  };
}

interface LineIndex {
  root: unknown;
  containers: WeakMap<object, Container>;
}

/** Reads the YAML again (it has been read once without error), keeping where every mapping's and sequence's children start. */
function indexLines(text: string): LineIndex {
  const containers = new WeakMap<object, Container>();
  // One frame per node being read: where its parse began, and its children read so far.
  const stack: Array<{ open: number; children: Span[] }> = [{ open: 0, children: [] }];
  const listener = (event: 'open' | 'close', state: ListenerState) => {
    if (event === 'open') {
      stack.push({ open: state.position, children: [] });
      return;
    }
    const frame = stack.pop() ?? { open: state.position, children: [] };
    const value: unknown = state.result;
    const span: Span = { open: frame.open, close: state.position, value };
    stack[stack.length - 1]?.children.push(span);
    // An alias closes with its anchor's object again: the anchor's own entry is kept.
    if (value !== null && typeof value === 'object' && !containers.has(value)) containers.set(value, { self: span, children: frame.children });
  };
  const root = load(text, { schema: CORE_SCHEMA, listener });
  return { root, containers };
}

/** Whether any object appears twice (an alias of a mapping or sequence, or one that contains itself), and how many entries were read. */
function sharedObjects(value: unknown): { found: boolean; nodes: number } {
  const seen = new Set<object>();
  let nodes = 0;
  let found = false;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    nodes++;
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) {
      found = true;
      continue;
    }
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) pending.push(x);
  }
  return { found, nodes };
}

/** js-yaml's reasons, in the words the import used before (with the key named where one is duplicated). */
function plainReason(reason: string, text: string, position: number): string {
  if (reason === 'duplicated mapping key') {
    const key = /^\s*(?:-\s+)*([^:\n]{1,60}?)\s*:/.exec(text.slice(position, position + 200))?.[1];
    return `${key ? `the key "${key}"` : 'a key'} appears twice in the same mapping; keys must be unique.`;
  }
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * The line a node starts on: its first character after the spaces, line
 * breaks and comments before it. A node with nothing in it (`title:` or a
 * bare `-`) is on the line where its parse began.
 */
function startLine(span: Span, text: string, lineAt: (offset: number) => number): number {
  let i = span.open;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x23 /* # */) break;
    while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
  }
  return lineAt(i < span.close ? i : span.open);
}

/** Key (or index, as text) → the span of its value. */
function childrenByKey(container: Container, value: object, text: string): Map<string, Span> {
  const byKey = new Map<string, Span>();
  const { children } = container;
  if (Array.isArray(value)) {
    // An empty entry (a bare `-`) is added without a node of its own, so entries and nodes are matched in order.
    // Such an entry is placed at the first dash after the entry before it.
    let j = 0;
    let after = container.self.open;
    for (let i = 0; i < value.length; i++) {
      const child = children[j];
      if (child && Object.is(child.value, value[i])) {
        byKey.set(String(i), child);
        after = child.close;
        j++;
      } else {
        const dash = text.indexOf('-', after);
        if (dash < 0) continue;
        byKey.set(String(i), { open: dash, close: dash, value: value[i] });
        after = dash + 1;
      }
    }
    return byKey;
  }
  // A mapping's nodes are its keys, each followed by a colon, and the values after them (a value with nothing in it may have no node).
  for (let j = 0; j < children.length; j++) {
    const key = children[j] as Span;
    let k = key.close;
    while (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09) k++;
    if (text.charCodeAt(k) !== 0x3a /* : */) continue;
    const next = children[j + 1];
    const nextIsKey = next !== undefined && /^[ \t]*:/.test(text.slice(next.close, next.close + 40));
    byKey.set(String(key.value), next && !nextIsKey ? next : key);
    if (next && !nextIsKey) j++;
  }
  return byKey;
}

function lineOfPath(index: LineIndex, path: ReadonlyArray<PropertyKey>, text: string, lineAt: (offset: number) => number): number | undefined {
  const { root, containers } = index;
  let here: unknown = root;
  let line: number | undefined;
  const top = root !== null && typeof root === 'object' ? containers.get(root) : undefined;
  if (top) line = startLine(top.self, text, lineAt);
  for (const step of path) {
    if (here === null || typeof here !== 'object') break;
    const container = containers.get(here);
    if (!container) break;
    container.byKey ??= childrenByKey(container, here, text);
    const span = container.byKey.get(String(step));
    if (!span) break;
    line = startLine(span, text, lineAt);
    here = (here as Record<string, unknown>)[String(step)];
  }
  return line;
}

/** Copies a value whose aliases share (or contain) objects, so every entry is its own; refuses cycles and runaway expansion. */
function expandAliases(value: unknown, budget: number): { ok: true; value: unknown } | { ok: false; message: string } {
  let count = 0;
  const open = new Set<object>();
  const copy = (v: unknown): unknown => {
    if (++count > budget) throw new AliasError('The front matter’s aliases (*name) expand to too many entries; write the entries out instead.');
    if (v === null || typeof v !== 'object') return v;
    if (open.has(v)) throw new AliasError('An alias (*name) in the front matter refers to an entry that contains it; write the entries out instead.');
    open.add(v);
    const out: unknown = Array.isArray(v) ? v.map(copy) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
    open.delete(v);
    return out;
  };
  try {
    return { ok: true, value: copy(value) };
  } catch (e) {
    if (e instanceof AliasError) return { ok: false, message: e.message };
    throw e;
  }
}

class AliasError extends Error {}
