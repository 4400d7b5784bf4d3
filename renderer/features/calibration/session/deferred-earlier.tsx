/**
 * Said above the decision of a candidate another session of the cycle
 * deferred: where and when, and the next steps it asked for, so the
 * committee judges whether they were met. A chair's trial reviewed a
 * candidate the pilot had deferred without a word of it. Blind while the
 * session is: the other session's name with names withheld, the steps with
 * names replaced.
 */
import type { Session } from '../../../../shared/domain';
import type { DeferredElsewhere } from '../../../../shared/rules/session-candidates';
import { dayOf, userTimeZone } from '../../../../shared/util/dates';
import { formatDate } from '../../../components/dates';
import type { SessionData } from '../use-session-data';

export function DeferredEarlier({ deferred, redaction }: { deferred: DeferredElsewhere<Session>; redaction: SessionData['redaction'] }) {
  const name = redaction ? redaction.title(deferred.session.name) : deferred.session.name;
  const steps = redaction ? deferred.nextSteps.map((s) => redaction.text(s)) : deferred.nextSteps;
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
