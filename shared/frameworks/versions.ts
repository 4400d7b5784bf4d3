/**
 * Framework versions: the diff between two versions, creating the next
 * editable version from a frozen one, and what changes between two adjacent
 * levels of a ladder.
 *
 * A cycle pins one framework version and that version is never edited in
 * place; editing makes a new version in the same lineage that keeps every id,
 * so evidence linked to a criterion in version 3 still points at the same
 * criterion in version 4, and the diff can match rows by id. A criterion
 * whose text was rewritten is "changed", not "removed and added".
 */
import { plural } from '../util/plural';
import { criterionCodes, levelsOfTrack, type Autonomy, type Competency, type Criterion, type Equivalence, type Framework, type Level, type Role, type Scope, type Track } from '../domain/framework';
import { levelOf } from '../domain/level-lookup';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RowChange<T> {
  id: string;
  before: T;
  after: T;
  /** Only the fields that differ, in the row's field order. */
  changes: FieldChange[];
}

export interface CollectionDiff<T> {
  added: T[];
  removed: T[];
  changed: Array<RowChange<T>>;
}

export interface FrameworkDiff {
  /** Framework-wide fields that differ (name, description, source). */
  framework: FieldChange[];
  tracks: CollectionDiff<Track>;
  levels: CollectionDiff<Level>;
  competencies: CollectionDiff<Competency>;
  criteria: CollectionDiff<Criterion>;
  equivalences: CollectionDiff<Equivalence>;
  roles: CollectionDiff<Role>;
  /** True when nothing above differs. */
  identical: boolean;
}

/** Fields compared per row; ids, timestamps and version numbers are not content. */
const FIELDS = {
  framework: ['name', 'description', 'source'],
  tracks: ['name', 'kind', 'description'],
  levels: ['code', 'title', 'trackId', 'order', 'summary', 'scope', 'scopeDetail', 'autonomy', 'autonomyDetail', 'definingShift', 'notYet', 'examples', 'optional'],
  competencies: ['name', 'description'],
  criteria: ['text', 'competencyId', 'levelId', 'examples'],
  equivalences: ['levelIds', 'note'],
  roles: ['name', 'description', 'levelIds'],
} as const;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return false;
}

function fieldChanges(before: object, after: object, fields: readonly string[]): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return fields.filter((f) => !same(a[f], b[f])).map((field) => ({ field, before: a[field], after: b[field] }));
}

function diffCollection<T extends { id: string }>(before: readonly T[], after: readonly T[], fields: readonly string[]): CollectionDiff<T> {
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const afterIds = new Set(after.map((row) => row.id));
  const added: T[] = [];
  const changed: Array<RowChange<T>> = [];
  for (const row of after) {
    const old = beforeById.get(row.id);
    if (!old) {
      added.push(row);
      continue;
    }
    const changes = fieldChanges(old, row, fields);
    if (changes.length) changed.push({ id: row.id, before: old, after: row, changes });
  }
  return { added, removed: before.filter((row) => !afterIds.has(row.id)), changed };
}

/** What changed from `a` (older) to `b` (newer), matching rows by their stable ids. */
export function diffFrameworks(a: Framework, b: Framework): FrameworkDiff {
  const diff = {
    framework: fieldChanges(a, b, FIELDS.framework),
    tracks: diffCollection(a.tracks, b.tracks, FIELDS.tracks),
    levels: diffCollection(a.levels, b.levels, FIELDS.levels),
    competencies: diffCollection(a.competencies, b.competencies, FIELDS.competencies),
    criteria: diffCollection(a.criteria, b.criteria, FIELDS.criteria),
    equivalences: diffCollection(a.equivalences, b.equivalences, FIELDS.equivalences),
    roles: diffCollection(a.roles, b.roles, FIELDS.roles),
  };
  const collections = [diff.tracks, diff.levels, diff.competencies, diff.criteria, diff.equivalences, diff.roles];
  const identical = diff.framework.length === 0 && collections.every((c) => c.added.length + c.removed.length + c.changed.length === 0);
  return { ...diff, identical };
}

/**
 * The editable successor of a (usually frozen) version: same lineage and
 * every row id kept, version + 1, unfrozen, fresh timestamps. A copy of a
 * built-in is the user's own from then on, so `builtIn` is cleared; `source`
 * still says where it came from. Arrays are copied so editing the new
 * version can never touch the pinned one.
 */
