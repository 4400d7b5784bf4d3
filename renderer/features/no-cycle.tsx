import { EmptyState } from '../components/empty-state';
import { LoadSampleButton } from './first-run/load-sample-button';

/** Shown by every cycle view while no cycle exists. */
export function NoCycle({ what }: { what: string }) {
  return (
    <EmptyState title={`No ${what} yet`} action={<LoadSampleButton />}>
      <p>{what[0]?.toUpperCase() + what.slice(1)} belong to a promotion cycle, and there is no cycle yet.</p>
      <p>Load the sample cycle to explore Levelset with realistic data.</p>
    </EmptyState>
  );
}
