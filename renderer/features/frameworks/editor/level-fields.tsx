/** A level's own fields (code, title, summary, scope, autonomy, shift, not yet, examples, optional), each saved as it is typed. */
import { AutonomySchema, ScopeSchema, type Level } from '../../../../shared/domain/framework';
import type { LevelPatch } from '../../../../shared/frameworks/edit-ops';
import { capitalise } from '../../../../shared/util/capitalise';
import { CheckboxField, ListField, SelectField, TextField, SrSuffix } from './fields';
import { useEditor } from './editor-context';

/** The fields shown here; the level's issues about any other field are listed above them. */
export const LEVEL_FIELDS = ['code', 'title', 'summary', 'scope', 'scopeDetail', 'autonomy', 'autonomyDetail', 'definingShift', 'notYet', 'examples', 'optional'];

const SCOPE_OPTIONS = [{ value: '', label: 'Not set' }, ...ScopeSchema.options.map((s) => ({ value: s, label: capitalise(s) }))];
const AUTONOMY_OPTIONS = [{ value: '', label: 'Not set' }, ...AutonomySchema.options.map((a) => ({ value: a, label: capitalise(a) }))];

/** `name` is the level's name for screen readers ("Code of IC2"). */
export function LevelFields({ level, name }: { level: Level; name: string }) {
  const { submit } = useEditor();
  const label = (text: string) => (
    <>
      {text}
      <SrSuffix>of {name}</SrSuffix>
    </>
  );
  const update = (patch: LevelPatch, group?: string) => submit({ type: 'update-level', levelId: level.id, patch }, group ? { group } : {});
  const target = (field: string) => ({ entity: 'level' as const, id: level.id, field });

  return (
    <div className="editor-grid">
      <TextField target={target('code')} label={label('Code')} value={level.code} className="editor-narrow" onCommit={(code, group) => update({ code }, group)} />
      <TextField target={target('title')} label={label('Title')} value={level.title} onCommit={(title, group) => update({ title }, group)} />
      <TextField
        target={target('summary')}
        className="editor-wide"
        label={label('Summary')}
        hint="One sentence that says what this level is."
        value={level.summary}
        multiline
        onCommit={(summary, group) => update({ summary }, group)}
      />
      <SelectField
        target={target('scope')}
        label={label('Scope')}
        value={level.scope ?? ''}
        options={SCOPE_OPTIONS}
        onCommit={(value) => update({ scope: value === '' ? undefined : ScopeSchema.parse(value) })}
      />
      <TextField target={target('scopeDetail')} label={label('Scope detail')} value={level.scopeDetail} multiline onCommit={(scopeDetail, group) => update({ scopeDetail }, group)} />
      <SelectField
        target={target('autonomy')}
        label={label('Autonomy')}
        value={level.autonomy ?? ''}
        options={AUTONOMY_OPTIONS}
        onCommit={(value) => update({ autonomy: value === '' ? undefined : AutonomySchema.parse(value) })}
      />
      <TextField
        target={target('autonomyDetail')}
        label={label('Autonomy detail')}
        value={level.autonomyDetail}
        multiline
        onCommit={(autonomyDetail, group) => update({ autonomyDetail }, group)}
      />
      <TextField
        target={target('definingShift')}
        className="editor-wide"
        label={label('Defining shift')}
        hint="What changes from the level below, in one line."
        value={level.definingShift}
        multiline
        onCommit={(definingShift, group) => update({ definingShift }, group)}
      />
      <ListField target={target('notYet')} label={label('Not yet')} items={level.notYet} onCommit={(notYet, group) => update({ notYet }, group)} />
      <ListField target={target('examples')} label={label('Examples')} items={level.examples} onCommit={(examples, group) => update({ examples }, group)} />
      <CheckboxField
        target={target('optional')}
        label={
          <>
            Optional level: exists only in some organisations<SrSuffix>({name})</SrSuffix>
          </>
        }
        checked={level.optional}
        onCommit={(optional) => update({ optional })}
      />
    </div>
  );
}
