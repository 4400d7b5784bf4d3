/**
 * Two adjacent levels side by side: what changes going up (scope, autonomy,
 * the defining shift, the criteria of the higher level) and what the lower
 * level is not yet doing. For a manager explaining a gap, or a committee
 * checking what the target level asks for.
 */
import { levelsOfTrack } from '../../../shared/domain/framework';
import { compareAdjacentLevels } from '../../../shared/frameworks/versions';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useFramework } from '../../db/framework-hooks';

export function LevelCompareView({ id, lowerId }: { id: string; lowerId?: string }) {
  const framework = useFramework(id);
  if (framework === undefined) return <Loading what="framework" />;
  if (framework === null) return <EmptyState title="Framework not found"><p>Choose a framework from the list.</p></EmptyState>;
  const pairs = framework.tracks.flatMap((t) => {
    const levels = levelsOfTrack(framework, t.id);
    return levels.slice(0, -1).map((l, i) => ({ lower: l, upper: levels[i + 1]!, track: t.name }));
  });
  const pair = pairs.find((p) => p.lower.id === lowerId) ?? pairs[0];
  const comparison = pair ? compareAdjacentLevels(framework, pair.lower.id, pair.upper.id) : undefined;
  return (
    <>
      <PageHeader title="Compare levels" subtitle={<><a href={hrefFor('frameworks', id)}>{framework.name}</a> · what changes from one level to the next</>} />
      <label className="field-inline">
        <span>Levels</span>
        <select value={pair?.lower.id ?? ''} onChange={(e) => (window.location.hash = hrefFor('frameworks', id, 'compare', e.target.value))}>
          {pairs.map((p) => (
            <option key={p.lower.id} value={p.lower.id}>
              {p.track}: {p.lower.code} → {p.upper.code}
            </option>
          ))}
        </select>
      </label>
      {!comparison ? (
        <p className="muted">This framework has no track with two levels to compare.</p>
      ) : (
        <div className="compare-grid">
          <table className="data-table">
            <caption className="visually-hidden">Scope and autonomy</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Aspect</span>
                </th>
                <th scope="col">{comparison.lower.code} {comparison.lower.title}</th>
                <th scope="col">{comparison.upper.code} {comparison.upper.title}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Summary</th>
                <td>{comparison.summary.before}</td>
                <td>{comparison.summary.after}</td>
              </tr>
              <tr className={comparison.scope.changed ? 'changed' : undefined}>
                <th scope="row">Scope {comparison.scope.changed ? <span className="tag">changes</span> : null}</th>
                <td>{comparison.scope.before ?? '—'} {comparison.scope.detail.before ? <div className="muted">{comparison.scope.detail.before}</div> : null}</td>
                <td>{comparison.scope.after ?? '—'} {comparison.scope.detail.after ? <div className="muted">{comparison.scope.detail.after}</div> : null}</td>
              </tr>
              <tr className={comparison.autonomy.changed ? 'changed' : undefined}>
                <th scope="row">Autonomy {comparison.autonomy.changed ? <span className="tag">changes</span> : null}</th>
                <td>{comparison.autonomy.before ?? '—'} {comparison.autonomy.detail.before ? <div className="muted">{comparison.autonomy.detail.before}</div> : null}</td>
                <td>{comparison.autonomy.after ?? '—'} {comparison.autonomy.detail.after ? <div className="muted">{comparison.autonomy.detail.after}</div> : null}</td>
              </tr>
            </tbody>
          </table>
          {comparison.definingShift ? (
            <p className="defining-shift">
              <strong>The shift:</strong> {comparison.definingShift}
            </p>
          ) : null}
          <section aria-labelledby="added-criteria">
            <h2 id="added-criteria">What {comparison.upper.code} is judged on</h2>
            {comparison.added.map((group) => (
              <div key={group.competencyId ?? 'general'} className="criteria-group">
                <h3>{group.competencyName}</h3>
                <ul className="criteria-list">
                  {group.criteria.map((c) => (
                    <li key={c.id}>{c.text}</li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          {comparison.notYet.length > 0 ? (
            <section aria-labelledby="not-yet">
              <h2 id="not-yet">What {comparison.lower.code} is not yet doing</h2>
              <ul className="criteria-list">
                {comparison.notYet.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}
