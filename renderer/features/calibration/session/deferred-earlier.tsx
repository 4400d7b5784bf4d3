/**
 * Said above the decision of a candidate another session of the cycle
 * deferred: where and when, and the next steps it asked for, so the
 * committee judges whether they were met. A chair's trial reviewed a
 * candidate the pilot had deferred without a word of it.
 *
 * In a blind session it says only that there was a Defer: which session,
 * when and the steps it asked for would tell the room who the pseudonym is,
 * since the Decisions page lists that session's decisions by name (a
 * committee trial matched three re-offered pseudonyms that way). Names
 * revealed, it says all of it again.
 */
import type { Session } from '../../../../shared/domain';
import type { DeferredElsewhere } from '../../../../shared/rules/session-candidates';
import { dayOf, userTimeZone } from '../../../../shared/util/dates';
import { formatDate } from '../../../components/dates';
import type { SessionData } from '../use-session-data';

export function DeferredEarlier({ deferred, redaction }: { deferred: DeferredElsewhere<Session>; redaction: SessionData['redaction'] }) {
  if (redaction) {
    return (
      <div className="decision-deferred-earlier" role="note">
        <p>Deferred earlier in this cycle. Where, when and the next steps it asked for are withheld while names are hidden: they would tell the room who this is. They show once names are revealed.</p>
      </div>
    );
  }
  const { name } = deferred.session;
  const steps = deferred.nextSteps;
  const day = dayOf(deferred.decidedAt, userTimeZone());
  return (
    <div className="decision-deferred-earlier" role="note">
      <p>
        Deferred earlier in this cycle, in <strong>{name}</strong>
        {day ? ` on ${formatDate(day)}` : ''}.{steps.length > 0 ? ' The next steps it asked for:' : ' It asked for no next steps.'}
      </p>
      {steps.length > 0 ? (
        <ul>
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
