/**
 * "Take them out of this session", beside a candidate decided in another
 * session. Such a candidate stays on this session's list without a decision
 * here, and a session finalizes once every listed candidate has one: a
 * chair's trial found a second session that could never be finalized, with
 * no way to drop them. Taking them out is the session change updateSession
 * makes (takeOutOfSession: audited; refused for a candidate with a decision here), and the
 * review moves on to the next candidate first, so the route does not name
 * one the session no longer reviews. Votes cast on them here stay stored.
 */
import { useState } from 'react';
import type { Session } from '../../../../shared/domain';
import { commands } from '../../../db/app-commands';
import { useUiStore } from '../../../state/ui-store';
import { couldNot } from '../../../../shared/util/error-message';
import { plural } from './labels';

export function TakeOutOfSession({ session, candidateId, name, moveOn }: { session: Pick<Session, 'id'>; candidateId: string; name: string; moveOn: () => void }) {
  const announce = useUiStore((s) => s.announce);
  const [busy, setBusy] = useState(false);
  async function takeOut() {
    setBusy(true);
    moveOn();
    try {
      // From the stored session (takeOutOfSession): a blind page's session carries its name with names withheld.
      const saved = await commands.takeOutOfSession(session.id, candidateId, new Date().toISOString());
      announce(`Took ${name} out of this session: ${plural(saved.candidateIds.length, 'candidate')} left to review.`);
    } catch (error) {
      announce(couldNot(`take ${name} out of this session`, error), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <p className="decision-actions">
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void takeOut()}>
        Take them out of this session
      </button>
      <span className="field-hint"> This session then finalizes without them; the decision stays the other session’s.</span>
    </p>
  );
}
