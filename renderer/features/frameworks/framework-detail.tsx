/** One framework read as a ladder: tracks as columns, levels in order. */
import { capitalise } from '../../../shared/util/capitalise';
import { levelsOfTrack } from '../../../shared/domain/framework';
import { ladderLayout } from '../../../shared/frameworks/ladder-layout';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useFramework } from '../../db/framework-hooks';
import { DuplicateFrameworkButton, editorHref } from './editor/framework-buttons';
import { ExportButtons, NewVersionButton, VersionsPanel } from './framework-actions';
import { FrameworkManage } from './framework-manage';
import { FrameworkDescription } from './framework-description';

export function FrameworkDetail({ id }: { id: string }) {
  const framework = useFramework(id);
  if (framework === undefined) return <Loading what="framework" />;
  if (framework === null)
    return (
      <EmptyState title="Framework not found" action={<a href={hrefFor('frameworks')}>Back to frameworks</a>}>
        <p>It may have been removed. Choose another framework from the list.</p>
      </EmptyState>
    );
  const competencyName = new Map(framework.competencies.map((c) => [c.id, c.name]));
  const layout = ladderLayout(framework);
  return (
    <>
      <PageHeader
        title={framework.name}
        subtitle={
          <>
            <a href={hrefFor('frameworks')}>Frameworks</a> · v{framework.version} · {framework.levels.length} levels · {framework.criteria.length} criteria
            {framework.builtIn ? ' · built-in' : ''}
            {framework.frozen ? ' · frozen (pinned by a cycle)' : ''}
          </>
        }
        actions={
          <div className="detail-actions">
            {!framework.frozen && !framework.builtIn ? (
              <a className="button button-primary" href={editorHref(framework.id)}>
                Edit
              </a>
            ) : null}
            {framework.frozen ? <NewVersionButton framework={framework} /> : null}
            <DuplicateFrameworkButton framework={framework} />
            <a className="button button-secondary" href={hrefFor('frameworks', framework.id, 'compare')}>
              Compare levels
            </a>
            <ExportButtons framework={framework} />
            <FrameworkManage framework={framework} />
          </div>
        }
      />
      <FrameworkDescription text={framework.description} />
      <div
        className="ladder"
        style={{ gridTemplateColumns: `repeat(${framework.tracks.length}, minmax(13rem, 1fr))`, gridTemplateRows: `auto repeat(${layout.rows}, auto)` }}
      >
        {framework.tracks.map((track, column) => (
          <h2 key={track.id} className="ladder-track-title" style={{ gridColumn: column + 1, gridRow: 1 }}>
            {track.name}
          </h2>
        ))}
        {framework.tracks.map((track, column) => {
          // A track that starts lower down (a manager track beside IC levels) would show empty cells: say why.
          const first = levelsOfTrack(framework, track.id)[0];
          const firstRow = first ? (layout.rowOf.get(first.id) ?? 0) : 0;
          if (!first || firstRow === 0) return null;
          const beside = layout.equivalentsOf.get(first.id) ?? [];
          return (
            <p key={`gap-${track.id}`} className="ladder-gap" style={{ gridColumn: column + 1, gridRow: `2 / ${firstRow + 2}` }}>
              {track.name} starts at {first.code}
              {beside.length > 0 ? `, beside ${beside.join(', ')}` : ''}: rows line up levels of about the same seniority, so the rows above are empty.
            </p>
          );
        })}
        {framework.tracks.flatMap((track, column) =>
          levelsOfTrack(framework, track.id).map((level) => {
            const criteria = framework.criteria.filter((c) => c.levelId === level.id);
            const equivalents = layout.equivalentsOf.get(level.id) ?? [];
            return (
              <article
                key={level.id}
                className="ladder-level"
                aria-label={`${level.code} ${level.title}, ${track.name}`}
                style={{ gridColumn: column + 1, gridRow: (layout.rowOf.get(level.id) ?? 0) + 2 }}
              >
                <h3>
                  <span className="level-code">{level.code}</span> {level.title}
                  {level.optional ? <span className="tag">Optional</span> : null}
                  {equivalents.length > 0 ? <span className="tag" title="Roughly the same seniority">≈ {equivalents.join(', ')}</span> : null}
                </h3>
                <p>{level.summary}</p>
                <dl className="level-facts">
                  {level.scope ? (
                    <>
                      <dt>Scope</dt>
                      <dd>{capitalise(level.scope)}</dd>
                    </>
                  ) : null}
                  {level.autonomy ? (
                    <>
                      <dt>Autonomy</dt>
                      <dd>{capitalise(level.autonomy)}</dd>
                    </>
                  ) : null}
                  {level.definingShift ? (
                    <>
                      <dt>Shift</dt>
                      <dd className="plain">{level.definingShift}</dd>
                    </>
                  ) : null}
                </dl>
                <details>
                  <summary>{criteria.length} criteria</summary>
                  <ul className="criteria-list">
                    {criteria.map((c) => (
                      <li key={c.id}>
                        {c.text}
                        {c.competencyId ? <span className="muted"> · {competencyName.get(c.competencyId)}</span> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              </article>
            );
          }),
        )}
      </div>
      <VersionsPanel framework={framework} />
    </>
  );
}
