/** The presenter's shape for the connected-votes tests: the candidate's heading and the votes panel, drawn from one session read. */
import { useSessionData } from '../../../../renderer/db/session-hooks';
import { SessionVotes } from '../../../../renderer/features/connected/session-votes';

export function Presenter({ sessionId, candidateId }: { sessionId: string; candidateId: string }) {
  const data = useSessionData(sessionId);
  if (!data) return null;
  const candidate = data.candidates.find((x) => x.id === candidateId)!;
  return (
    <>
      <h2>{candidate.name}</h2>
      <SessionVotes session={data.session} candidate={candidate} votes={data.votes.filter((v) => v.candidateId === candidateId)} framework={data.framework} readOnly={false} decided={false} connected={data.connected} />
    </>
  );
}
