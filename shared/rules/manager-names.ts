/**
 * Who is one manager. Candidates whose manager names differ only in case,
 * spacing or Unicode form ("zoë ångström", "Zoë  Ångström") have one manager:
 * the name as `nameKey` compares it. A trial (session 35) typed one manager's
 * name in two cases and the Managers view showed two managers, each with half
 * the candidates, so the leniency figures and a blind session's pseudonyms
 * split one person in two.
 *
 * The stored names stay as typed (a bundle's rows are what its manager sent);
 * the reads that group by manager or team (assembleSession for a session's
 * screens and book, packetListRows for the Packets list, the New session
 * form's read, the form's suggestions) give each one spelling with
 * `oneSpellingPerName`. Teams follow the same rule.
 */
import { compareNames } from '../calibration/common';
import { nameKey, oneSpaced } from './record-name';

/**
 * For each name (by `nameKey`: a manager, a fairness group), the spelling
 * shown: the one most of its uses carry (for a manager, most of their
 * candidates); on a tie the first in code-unit order of its tidy form
 * (one-spaced, composed Unicode), which puts a capitalised spelling before a
 * lower-case one ("Zoë" before "zoë").
 */
export function nameSpellings(names: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const name of names) {
    const key = nameKey(name);
    let spellings = counts.get(key);
    if (!spellings) counts.set(key, (spellings = new Map()));
    spellings.set(name, (spellings.get(name) ?? 0) + 1);
  }
  const chosen = new Map<string, string>();
  for (const [key, spellings] of counts) {
    let best: [string, number] | null = null;
    for (const entry of spellings) if (!best || entry[1] > best[1] || (entry[1] === best[1] && before(entry[0], best[0]))) best = entry;
    chosen.set(key, (best as [string, number])[0]);
  }
  return chosen;
}

function before(a: string, b: string): boolean {
  const [ta, tb] = [oneSpaced(a).normalize('NFC'), oneSpaced(b).normalize('NFC')];
  if (ta !== tb) return ta < tb;
  // One name in two forms: the one already tidy, then code units.
  const [na, nb] = [a === ta, b === tb];
  return na !== nb ? na : a < b;
}

/**
 * `candidates` with each manager, and each team, under one spelling
 * (`nameSpellings` of the names of `among`, by default the candidates
 * themselves: a session passes its cycle's, so a manager or a team reads the
 * same on every screen, a finalized record's too); a name `among` does not
 * carry keeps its own, and a candidate already spelled so is returned as it is.
 */
export function oneSpellingPerName<C extends { manager: string; team?: string }>(candidates: readonly C[], among: readonly { manager: string; team?: string }[] = candidates): C[] {
  return spelledAsIn(among)(candidates);
}

/** oneSpellingPerName with the spellings of `among` worked out once, for a caller that applies them to several lists (each session's). */
export function spelledAsIn(among: readonly { manager: string; team?: string }[]): <C extends { manager: string; team?: string }>(candidates: readonly C[]) => C[] {
  const managers = nameSpellings(among.map((c) => c.manager));
  const teams = nameSpellings(among.flatMap((c) => (c.team ? [c.team] : [])));
  return (candidates) =>
    candidates.map((c) => {
      const manager = managers.get(nameKey(c.manager)) ?? c.manager;
      const team = c.team ? (teams.get(nameKey(c.team)) ?? c.team) : c.team;
      return manager === c.manager && team === c.team ? c : { ...c, manager, ...(team === undefined ? {} : { team }) };
    });
}

/** Distinct names (managers or teams) in name order, one per `nameKey`, each in its most used spelling. */
export function distinctNames(names: Iterable<string>): string[] {
  return [...nameSpellings([...names].filter((n) => n.trim() !== '')).values()].sort(compareNames);
}

/**
 * The manager a new candidate's form starts with: the person using Levelset,
 * when their role says they manage people ("Engineering manager", "Manager,
 * Payments"), else none. A manager adding their own reports typed their own
 * name on every one (an older trial); anyone else starts from an empty field.
 */
export function ownManagerName(profile: { name: string; role: string } | null | undefined): string {
  return profile && /(^|[^\p{L}])manager($|[^\p{L}])/u.test(nameKey(profile.role)) ? oneSpaced(profile.name) : '';
}

