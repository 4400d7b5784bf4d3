/** What changed between two versions of a framework: its name, levels, criteria, competencies, tracks and equivalences added, removed and changed. */
import type { Framework } from '../../../shared/domain';
import { diffFrameworks, type FieldChange } from '../../../shared/frameworks/versions';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useFrameworkPair } from '../../db/framework-hooks';
import { levelCodeOf } from '../../../shared/domain/level-lookup';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join('; ') || '—';
  if (value === undefined || value === null || value === '') return '—';
  return String(value);
}

/**
 * A field's change in words a reader knows: a level's place on its track counted from 1 ("order: 2" was the third
 * level, a trial read it as the second), and a competency, level or track by its name, not its id.
 */
function fieldWords(field: string, value: unknown, fw: Framework): [string, string] {
  if (field === 'order' && typeof value === 'number') return ['place on its track', String(value + 1)];
  if (field === 'competencyId') return ['competency', fw.competencies.find((c) => c.id === value)?.name ?? show(value)];
  if (field === 'levelId') return ['level', typeof value === 'string' ? levelCodeOf(fw, value, show(value)) : show(value)];
  if (field === 'trackId') return ['track', fw.tracks.find((t) => t.id === value)?.name ?? show(value)];
  return [field, show(value)];
}

function Changes({ changes, older, newer }: { changes: FieldChange[]; older: Framework; newer: Framework }) {
  return (
    <ul className="field-changes">
      {changes.map((c) => {
        const [field, before] = fieldWords(c.field, c.before, older);
        return (
          <li key={c.field}>
            <span className="muted">{field}:</span> <del>{before}</del> → <ins>{fieldWords(c.field, c.after, newer)[1]}</ins>
          </li>
        );
      })}
    </ul>
  );
}

export function VersionDiffView({ id, otherId }: { id: string; otherId: string }) {
  const pair = useFrameworkPair(id, otherId);
  if (!pair) return <Loading what="versions" />;
  const [x, y] = pair;
  if (!x || !y)
    return (
      <EmptyState title="Version not found" action={<a href={hrefFor('frameworks')}>Back to frameworks</a>}>
        <p>One of the two versions no longer exists.</p>
      </EmptyState>
    );
  const [older, newer]: [Framework, Framework] = x.version <= y.version ? [x, y] : [y, x];
  const diff = diffFrameworks(older, newer);
  const levelName = (fw: Framework, levelId: string) => {
    const l = fw.levels.find((lv) => lv.id === levelId);
    return l ? l.code : '?';
  };
  return (
    <>
      <PageHeader
        title={`${newer.name}: v${older.version} → v${newer.version}`}
        subtitle={
          <>
            <a href={hrefFor('frameworks', id)}>Back to v{x.version}</a>
          </>
        }
      />
      {diff.identical ? <p>The two versions have the same content.</p> : null}
      {diff.framework.length > 0 ? (
        <section className="diff-section" aria-labelledby="diff-framework">
          <h2 id="diff-framework">The framework</h2>
          <Changes older={older} newer={newer} changes={diff.framework} />
        </section>
      ) : null}
      <section className="diff-section" aria-labelledby="diff-levels">
        <h2 id="diff-levels">Levels</h2>
        {diff.levels.added.length + diff.levels.removed.length + diff.levels.changed.length === 0 ? <p className="muted">No level changed.</p> : null}
        <ul className="diff-list">
          {diff.levels.added.map((l) => (
            <li key={l.id} className="diff-added">
              <strong>Added</strong> {l.code} {l.title}
            </li>
          ))}
          {diff.levels.removed.map((l) => (
            <li key={l.id} className="diff-removed">
              <strong>Removed</strong> {l.code} {l.title}
            </li>
          ))}
          {diff.levels.changed.map((c) => (
            <li key={c.id} className="diff-changed">
              <strong>Changed</strong> {c.after.code} {c.after.title}
              <Changes older={older} newer={newer} changes={c.changes} />
            </li>
          ))}
        </ul>
      </section>
      <section className="diff-section" aria-labelledby="diff-criteria">
        <h2 id="diff-criteria">Criteria</h2>
        {diff.criteria.added.length + diff.criteria.removed.length + diff.criteria.changed.length === 0 ? <p className="muted">No criterion changed.</p> : null}
        <ul className="diff-list">
          {diff.criteria.added.map((c) => (
            <li key={c.id} className="diff-added">
              <strong>Added</strong> ({levelName(newer, c.levelId)}) {c.text}
            </li>
          ))}
          {diff.criteria.removed.map((c) => (
            <li key={c.id} className="diff-removed">
              <strong>Removed</strong> ({levelName(older, c.levelId)}) {c.text}
            </li>
          ))}
          {diff.criteria.changed.map((c) => (
            <li key={c.id} className="diff-changed">
              <strong>Changed</strong> ({levelName(newer, c.after.levelId)})
              <Changes older={older} newer={newer} changes={c.changes} />
            </li>
          ))}
        </ul>
      </section>
      {diff.competencies.added.length + diff.competencies.removed.length + diff.competencies.changed.length > 0 ? (
        <section className="diff-section" aria-labelledby="diff-competencies">
          <h2 id="diff-competencies">Competencies</h2>
          <ul className="diff-list">
            {diff.competencies.added.map((c) => <li key={c.id} className="diff-added"><strong>Added competency</strong> {c.name}</li>)}
            {diff.competencies.removed.map((c) => <li key={c.id} className="diff-removed"><strong>Removed competency</strong> {c.name}</li>)}
            {diff.competencies.changed.map((c) => <li key={c.id} className="diff-changed"><strong>Changed competency</strong> {c.after.name}<Changes older={older} newer={newer} changes={c.changes} /></li>)}
          </ul>
        </section>
      ) : null}
      {diff.tracks.added.length + diff.tracks.removed.length + diff.tracks.changed.length + diff.equivalences.added.length + diff.equivalences.removed.length > 0 ? (
        <section className="diff-section" aria-labelledby="diff-other">
          <h2 id="diff-other">Tracks and equivalences</h2>
          <ul className="diff-list">
            {diff.tracks.added.map((t) => <li key={t.id} className="diff-added"><strong>Added track</strong> {t.name}</li>)}
            {diff.tracks.removed.map((t) => <li key={t.id} className="diff-removed"><strong>Removed track</strong> {t.name}</li>)}
            {diff.tracks.changed.map((t) => <li key={t.id} className="diff-changed"><strong>Changed track</strong> {t.after.name}<Changes older={older} newer={newer} changes={t.changes} /></li>)}
            {diff.equivalences.added.map((e) => <li key={e.id} className="diff-added"><strong>Added equivalence</strong> {levelName(newer, e.levelIds[0])} ≈ {levelName(newer, e.levelIds[1])}</li>)}
            {diff.equivalences.removed.map((e) => <li key={e.id} className="diff-removed"><strong>Removed equivalence</strong> {levelName(older, e.levelIds[0])} ≈ {levelName(older, e.levelIds[1])}</li>)}
          </ul>
        </section>
      ) : null}
    </>
  );
}
