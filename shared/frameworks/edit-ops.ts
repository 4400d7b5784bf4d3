/**
 * Framework edits as data: every change the editor can make is one
 * `FrameworkEdit`, applied by the pure `applyEdit`. Keeping edits as values
 * lets the storage layer run each one in a transaction with an undo entry,
 * and keeps the rules (cascades, ordering, refusals) testable without a
 * database or a DOM.
 *
 * `applyEdit` is deterministic: operations that create a row carry the new
 * row's id, so replaying the same edit gives the same document. It never
 * mutates its input and stamps `updatedAt` with the time it is given.
 */
import type { Competency, Criterion, Equivalence, Framework, Level, Role, Track } from '../domain/framework';
import { levelOf } from '../domain/level-lookup';
import { newId } from '../domain/ids';

export type Direction = 'up' | 'down';

/** Fields of a level the editor changes in place (position and track are changed by their own operations). */
export type LevelPatch = Partial<Omit<Level, 'id' | 'trackId' | 'order'>>;
/** A new level: id, track, code and title are required; the rest default to empty. */
export type NewLevel = Pick<Level, 'id' | 'trackId' | 'code' | 'title'> & Partial<Omit<Level, 'id' | 'trackId' | 'code' | 'title' | 'order'>>;
export type NewTrack = Pick<Track, 'id' | 'name' | 'kind'> & Partial<Pick<Track, 'description'>>;
export type NewCompetency = Pick<Competency, 'id' | 'name'> & Partial<Pick<Competency, 'description'>>;
export type NewCriterion = Pick<Criterion, 'id' | 'levelId'> & Partial<Pick<Criterion, 'text' | 'competencyId' | 'examples'>>;

export type FrameworkEdit =
  | { type: 'rename-framework'; name: string }
  | { type: 'describe-framework'; description: string }
  | { type: 'add-track'; track: NewTrack }
  | { type: 'update-track'; trackId: string; patch: Partial<Omit<Track, 'id'>> }
  | { type: 'move-track'; trackId: string; direction: Direction }
  /** Also removes the track's levels and everything that refers to them. */
  | { type: 'remove-track'; trackId: string }
  /** Appends the level at the top of its track (most senior). */
  | { type: 'add-level'; level: NewLevel }
  | { type: 'update-level'; levelId: string; patch: LevelPatch }
  | { type: 'move-level'; levelId: string; direction: Direction }
  /** Also removes the level's criteria, equivalences naming it, and the level from roles. */
  | { type: 'remove-level'; levelId: string }
  | { type: 'add-competency'; competency: NewCompetency }
  | { type: 'update-competency'; competencyId: string; patch: Partial<Omit<Competency, 'id'>> }
  /** Criteria of the competency are kept, with no competency. */
  | { type: 'remove-competency'; competencyId: string }
  /** Appends the criterion after its level's other criteria. */
  | { type: 'add-criterion'; criterion: NewCriterion }
  | { type: 'update-criterion'; criterionId: string; patch: Partial<Pick<Criterion, 'text' | 'competencyId' | 'examples'>> }
  /** Moves a criterion among its own level's criteria (their order is array order). */
  | { type: 'move-criterion'; criterionId: string; direction: Direction }
  | { type: 'remove-criterion'; criterionId: string }
  | { type: 'add-equivalence'; equivalence: Pick<Equivalence, 'id' | 'levelIds'> & Partial<Pick<Equivalence, 'note'>> }
  | { type: 'remove-equivalence'; equivalenceId: string };

export type FrameworkEditType = FrameworkEdit['type'];

export const FROZEN_MESSAGE = 'This framework version is pinned by a cycle: create a new version to edit.';
export const BUILT_IN_MESSAGE = 'Built-in frameworks are read-only: duplicate one to edit it.';

/** Why a framework cannot be edited in place, or null when it can. */
export function readOnlyReason(framework: Pick<Framework, 'frozen' | 'builtIn'>): string | null {
  if (framework.frozen) return FROZEN_MESSAGE;
  if (framework.builtIn) return BUILT_IN_MESSAGE;
  return null;
}

