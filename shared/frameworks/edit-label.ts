/**
 * What an edit did, in words the editor's Undo button and its announcement
 * use: "Undo removing criterion IC2.3", "Undid the name of level IC2". Named
 * from the document before the edit, so a removed level still has its code.
 */
import { criterionCodes, type Framework } from '../domain/framework';
import { levelCodeOf } from '../domain/level-lookup';
import type { FrameworkEdit } from './edit-ops';

/** A name cut to a length that fits on a button. */
function short(name: string): string {
  const text = name.trim() || 'untitled';
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'name',
  title: 'title',
  code: 'code',
  kind: 'kind',
  description: 'description',
  summary: 'summary',
  scope: 'scope',
  scopeDetail: 'scope detail',
  autonomy: 'autonomy',
  autonomyDetail: 'autonomy detail',
  definingShift: 'defining shift',
  notYet: '“not yet” signs',
  examples: 'examples',
  optional: '“optional” mark',
  text: 'text',
  competencyId: 'competency',
};

/** "the title of level IC2", or "level IC2" when several fields changed at once. */
function changeOf(patch: object, what: string): string {
  const fields = Object.keys(patch);
  const word = fields.length === 1 ? FIELD_WORDS[fields[0] as string] : undefined;
  return word ? `the ${word} of ${what}` : `a change to ${what}`;
}

export function describeEdit(before: Pick<Framework, 'tracks' | 'levels' | 'competencies' | 'criteria' | 'equivalences'>, edit: FrameworkEdit): string {
  const track = (id: string) => `track ${short(before.tracks.find((t) => t.id === id)?.name ?? '')}`;
  const level = (id: string) => `level ${short(levelCodeOf(before, id, ''))}`;
  const competency = (id: string) => `competency ${short(before.competencies.find((c) => c.id === id)?.name ?? '')}`;
  const criterion = (id: string) => `criterion ${criterionCodes(before).get(id) ?? ''}`.trim();
  const equivalence = (levelIds: readonly string[]) => levelIds.map((id) => short(levelCodeOf(before, id, '?'))).join(' ≈ ');
  switch (edit.type) {
    case 'rename-framework':
      return 'the framework’s name';
    case 'describe-framework':
      return 'the framework’s description';
    case 'add-track':
      return `adding track ${short(edit.track.name)}`;
    case 'update-track':
      return changeOf(edit.patch, track(edit.trackId));
    case 'move-track':
      return `moving ${track(edit.trackId)} ${edit.direction}`;
    case 'remove-track':
      return `removing ${track(edit.trackId)}`;
    case 'add-level':
      return `adding level ${short(edit.level.code)}`;
    case 'update-level':
      return changeOf(edit.patch, level(edit.levelId));
    case 'move-level':
      return `moving ${level(edit.levelId)} ${edit.direction}`;
    case 'remove-level':
      return `removing ${level(edit.levelId)}`;
    case 'add-competency':
      return `adding competency ${short(edit.competency.name)}`;
    case 'update-competency':
      return changeOf(edit.patch, competency(edit.competencyId));
    case 'remove-competency':
      return `removing ${competency(edit.competencyId)}`;
    case 'add-criterion':
      return `adding a criterion to ${level(edit.criterion.levelId)}`;
    case 'update-criterion':
      return changeOf(edit.patch, criterion(edit.criterionId));
    case 'move-criterion':
      return `moving ${criterion(edit.criterionId)} ${edit.direction}`;
    case 'remove-criterion':
      return `removing ${criterion(edit.criterionId)}`;
    case 'add-equivalence':
      return `adding the equivalence ${equivalence(edit.equivalence.levelIds)}`;
    case 'remove-equivalence':
      return `removing the equivalence ${equivalence(before.equivalences.find((e) => e.id === edit.equivalenceId)?.levelIds ?? [])}`;
  }
}
