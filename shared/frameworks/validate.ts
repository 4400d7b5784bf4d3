/**
 * Structural checks of a framework: what the editor shows inline beside the
 * field at fault, and what the JSON importer refuses.
 *
 * The zod schema checks each row on its own; these checks look across rows
 * (duplicate ids and level codes, references to levels, tracks and
 * competencies that do not exist, two levels in the same place on a track).
 * The editor holds drafts that may break the schema (an empty code while the
 * user types), so nothing here assumes the schema passed.
 */
import type { Framework } from '../domain/framework';

export type FrameworkEntity = 'framework' | 'track' | 'level' | 'competency' | 'criterion' | 'equivalence' | 'role';

export interface FrameworkIssue {
  entity: FrameworkEntity;
  /** Id of the row at fault (the framework's id for framework-level issues). */
  id: string;
  /** Field of that row, e.g. `code` or `levelIds[1]`. */
  field: string;
  /** Path from the framework, e.g. `levels[2].code`; the JSON importer prefixes it with `framework.`. */
  path: string;
  message: string;
  /** Errors make the framework unusable (and refuse an import); warnings are worth a look. */
  severity: 'error' | 'warning';
}

const blank = (s: string | undefined | null) => (s ?? '').trim() === '';
const codeKey = (code: string) => code.trim().toLowerCase();

/** An earlier level named as a person reads it: 'the level “Engineer” (L1) on Individual contributor'. */
function levelWords(framework: Framework, index: number): string {
  const level = framework.levels[index];
  if (!level) return 'another level';
  const track = framework.tracks.find((t) => t.id === level.trackId)?.name.trim();
  const title = level.title.trim() ? `the level “${level.title.trim()}”` : 'another level';
  return `${title} (${level.code.trim() || 'no code'})${track ? ` on ${track}` : ''}`;
}

export function validateFramework(framework: Framework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const add = (
    entity: FrameworkEntity,
    id: string,
    collection: string | null,
    index: number,
    field: string,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => {
    const path = collection === null ? field : `${collection}[${index}].${field}`;
    issues.push({ entity, id, field, path, message, severity });
  };

  if (blank(framework.name)) add('framework', framework.id, null, 0, 'name', 'The framework needs a name.');

  // Ids must be unique across the whole framework: evidence, packets and
  // merges refer to rows by id alone.
  const idOwner = new Map<string, string>();
  const checkId = (entity: FrameworkEntity, collection: string, index: number, id: string) => {
    if (blank(id)) {
      add(entity, id, collection, index, 'id', `This ${entity} has no id.`);
      return;
    }
    const owner = idOwner.get(id);
    if (owner !== undefined) add(entity, id, collection, index, 'id', `Duplicate id "${id}" (also used by ${owner}).`);
    else idOwner.set(id, `${collection}[${index}]`);
  };

  const trackIds = new Set<string>();
  framework.tracks.forEach((t, i) => {
    checkId('track', 'tracks', i, t.id);
    trackIds.add(t.id);
    if (blank(t.name)) add('track', t.id, 'tracks', i, 'name', 'A track needs a name.');
  });

  const levelIds = new Set<string>();
  const codeOwner = new Map<string, number>();
  const orderOwner = new Map<string, number>();
  framework.levels.forEach((l, i) => {
    checkId('level', 'levels', i, l.id);
    levelIds.add(l.id);
    if (blank(l.code)) add('level', l.id, 'levels', i, 'code', 'A level needs a code (for example "IC3").');
    else {
      const earlier = codeOwner.get(codeKey(l.code));
      if (earlier !== undefined) {
        // Named as a person sees the level (its title, its track); the issue's path still says levels[i] for a file.
        add('level', l.id, 'levels', i, 'code', `Level code "${l.code.trim()}" is already used by ${levelWords(framework, earlier)}; codes must be unique in a framework.`);
      } else codeOwner.set(codeKey(l.code), i);
    }
    if (blank(l.title)) add('level', l.id, 'levels', i, 'title', 'A level needs a title.');
    if (!trackIds.has(l.trackId)) {
      add('level', l.id, 'levels', i, 'trackId', `This level is on track "${l.trackId}", which does not exist in the framework.`);
    } else {
      const key = `${l.trackId}\u0000${l.order}`;
      const earlier = orderOwner.get(key);
      if (earlier !== undefined) {
        add('level', l.id, 'levels', i, 'order', `Position ${l.order} on this track is already taken by ${levelWords(framework, earlier)}; each level needs its own place on the ladder.`);
      } else orderOwner.set(key, i);
    }
  });

  const competencyIds = new Set<string>();
  const competencyNames = new Map<string, number>();
  framework.competencies.forEach((c, i) => {
    checkId('competency', 'competencies', i, c.id);
    competencyIds.add(c.id);
    if (blank(c.name)) add('competency', c.id, 'competencies', i, 'name', 'A competency needs a name.');
    else {
      const key = c.name.trim().toLowerCase();
      const earlier = competencyNames.get(key);
      if (earlier !== undefined) {
        add('competency', c.id, 'competencies', i, 'name', `Competency "${c.name.trim()}" is listed twice (also number ${earlier + 1} in the list).`, 'warning');
      } else competencyNames.set(key, i);
    }
  });

  const criteriaPerLevel = new Map<string, number>();
  framework.criteria.forEach((c, i) => {
    checkId('criterion', 'criteria', i, c.id);
    if (blank(c.text)) add('criterion', c.id, 'criteria', i, 'text', 'A criterion needs text.');
    if (!levelIds.has(c.levelId)) add('criterion', c.id, 'criteria', i, 'levelId', `This criterion is on level "${c.levelId}", which does not exist in the framework.`);
    else criteriaPerLevel.set(c.levelId, (criteriaPerLevel.get(c.levelId) ?? 0) + 1);
    if (c.competencyId !== null && !competencyIds.has(c.competencyId)) {
      add('criterion', c.id, 'criteria', i, 'competencyId', `This criterion belongs to competency "${c.competencyId}", which does not exist in the framework.`);
    }
  });

  framework.equivalences.forEach((e, i) => {
    checkId('equivalence', 'equivalences', i, e.id);
    e.levelIds.forEach((levelId, k) => {
      if (!levelIds.has(levelId)) add('equivalence', e.id, 'equivalences', i, `levelIds[${k}]`, `This equivalence names level "${levelId}", which does not exist in the framework.`);
    });
    if (e.levelIds[0] === e.levelIds[1]) add('equivalence', e.id, 'equivalences', i, 'levelIds', 'An equivalence needs two different levels.', 'warning');
  });

  framework.roles.forEach((r, i) => {
    checkId('role', 'roles', i, r.id);
    if (blank(r.name)) add('role', r.id, 'roles', i, 'name', 'A role needs a name.');
    r.levelIds.forEach((levelId, k) => {
      if (!levelIds.has(levelId)) add('role', r.id, 'roles', i, `levelIds[${k}]`, `This role names level "${levelId}", which does not exist in the framework.`);
    });
  });

  // Warnings: things that are legal but leave a hole in the ladder.
  framework.tracks.forEach((t, i) => {
    if (!framework.levels.some((l) => l.trackId === t.id)) add('track', t.id, 'tracks', i, 'id', `Track "${t.name}" has no levels.`, 'warning');
  });
  framework.levels.forEach((l, i) => {
    if (!criteriaPerLevel.has(l.id)) add('level', l.id, 'levels', i, 'criteria', `Level ${l.code || l.title || l.id} has no criteria, so nothing at this level can be linked to evidence.`, 'warning');
  });

  return issues;
}