/** Applies one edit and returns a new framework; throws an Error with a readable message when the edit is refused. */
export function applyEdit(framework: Framework, edit: FrameworkEdit, at: string): Framework {
  const refused = readOnlyReason(framework);
  if (refused) throw new Error(refused);
  return { ...apply(framework, edit), updatedAt: at };
}

function apply(f: Framework, edit: FrameworkEdit): Framework {
  switch (edit.type) {
    case 'rename-framework':
      return { ...f, name: edit.name };
    case 'describe-framework':
      return { ...f, description: edit.description };

    case 'add-track': {
      assertNewId(f, edit.track.id);
      const track: Track = { description: '', ...edit.track };
      return { ...f, tracks: [...f.tracks, track] };
    }
    case 'update-track':
      findTrack(f, edit.trackId);
      return { ...f, tracks: f.tracks.map((t) => (t.id === edit.trackId ? { ...t, ...edit.patch, id: t.id } : t)) };
    case 'move-track': {
      findTrack(f, edit.trackId);
      return { ...f, tracks: moveWithin(f.tracks, (t) => t.id === edit.trackId, () => true, edit.direction) };
    }
    case 'remove-track': {
      findTrack(f, edit.trackId);
      const gone = new Set(f.levels.filter((l) => l.trackId === edit.trackId).map((l) => l.id));
      return withoutLevels({ ...f, tracks: f.tracks.filter((t) => t.id !== edit.trackId) }, gone);
    }

    case 'add-level': {
      findTrack(f, edit.level.trackId);
      assertNewId(f, edit.level.id);
      // Above the most senior level; renumbering then closes any gaps left by older data.
      const order = Math.max(-1, ...f.levels.filter((l) => l.trackId === edit.level.trackId).map((l) => l.order)) + 1;
      const level: Level = {
        summary: '',
        scopeDetail: '',
        autonomyDetail: '',
        definingShift: '',
        notYet: [],
        examples: [],
        optional: false,
        ...edit.level,
        order,
      };
      return renumber({ ...f, levels: [...f.levels, level] }, level.trackId);
    }
    case 'update-level': {
      const level = findLevel(f, edit.levelId);
      const patch = { ...edit.patch, id: level.id, trackId: level.trackId, order: level.order };
      return { ...f, levels: f.levels.map((l) => (l.id === level.id ? { ...l, ...patch } : l)) };
    }
    case 'move-level': {
      const level = findLevel(f, edit.levelId);
      const onTrack = f.levels.filter((l) => l.trackId === level.trackId).sort((a, b) => a.order - b.order);
      const moved = moveWithin(onTrack, (l) => l.id === level.id, () => true, edit.direction);
      const order = new Map(moved.map((l, i) => [l.id, i]));
      return { ...f, levels: f.levels.map((l) => (order.has(l.id) ? { ...l, order: order.get(l.id)! } : l)) };
    }
    case 'remove-level': {
      const level = findLevel(f, edit.levelId);
      return renumber(withoutLevels(f, new Set([level.id])), level.trackId);
    }

    case 'add-competency': {
      assertNewId(f, edit.competency.id);
      return { ...f, competencies: [...f.competencies, { description: '', ...edit.competency }] };
    }
    case 'update-competency':
      findCompetency(f, edit.competencyId);
      return {
        ...f,
        competencies: f.competencies.map((c) => (c.id === edit.competencyId ? { ...c, ...edit.patch, id: c.id } : c)),
      };
    case 'remove-competency':
      findCompetency(f, edit.competencyId);
      return {
        ...f,
        competencies: f.competencies.filter((c) => c.id !== edit.competencyId),
        criteria: f.criteria.map((c) => (c.competencyId === edit.competencyId ? { ...c, competencyId: null } : c)),
      };

    case 'add-criterion': {
      findLevel(f, edit.criterion.levelId);
      assertNewId(f, edit.criterion.id);
      const { competencyId = null } = edit.criterion;
      if (competencyId !== null) findCompetency(f, competencyId);
      const criterion: Criterion = { text: '', examples: [], ...edit.criterion, competencyId };
      return { ...f, criteria: [...f.criteria, criterion] };
    }
    case 'update-criterion': {
      findCriterion(f, edit.criterionId);
      if (edit.patch.competencyId) findCompetency(f, edit.patch.competencyId);
      return { ...f, criteria: f.criteria.map((c) => (c.id === edit.criterionId ? { ...c, ...edit.patch } : c)) };
    }
    case 'move-criterion': {
      const criterion = findCriterion(f, edit.criterionId);
      return {
        ...f,
        criteria: moveWithin(f.criteria, (c) => c.id === criterion.id, (c) => c.levelId === criterion.levelId, edit.direction),
      };
    }
    case 'remove-criterion':
      findCriterion(f, edit.criterionId);
      return { ...f, criteria: f.criteria.filter((c) => c.id !== edit.criterionId) };

    case 'add-equivalence': {
      const [a, b] = edit.equivalence.levelIds;
      const first = findLevel(f, a);
      const second = findLevel(f, b);
      if (first.id === second.id) throw new Error('An equivalence needs two different levels.');
      if (first.trackId === second.trackId) {
        throw new Error(`${first.code} and ${second.code} are on the same track: an equivalence links levels on different tracks.`);
      }
      const pair = new Set([a, b]);
      if (f.equivalences.some((e) => pair.has(e.levelIds[0]) && pair.has(e.levelIds[1]))) {
        throw new Error(`${first.code} and ${second.code} are already listed as equivalent.`);
      }
      assertNewId(f, edit.equivalence.id);
      const equivalence: Equivalence = { note: '', ...edit.equivalence, levelIds: [a, b] };
      return { ...f, equivalences: [...f.equivalences, equivalence] };
    }
    case 'remove-equivalence':
      if (!f.equivalences.some((e) => e.id === edit.equivalenceId)) throw new Error(`No equivalence with id "${edit.equivalenceId}".`);
      return { ...f, equivalences: f.equivalences.filter((e) => e.id !== edit.equivalenceId) };
  }
}

