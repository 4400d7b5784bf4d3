/**
 * The session's header: name, status in words, the chair's blind toggle,
 * Finalize or Reopen…, the committee, who is recording, and the record of
 * the session itself: when and by whom it was finalized, and every reopen
 * and name reveal with who did it and why.
 */
import { connectedEditRefusal } from '../../../../shared/connected/committee';
import { useRef } from 'react';
import { finalizedBy } from '../../../../shared/calibration/session-record';
import { useFocusKept } from '../../../components/use-focus-kept';
import type { SessionRow } from '../../../../shared/domain';
import type { BlindChange } from '../../../db/sessions';
import { hrefFor } from '../../../app/routes';
import { PageHeader } from '../../../components/page-header';
import { commands } from '../../../db/app-commands';
import { followsChair } from '../../../db/connected/session-state';
import { useDecidedElsewhereCount } from '../../../db/decision-reads';
import { useUiStore } from '../../../state/ui-store';
import type { SessionData } from '../use-session-data';
import { ROLE_IN_SENTENCE, STATUS_LABEL, plural } from './labels';
import { RecordingAs } from './recording-as';
import { formatInstant } from '../../../components/dates';
import { couldNot } from '../../../../shared/util/error-message';

export type Pending = 'reveal' | 'finalize' | 'reopen' | null;

const EVENT_TEXT = { finalized: 'Finalized', reopened: 'Reopened', 'names-revealed': 'Names revealed', 'names-hidden': 'Names hidden' } as const;

const when = (at: string) => formatInstant(at);

const HIDDEN = 'Names hidden: candidates and managers show as pseudonyms until the chair reveals names.';

/** What "Hide names" says it did, the review order included: a chair should not take a kept order by name for one by pseudonym. */
export function hiddenText(change: BlindChange): string {
  switch (change) {
    case 'unchanged':
      // Another window hid them already: nothing recorded here.
      return 'Names were already hidden (in another window); nothing new was recorded.';
    case 'hidden-by-pseudonym':
      return `${HIDDEN} Nothing has been reviewed yet, so the order is now by pseudonym within each level.`;
    case 'hidden-order-kept':
      return `${HIDDEN} The order stays as it was, not by pseudonym: the review has begun, so nobody’s place moves.`;
    default:
      return HIDDEN;
  }
}

/** Finalizations, reopens and reveals, oldest first, each with who and why. */
export function SessionHistory({ session }: { session: SessionRow }) {
  const done = finalizedBy(session);
  const events = session.history;
  return (
    <>
      {done ? (
        <p className="session-notice" role="note">
          <strong>Finalized</strong> on {when(done.at)}
          {done.by ? ` by ${done.by}` : ''}. Votes and decisions are read-only
          {session.record ? ', and every view and the decision book show the session as it was finalized' : ''}; reopen the session with a reason to change them.
        </p>
      ) : null}
      {events.length > 0 ? (
        // Open when the session was ever reopened: that history is what a reader checks first.
        <details className="session-history-details" open={events.some((e) => e.action === 'reopened')}>
          <summary>History of this session ({plural(events.length, 'event')})</summary>
          <ul className="session-history">
            {events.map((e, i) => (
              <li key={i}>
                {EVENT_TEXT[e.action]} on {when(e.at)} by {e.by}
                {e.reason ? `: ${e.reason}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export function SessionHeader({ data, onAsk }: { data: SessionData; onAsk: (what: Exclude<Pending, null>) => void }) {
  const { session } = data;
  const announce = useUiStore((s) => s.announce);
  const finalized = session.status === 'finalized';
  const decided = session.candidateIds.filter((id) => data.decisions.some((d) => d.candidateId === id)).length;
  const total = session.candidateIds.length;
  // Those decided in another session hold the finalize back until taken out (take-out.tsx, offered outside connected sessions).
  const undecided = finalized || data.connected ? [] : session.candidateIds.filter((id) => !data.decisions.some((d) => d.candidateId === id));
  const elsewhere = useDecidedElsewhereCount(session.id, undecided) ?? 0;
  const chair = session.members.find((m) => m.role === 'chair');
  const lastReopen = [...session.history].reverse().find((e) => e.action === 'reopened');
  // Finalize and Reopen… replace each other: the focus, fallen to the page with the dialog's opener, goes to the one
  // now shown (it went to the Votes heading, which finalizing's reveal of the pre-votes claims).
  const action = useRef<HTMLButtonElement>(null);
  useFocusKept(action, session.status);

  async function hideNames() {
    try {
      announce(hiddenText(await commands.setBlind(session.id, true, new Date().toISOString())));
    } catch (error) {
      announce(couldNot('hide names', error), 'error');
    }
  }

  // A member's app in a connected session follows the chair: it is offered none of the chair's actions.
  const follows = followsChair(data.connected);
  const actions = follows ? null : finalized ? (
    <button type="button" className="button button-secondary" ref={action} onClick={() => onAsk('reopen')}>
      Reopen…
    </button>
  ) : (
    <>
      {connectedEditRefusal(data.connected?.connection.identity, session.members) ? null : (
        // The name, committee and timebox (edit-session-form.tsx); in a connected session the chair's app sends the change.
        <a className="button button-secondary" href={hrefFor('calibration', session.id, 'edit')}>
          Edit details
        </a>
      )}
      {session.blind ? (
        <button type="button" className="button button-secondary" onClick={() => onAsk('reveal')}>
          Reveal names
        </button>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => void hideNames()}>
          Hide names
        </button>
      )}
      <button type="button" className="button button-primary" ref={action} onClick={() => onAsk('finalize')} disabled={decided < total || total === 0} aria-describedby="session-finalize-hint">
        Finalize
      </button>
    </>
  );

  return (
    <>
      <p className="breadcrumb">
        <a href={hrefFor('calibration')}>← All sessions</a>
      </p>
      <PageHeader
        title={session.name}
        subtitle={
          <>
            <span className={`status status-${session.status}`}>{STATUS_LABEL[session.status]}</span> · {data.cycle.name} · {plural(total, 'candidate')} · {decided} decided ·{' '}
            {session.blind ? 'Blind: pseudonyms shown' : 'Names shown'}
          </>
        }
        actions={actions}
      />
      <p className="session-committee">
        Committee: {session.members.map((m) => `${m.name} (${ROLE_IN_SENTENCE[m.role]})`).join(', ')}
        {!finalized && chair ? <span className="muted"> · the chair, {chair.name}, {follows ? 'hides or reveals names, records the decisions and finalizes; this app follows.' : 'reveals names and finalizes.'}</span> : null}
      </p>
      <RecordingAs />
      {finalized || follows ? null : (
        <p className="field-hint" id="session-finalize-hint">
          {decided < total ? `Finalize is available once every candidate has a decision: ${decided} of ${total} decided.` : 'Every candidate has a decision; the session can be finalized.'}
          {elsewhere > 0 ? ` ${elsewhere === 1 ? '1 of them was' : `${elsewhere} of them were`} decided in another session: take ${elsewhere === 1 ? 'that candidate' : 'them'} out of this one from ${elsewhere === 1 ? 'their' : 'each one’s'} review.` : null}
        </p>
      )}
      {!finalized && (lastReopen || session.reopenReason) ? (
        <p className="session-notice" role="note">
          <strong>Reopened</strong>
          {lastReopen ? ` on ${when(lastReopen.at)} by ${lastReopen.by}` : ''}: {lastReopen?.reason ?? session.reopenReason}
        </p>
      ) : null}
      <SessionHistory session={session} />
    </>
  );
}
