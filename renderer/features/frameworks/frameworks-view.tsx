/**
 * Frameworks: for an admin or committee member choosing the ladder a cycle
 * is judged against. Lists every framework (newest version per lineage) and
 * opens one to read its tracks and levels side by side.
 */
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useLatestFrameworks } from '../../db/framework-hooks';
import { useCycles } from '../../db/hooks';
import { LoadSampleButton } from '../first-run/load-sample-button';
import { FrameworkDetail } from './framework-detail';
import { FrameworkEditor } from './editor/framework-editor';
import { NewFrameworkButton } from './editor/framework-buttons';
import { NewVersionButtonFor } from './framework-actions';
import { useFrameworkImport } from './import-framework';
import { LevelCompareView } from './level-compare-view';
import { VersionDiffView } from './version-diff-view';

export function FrameworksView({ params }: { params: string[] }) {
  const frameworks = useLatestFrameworks();
  const cycles = useCycles();
  const importer = useFrameworkImport();
  const selectedId = params[0];
  if (frameworks === undefined) return <Loading what="frameworks" />;
  if (selectedId) {
    const [, view, other] = params;
    if (view === 'diff' && other) return <VersionDiffView id={selectedId} otherId={other} />;
    if (view === 'compare') return <LevelCompareView id={selectedId} lowerId={other} />;
    if (view === 'edit') return <FrameworkEditor id={selectedId} readOnlyActions={<NewVersionButtonFor id={selectedId} />} />;
    return <FrameworkDetail id={selectedId} />;
  }
  return (
    <>
      <PageHeader
        title="Frameworks"
        subtitle="The career ladders candidates are measured against: tracks, levels and the criteria of each level."
        actions={
          <div className="detail-actions">
            <NewFrameworkButton />
            {importer.button}
          </div>
        }
      />
      {importer.panel}
      {cycles && cycles.length === 0 ? (
        <EmptyState title="Welcome to Levelset" action={<LoadSampleButton />}>
          <p>
            Levelset helps managers build promotion packets against the criteria of a career framework, and helps calibration
            committees decide fairly. Everything stays on this machine.
          </p>
          <p>Start with the sample cycle: a built-in framework, six managers, 42 candidates and their evidence over four quarters.</p>
          {/* The real start was only in the sidebar's "Manage cycles" (a trial). */}
          <p>
            Or start your own: <a href={hrefFor('cycles', 'new')}>create a cycle</a> on one of the frameworks below, then add candidates.
          </p>
        </EmptyState>
      ) : null}
      {frameworks.length === 0 ? (
        <p className="muted">No frameworks yet. The built-in frameworks are being prepared…</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Frameworks</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Tracks</th>
              <th scope="col" className="num">Levels</th>
              <th scope="col" className="num">Criteria</th>
              <th scope="col" className="num">Version</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {frameworks.map((f) => (
              <tr key={f.id}>
                <td>
                  <a href={hrefFor('frameworks', f.id)}>{f.name}</a>
                  {f.builtIn ? <span className="tag">Built-in</span> : null}
                </td>
                <td>{f.tracks.map((t) => t.name).join(', ')}</td>
                <td className="num">{f.levels.length}</td>
                <td className="num">{f.criteria.length}</td>
                <td className="num">v{f.version}</td>
                <td>{f.builtIn ? 'Built-in: duplicate it to edit' : f.frozen ? 'Pinned by a cycle: edit a new version' : 'Editable'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
