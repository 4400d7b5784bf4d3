import { EmptyState } from '../components/empty-state';
import { hrefFor } from '../app/routes';
import { LoadSampleButton } from './first-run/load-sample-button';

/** Shown by every cycle view while no cycle exists: create one for real candidates, or explore with the sample. */
export function NoCycle({ what }: { what: string }) {
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
    </EmptyState>
  );
}