/** Removes levels and every row that points at them. */
function withoutLevels(f: Framework, gone: ReadonlySet<string>): Framework {
  if (gone.size === 0) return f;
  return {
    ...f,
    levels: f.levels.filter((l) => !gone.has(l.id)),
    criteria: f.criteria.filter((c) => !gone.has(c.levelId)),
    equivalences: f.equivalences.filter((e) => !e.levelIds.some((id) => gone.has(id))),
    roles: f.roles.map((r) => (r.levelIds.some((id) => gone.has(id)) ? { ...r, levelIds: r.levelIds.filter((id) => !gone.has(id)) } : r)),
  };
}

/** Gives one track's levels the orders 0..n-1, keeping their relative order. */
function renumber(f: Framework, trackId: string): Framework {
  const onTrack = f.levels.filter((l) => l.trackId === trackId).sort((a, b) => a.order - b.order);
  const order = new Map(onTrack.map((l, i) => [l.id, i]));
  return { ...f, levels: f.levels.map((l) => (order.has(l.id) && order.get(l.id) !== l.order ? { ...l, order: order.get(l.id)! } : l)) };
}

/**
 * Swaps the chosen item with its nearest neighbour in the given direction
 * among the items `inGroup` accepts; items outside the group keep their
 * places. At either end the array comes back unchanged (as a copy).
 */
function moveWithin<T>(items: readonly T[], isTarget: (item: T) => boolean, inGroup: (item: T) => boolean, direction: Direction): T[] {
  const result = [...items];
  const from = result.findIndex(isTarget);
  if (from < 0) return result;
  const step = direction === 'up' ? -1 : 1;
  let to = from + step;
  while (to >= 0 && to < result.length && !inGroup(result[to]!)) to += step;
  if (to < 0 || to >= result.length) return result;
  [result[from], result[to]] = [result[to]!, result[from]!];
  return result;
}