export function nextVersion(frozen: Framework, at: string, newId: string): Framework {
  return {
    ...frozen,
    id: newId,
    version: frozen.version + 1,
    frozen: false,
    builtIn: false,
    createdAt: at,
    updatedAt: at,
    tracks: frozen.tracks.map((t) => ({ ...t })),
    levels: frozen.levels.map((l) => ({ ...l, notYet: [...l.notYet], examples: [...l.examples] })),
    competencies: frozen.competencies.map((c) => ({ ...c })),
    criteria: frozen.criteria.map((c) => ({ ...c, examples: [...c.examples] })),
    equivalences: frozen.equivalences.map((e) => ({ ...e, levelIds: [e.levelIds[0], e.levelIds[1]] })),
    roles: frozen.roles.map((r) => ({ ...r, levelIds: [...r.levelIds] })),
  };
}

export interface BeforeAfter<T> {
  before: T;
  after: T;
  changed: boolean;
}

export interface CompetencyGroup {
  /** null for criteria without a competency (or with one the framework no longer has). */
  competencyId: string | null;
  competencyName: string;
  criteria: Criterion[];
}

export interface LevelComparison {
  lower: Level;
  upper: Level;
  /** Both levels on one track, next to each other on the ladder. */
  adjacent: boolean;
  sameTrack: boolean;
  summary: BeforeAfter<string>;
  scope: BeforeAfter<Scope | undefined> & { detail: BeforeAfter<string> };
  autonomy: BeforeAfter<Autonomy | undefined> & { detail: BeforeAfter<string> };
  /** What the upper level does that the lower does not, in one line. */
  definingShift: string;
  /**
   * The upper level's criteria, grouped by competency in the framework's
   * competency order (criteria without one last). Criteria belong to one
   * level each, so all of them are "added" going up.
   */
  added: CompetencyGroup[];
  /** What the lower level is not yet doing: the gap the upper level closes. */
  notYet: string[];
}

function beforeAfter<T>(before: T, after: T): BeforeAfter<T> {
  return { before, after, changed: before !== after };
}

/** What changes going from one level to another, or undefined when either id is unknown. */
export function compareAdjacentLevels(framework: Framework, lowerLevelId: string, upperLevelId: string): LevelComparison | undefined {
  const lower = levelOf(framework, lowerLevelId);
  const upper = levelOf(framework, upperLevelId);
  if (!lower || !upper) return undefined;

  const upperCriteria = framework.criteria.filter((c) => c.levelId === upper.id);
  const known = new Set(framework.competencies.map((c) => c.id));
  const added: CompetencyGroup[] = framework.competencies
    .map((c) => ({ competencyId: c.id as string | null, competencyName: c.name, criteria: upperCriteria.filter((cr) => cr.competencyId === c.id) }))
    .filter((g) => g.criteria.length > 0);
  const general = upperCriteria.filter((c) => c.competencyId === null || !known.has(c.competencyId));
  if (general.length) added.push({ competencyId: null, competencyName: 'General', criteria: general });

  const sameTrack = lower.trackId === upper.trackId;
  return {
    lower,
    upper,
    sameTrack,
    adjacent: sameTrack && upper.order === lower.order + 1,
    summary: beforeAfter(lower.summary, upper.summary),
    scope: { ...beforeAfter(lower.scope, upper.scope), detail: beforeAfter(lower.scopeDetail, upper.scopeDetail) },
    autonomy: { ...beforeAfter(lower.autonomy, upper.autonomy), detail: beforeAfter(lower.autonomyDetail, upper.autonomyDetail) },
    definingShift: upper.definingShift,
    added,
    notYet: [...lower.notYet],
  };
}

/** The levels just below and above one level on its track, to pick what `compareAdjacentLevels` compares. */
export function neighbourLevels(framework: Framework, levelId: string): { below: Level | undefined; above: Level | undefined } {
  const level = levelOf(framework, levelId);
  if (!level) return { below: undefined, above: undefined };
  const ladder = levelsOfTrack(framework, level.trackId);
  const index = ladder.findIndex((l) => l.id === levelId);
  return { below: ladder[index - 1], above: ladder[index + 1] };
}

/** A criterion of the version a cycle leaves that the other version drops, with the evidence linked to it. */
export interface CriterionLeft {
  /** Its code in the version left ("L3.1"): codes follow a criterion's place, so the other version may give it to another. */
  code: string;
  text: string;
  evidence: number;
  candidates: number;
}

