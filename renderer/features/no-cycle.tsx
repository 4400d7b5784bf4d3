import { EmptyState } from '../components/empty-state';
import { hrefFor } from '../app/routes';
import { LoadSampleButton } from './first-run/load-sample-button';

/**
 * Shown by every cycle view while no cycle exists: create one for real candidates, import the managers' bundles (a
 * chair's first step: each bundle brings its cycle; a trial as a chair found only "create a cycle" here), or explore
 * with the sample. `importHere`: the page has the Import bundle… button itself.
 */
export function NoCycle({ what, importHere = false }: { what: string; importHere?: boolean }) {
  return (
    <EmptyState
      title={`No ${what} yet`}
      action={
        <>
          <a className="button button-primary" href={hrefFor('cycles', 'new')}>
            Create a cycle
          </a>{' '}
          <LoadSampleButton variant="secondary" />
        </>
      }
    >
      <p>{what[0]?.toUpperCase() + what.slice(1)} belong to a promotion cycle, and there is no cycle yet.</p>
      <p>Create a cycle for your own candidates (its name, evidence window and career framework), or load the sample cycle to explore Levelset with realistic data.</p>
      <p>
        Chairing a committee? The bundles your managers export bring their cycle with them:{' '}
        {importHere ? (
          <>import them with Import bundle… above.</>
        ) : (
          <>
            import them on the <a href={hrefFor('packets')}>Packets</a> page (Import bundle…).
          </>
        )}
      </p>
    </EmptyState>
  );
}
