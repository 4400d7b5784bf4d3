/** The loading and missing-session states every calibration view shares. */
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';

export function SessionGate({ data, what }: { data: null | undefined; what: string }) {
  if (data === undefined) return <Loading what={what} />;
  return (
    <EmptyState title="Session not found">
      <p>This calibration session, its cycle or its framework version is no longer in the database. Open Calibration to pick another session.</p>
    </EmptyState>
  );
}