/**
 * What moving a cycle from version `from` to `to` of its framework takes from its evidence: the criteria `from` has
 * and `to` drops (by id, which versions keep) that some evidence item links to. Those links stay on the items but name
 * a criterion the cycle no longer has, so they count for nothing; the move's confirmation says so first (it said
 * only "criteria kept keep their evidence links", and a trial lost a criterion's evidence without a word).
 */
export function criteriaLeftBehind(from: Pick<Framework, 'levels' | 'criteria'>, to: Pick<Framework, 'criteria'>, evidence: readonly { candidateId: string; criterionIds: readonly string[] }[]): CriterionLeft[] {
  const kept = new Set(to.criteria.map((c) => c.id));
  const codes = criterionCodes(from);
  const links = new Map<string, { evidence: number; candidates: Set<string> }>();
  for (const item of evidence) {
    for (const id of new Set(item.criterionIds)) {
      if (kept.has(id)) continue;
      const link = links.get(id) ?? { evidence: 0, candidates: new Set<string>() };
      link.evidence++;
      link.candidates.add(item.candidateId);
      links.set(id, link);
    }
  }
  const textOf = new Map(from.criteria.map((c) => [c.id, c.text]));
  return [...codes]
    .filter(([id]) => links.has(id))
    .map(([id, code]) => {
      const link = links.get(id)!;
      return { code, text: textOf.get(id)!, evidence: link.evidence, candidates: link.candidates.size };
    });
}

/**
 * What importing `incoming` does to the versions of its lineage already here, in a sentence for the import preview,
 * or null when the lineage is new here. An older export imported again becomes the newest version, so the changes
 * made since it are undone in the version cycles are offered first: the preview says so before anything is written
 * (it said nothing; a trial found out from the version list afterwards).
 */
export function importAsVersionText(existing: readonly Framework[], incoming: Framework): string | null {
  if (existing.length === 0) return null;
  const newest = existing.reduce((max, f) => (f.version > max.version ? f : max));
  const diff = diffFrameworks(newest, incoming);
  if (diff.identical) return `This framework is already here, and the file is identical to version ${newest.version}, the newest: importing writes nothing.`;
  const next = `Imported, the file becomes version ${newest.version + 1}, the newest; the versions here are kept as they are.`;
  const same = existing.filter((f) => f !== newest).sort((a, b) => b.version - a.version).find((f) => diffFrameworks(f, incoming).identical);
  if (same) return `This framework is already here, and the file is the same as version ${same.version}, an older one. ${next} That undoes what changed after version ${same.version}; see the versions' differences first if that is not what you want.`;
  const collections: ReadonlyArray<readonly [CollectionDiff<unknown>, string, string]> = [
    [diff.tracks, 'track', 'tracks'],
    [diff.levels, 'level', 'levels'],
    [diff.competencies, 'competency', 'competencies'],
    [diff.criteria, 'criterion', 'criteria'],
    [diff.equivalences, 'equivalence', 'equivalences'],
    [diff.roles, 'role', 'roles'],
  ];
  const parts = collections.map(([c, one, many]) => [c.added.length + c.removed.length + c.changed.length, one, many] as const).filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many));
  const changes = [...(diff.framework.length > 0 ? ['its name or description'] : []), ...parts];
  return `This framework is already here (version ${newest.version} is the newest). ${next} Compared with version ${newest.version}, it changes ${changes.join(', ')}.`;
}

/** What a cycle holds that was judged against its framework version (cycleMoveRefusal). */
export interface JudgedOnVersion {
  /** Candidates with a packet revision that was submitted. */
  submitted: number;
  /** Decisions recorded in the cycle's sessions. */
  decided: number;
}

/**
 * Why a cycle cannot move to another version of its framework, or null. A cycle pins its version: once a packet
 * was submitted against its criteria or a decision recorded, moving would rewrite what they were judged against (a
 * trial's submitted packet showed the new version's wording under its old ratings, a blocker for a criterion it
 * never had, and a decision citing "a criterion no longer in the framework"). Before that, drafts follow the move.
 */
export function cycleMoveRefusal(cycleName: string, fromVersion: number, judged: JudgedOnVersion): string | null {
  if (judged.submitted === 0 && judged.decided === 0) return null;
  const what = [judged.submitted > 0 ? `submitted packets of ${plural(judged.submitted, 'candidate')}` : '', judged.decided > 0 ? plural(judged.decided, 'decision') : ''].filter(Boolean).join(' and ');
  return `${cycleName} stays on v${fromVersion}: it has ${what} judged against v${fromVersion}’s criteria, and moving would change what they were judged against. A cycle can move only before any packet of it is submitted; use this version for the next cycle.`;
}
