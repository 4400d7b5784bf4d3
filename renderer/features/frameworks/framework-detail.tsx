/** One framework read as a ladder: tracks as columns, levels in order. */
import { useLiveQuery } from 'dexie-react-hooks';
import { levelsOfTrack } from '../../../shared/domain/framework';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { repos } from '../../db/hooks';

export function FrameworkDetail({ id }: { id: string }) {
  const framework = useLiveQuery(() => repos.frameworks.get(id).then((f) => f ?? null), [id]);
  if (framework === undefined) return <Loading what="framework" />;
  if (framework === null)
    return (
      <EmptyState title="Framework not found" action={<a href={hrefFor('frameworks')}>Back to frameworks</a>}>
        <p>It may have been removed. Choose another framework from the list.</p>
      </EmptyState>
    );
  const competencyName = new Map(framework.competencies.map((c) => [c.id, c.name]));
  return (
    <>
      <PageHeader
        title={framework.name}
        subtitle={
          <>
            <a href={hrefFor('frameworks')}>Frameworks</a> · v{framework.version} · {framework.levels.length} levels · {framework.criteria.length} criteria
          </>
        }
      />
      {framework.description ? <p className="lede">{framework.description}</p> : null}
      <div className="ladder" style={{ gridTemplateColumns: `repeat(${framework.tracks.length}, minmax(18rem, 1fr))` }}>
        {framework.tracks.map((track) => (
          <section key={track.id} className="ladder-track" aria-labelledby={`track-${track.id}`}>
            <h2 id={`track-${track.id}`}>{track.name}</h2>
            <ol className="ladder-levels">
              {levelsOfTrack(framework, track.id).map((level) => {
                const criteria = framework.criteria.filter((c) => c.levelId === level.id);
                return (
                  <li key={level.id} className="ladder-level">
                    <h3>
                      <span className="level-code">{level.code}</span> {level.title}
                      {level.optional ? <span className="tag">Optional</span> : null}
                    </h3>
                    <p>{level.summary}</p>
                    <dl className="level-facts">
                      {level.scope ? (
                        <>
                          <dt>Scope</dt>
                          <dd>{level.scope}</dd>
                        </>
                      ) : null}
                      {level.autonomy ? (
                        <>
                          <dt>Autonomy</dt>
                          <dd>{level.autonomy}</dd>
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
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}
