/**
 * Blind mode: stable pseudonyms for candidates ("Cobalt Heron"), managers
 * ("Manager Cedar"), teams ("Team Basalt") and group values, named by their attribute ("Gender 42", "Location 17").
 *
 * Pseudonyms are for display, not secrecy. They keep names off a shared
 * screen so the committee judges the evidence, not the person or their
 * advocate; anyone holding the ids and the salt can recompute the mapping.
 * They do not derive from names, so a pseudonym cannot be turned back into
 * a name without the mapping.
 *
 * How a mapping is made, deterministically from (salt, scope, id set):
 * 1. each id is hashed with the salt (normally the session id) and the scope
 *    (candidate, manager, team, or group:<attribute>) to a 32-bit number;
 * 2. the ids are taken in sorted order (code units) and each claims the slot
 *    `hash mod slots`; a taken slot is skipped by a fixed stride (probing),
 *    so every id in the set gets a distinct pseudonym;
 *    for candidates, a slot whose first or second word is already in use is
 *    skipped too, so the first 64 ids (the shorter word list) share no word;
 *    beyond 64, words repeat and only the pairs are distinct;
 * 3. a slot is read as words ("Cobalt Heron"); if the set is larger than
 *    the word space, further rounds add a number ("Cobalt Heron 2").
 * The same id gets the same pseudonym in every view and after a reload as
 * long as the mapping is built from the same id set — build it once per
 * session from all of the session's ids (not from a filtered view), and look
 * names up from it. Only ids that collide (or would share a word) can move
 * when the set changes.
 *
 * Two hashes: `pseudonyms` uses a small synchronous FNV-1a (with a final
 * avalanche mix), because React renders synchronously; `pseudonymsAsync`
 * uses SHA-256 through WebCrypto. They give different mappings, so a
 * session uses one of them throughout (the renderer uses the synchronous one).
 */
import { sha256Hex } from '../exchange/canonical-json';
import { CANDIDATE_FIRST_WORDS, CANDIDATE_SECOND_WORDS, GROUP_WORDS, MANAGER_WORDS, TEAM_WORDS } from './pseudonym-words';
import { nameSpellings } from '../rules/manager-names';
import { nameKey } from '../rules/record-name';

export type PseudonymScope = 'candidate' | 'manager' | 'team' | { group: string };

interface Style {
  capacity: number;
  /** Probe stride hint; made coprime with the slot count. */
  stride: number;
  label(k: number): string;
  /** For two-word pseudonyms: the two word indexes of slot k, each used once per set while the lists last. */
  words?(k: number): [number, number];
}

function styleOf(scope: PseudonymScope): Style {
  if (scope === 'candidate') {
    const a = CANDIDATE_FIRST_WORDS;
    const b = CANDIDATE_SECOND_WORDS;
    // A stride of |b| + 1 changes both words on a collision, so near misses do not sound alike.
    return {
      capacity: a.length * b.length,
      stride: b.length + 1,
      label: (k) => `${a[Math.floor(k / b.length)] ?? ''} ${b[k % b.length] ?? ''}`,
      words: (k) => [Math.floor(k / b.length), k % b.length],
    };
  }
  if (scope === 'manager') return { capacity: MANAGER_WORDS.length, stride: 1, label: (k) => `Manager ${MANAGER_WORDS[k] ?? ''}` };
  if (scope === 'team') return { capacity: TEAM_WORDS.length, stride: 1, label: (k) => `Team ${TEAM_WORDS[k] ?? ''}` };
  // Named by the attribute ("Gender 42", "Location 17"): as "Group X" the same pseudonym stood for a gender in one table and
  // a location in the next, and a trial's committee read them as one group.
  const attribute = scope.group.trim();
  const named = attribute === '' ? 'Group' : `${attribute.charAt(0).toUpperCase()}${attribute.slice(1)}`;
  return { capacity: GROUP_WORDS.length, stride: 1, label: (k) => `${named} ${GROUP_WORDS[k] ?? ''}` };
}

function scopeKey(scope: PseudonymScope): string {
  return typeof scope === 'string' ? scope : `group:${scope.group}`;
}

/** What is hashed: scope, salt and id, separated by NUL so no two triples read the same. */
function hashInput(scope: PseudonymScope, salt: string, id: string): string {
  return `${scopeKey(scope)}\u0000${salt}\u0000${id}`;
}