function findTrack(f: Framework, id: string): Track {
  const found = f.tracks.find((t) => t.id === id);
  if (!found) throw new Error(`No track with id "${id}".`);
  return found;
}
function findLevel(f: Framework, id: string): Level {
  const found = levelOf(f, id);
  if (!found) throw new Error(`No level with id "${id}".`);
  return found;
}
function findCompetency(f: Framework, id: string): Competency {
  const found = f.competencies.find((c) => c.id === id);
  if (!found) throw new Error(`No competency with id "${id}".`);
  return found;
}
function findCriterion(f: Framework, id: string): Criterion {
  const found = f.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`No criterion with id "${id}".`);
  return found;
}

/** Ids are unique across the whole framework: evidence and merges refer to rows by id alone. */
function assertNewId(f: Framework, id: string): void {
  if (!id) throw new Error('A new row needs an id.');
  const rows: { id: string }[] = [...f.tracks, ...f.levels, ...f.competencies, ...f.criteria, ...f.equivalences, ...f.roles];
  if (rows.some((r) => r.id === id)) throw new Error(`The id "${id}" is already used in this framework.`);
}

/** An empty, editable framework: no tracks, levels or criteria yet. */
export function createBlankFramework(id: string, lineageId: string, name: string, at: string): Framework {
  return {
    id,
    lineageId,
    version: 1,
    name,
    description: '',
    source: '',
    builtIn: false,
    frozen: false,
    tracks: [],
    levels: [],
    competencies: [],
    criteria: [],
    equivalences: [],
    roles: [],
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * A copy in a new lineage that can be edited: every row gets a fresh id and
 * every reference is remapped, so the copy shares no id with its source
 * (evidence linked to the source's criteria never appears to match the copy).
 * `makeId` defaults to random UUIDs; tests pass a counter.
 */
export function duplicateFramework(
  source: Framework,
  newFrameworkId: string,
  newLineageId: string,
  name: string,
  at: string,
  makeId: () => string = newId,
): Framework {
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    const id = makeId();
    ids.set(old, id);
    return id;
  };
  // References to rows that do not exist (a broken import) keep a fresh id
  // of their own rather than the source's, so nothing is shared.
  const ref = (old: string) => ids.get(old) ?? fresh(old);

  const tracks: Track[] = source.tracks.map((t) => ({ ...t, id: fresh(t.id) }));
  const competencies: Competency[] = source.competencies.map((c) => ({ ...c, id: fresh(c.id) }));
  const levelIds = source.levels.map((l) => fresh(l.id));
  const levels: Level[] = source.levels.map((l, i) => ({ ...l, id: levelIds[i]!, trackId: ref(l.trackId), notYet: [...l.notYet], examples: [...l.examples] }));
  const criteria: Criterion[] = source.criteria.map((c) => ({
    ...c,
    id: fresh(c.id),
    levelId: ref(c.levelId),
    competencyId: c.competencyId === null ? null : ref(c.competencyId),
    examples: [...c.examples],
  }));
  const equivalences: Equivalence[] = source.equivalences.map((e) => ({ ...e, id: fresh(e.id), levelIds: [ref(e.levelIds[0]), ref(e.levelIds[1])] }));
  const roles: Role[] = source.roles.map((r) => ({ ...r, id: fresh(r.id), levelIds: r.levelIds.map(ref) }));

  return {
    ...source,
    id: newFrameworkId,
    lineageId: newLineageId,
    version: 1,
    name,
    source: `Duplicated from ${source.name} (v${source.version})`,
    builtIn: false,
    frozen: false,
    tracks,
    levels,
    competencies,
    criteria,
    equivalences,
    roles,
    createdAt: at,
    updatedAt: at,
  };
}