/** FNV-1a over the UTF-8 bytes, then murmur3's final mix so nearby inputs spread over all 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The first 32 bits of SHA-256, as an unsigned integer. */
export async function sha256Hash32(text: string): Promise<number> {
  return parseInt((await sha256Hex(text)).slice(0, 8), 16);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function labelOf(style: Style, slot: number): string {
  const round = Math.floor(slot / style.capacity);
  const base = style.label(slot % style.capacity);
  return round === 0 ? base : `${base} ${round + 1}`;
}

/** Unique ids in code-unit order: the order slots are claimed in. */
function sortedUnique(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function assign(scope: PseudonymScope, sorted: readonly string[], hashes: readonly number[]): Map<string, string> {
  const style = styleOf(scope);
  const slots = style.capacity * Math.max(1, Math.ceil(sorted.length / style.capacity));
  let stride = style.stride % slots || 1;
  while (gcd(stride, slots) !== 1) stride++;
  const taken = new Uint8Array(slots);
  // Two-word pseudonyms share no word within a set ("Sepia Plover" and "Sepia Egret" sound alike) while
  // the shorter list lasts (64 ids); past that, words repeat and only the pairs are distinct.
  const firsts = new Set<number>();
  const seconds = new Set<number>();
  const distinctWords = style.words ? Math.min(CANDIDATE_FIRST_WORDS.length, CANDIDATE_SECOND_WORDS.length) : 0;
  const wordsFree = (slot: number): boolean => {
    if (!style.words || firsts.size >= distinctWords) return true;
    const [a, b] = style.words(slot % style.capacity);
    return !firsts.has(a) && !seconds.has(b);
  };
  const out = new Map<string, string>();
  sorted.forEach((id, i) => {
    let slot = (hashes[i] ?? 0) % slots;
    // A stride coprime with the slot count visits every slot, so this ends while a slot (and, for the first
    // 64 ids, a pair of unused words) is free.
    while (taken[slot] === 1 || !wordsFree(slot)) slot = (slot + stride) % slots;
    taken[slot] = 1;
    if (style.words) {
      const [a, b] = style.words(slot % style.capacity);
      firsts.add(a);
      seconds.add(b);
    }
    out.set(id, labelOf(style, slot));
  });
  return out;
}

/** Pseudonyms for a set of ids (synchronous FNV-1a). Distinct within the set. */
export function pseudonyms(scope: PseudonymScope, salt: string, ids: Iterable<string>): ReadonlyMap<string, string> {
  const sorted = sortedUnique(ids);
  return assign(scope, sorted, sorted.map((id) => hash32(hashInput(scope, salt, id))));
}

/** Pseudonyms for a set of ids (SHA-256 through WebCrypto). Distinct within the set; a different mapping from `pseudonyms`. */
export async function pseudonymsAsync(scope: PseudonymScope, salt: string, ids: Iterable<string>): Promise<ReadonlyMap<string, string>> {
  const sorted = sortedUnique(ids);
  const hashes = await Promise.all(sorted.map((id) => sha256Hash32(hashInput(scope, salt, id))));
  return assign(scope, sorted, hashes);
}

/**
 * A pseudonym for an id outside the mapping (e.g. a candidate added after the
 * mapping was built): the id's own slot, without probing, so it may repeat a
 * pseudonym in use. Better than showing a real name.
 */
export function fallbackPseudonym(scope: PseudonymScope, salt: string, id: string): string {
  const style = styleOf(scope);
  return labelOf(style, hash32(hashInput(scope, salt, id)) % style.capacity);
}

export interface BlindNameSets {
  candidateIds?: Iterable<string>;
  managers?: Iterable<string>;
  teams?: Iterable<string>;
  /** Group values by attribute, e.g. { location: ['Berlin', 'Lisbon'] }. */
  groups?: Readonly<Record<string, Iterable<string>>>;
}

/** Look-ups for every kind of name a blind view shows, built once per session. */
export interface BlindNames {
  salt: string;
  candidate(id: string): string;
  manager(name: string): string;
  team(name: string): string;
  group(attribute: string, value: string): string;
}

/**
 * Pseudonyms for names (managers, teams, a group's values), one per name as manager-names.ts counts them: every
 * spelling ("alex morgan", "Alex Morgan") is looked up as the one it is shown in, so a screen, the book and the CSV
 * cannot give one person, team or group two.
 */
function namePseudonyms(scope: PseudonymScope, salt: string, names: Iterable<string>): (name: string) => string {
  const spelling = nameSpellings(names);
  const assigned = pseudonyms(scope, salt, spelling.values());
  return (name) => {
    const shown = spelling.get(nameKey(name)) ?? name;
    return assigned.get(shown) ?? fallbackPseudonym(scope, salt, shown);
  };
}

export function blindNames(salt: string, sets: BlindNameSets): BlindNames {
  const candidates = pseudonyms('candidate', salt, sets.candidateIds ?? []);
  const managers = namePseudonyms('manager', salt, sets.managers ?? []);
  const teams = namePseudonyms('team', salt, sets.teams ?? []);
  // Groups as the fairness figures count them (fairness-groups.ts groupsOf): an attribute whatever its case, its values
  // looked up as names are, so a blind session's figures do not split a group ("Woman", "woman").
  const merged = new Map<string, { attribute: string; values: string[] }>();
  for (const [attribute, values] of Object.entries(sets.groups ?? {})) {
    const set = merged.get(nameKey(attribute)) ?? { attribute, values: [] };
    set.values.push(...values);
    merged.set(nameKey(attribute), set);
  }
  const groups = new Map([...merged].map(([key, { attribute, values }]) => [key, namePseudonyms({ group: attribute }, salt, values)]));
  return {
    salt,
    candidate: (id) => candidates.get(id) ?? fallbackPseudonym('candidate', salt, id),
    manager: managers,
    team: teams,
    group: (attribute, value) => (groups.get(nameKey(attribute)) ?? ((v: string) => fallbackPseudonym({ group: attribute }, salt, v)))(value),
  };
}

/**
 * "manager Jo Park" but "Manager Baobab", not "manager Manager Baobab": a
 * pseudonym already says what it names, so the noun is not said twice.
 */
export function withRole(noun: string, name: string): string {
  return name.toLowerCase().startsWith(`${noun.toLowerCase()} `) ? name : `${noun} ${name}`;
}
