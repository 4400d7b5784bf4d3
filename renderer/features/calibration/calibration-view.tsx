/**
 * Calibration: for the committee chair. Routes inside the section:
 * - `#/calibration`: the sessions of the active cycle, with who sits on each
 *   and how many candidates it reviews, and "New session";
 * - `#/calibration/new`: the form for a new session;
 * - `#/calibration/<sessionId>[/<tab>]`: the session page, on the review tab
 *   (presenter mode) unless another tab is named;
 * - `#/calibration/<sessionId>/present`: the full-screen presenter, which the
 *   app shell shows without its sidebar (isFullScreenRoute);
 * - `#/calibration/<sessionId>/edit`: the chair's edit of a live session's
 *   name, committee and timebox.
 */
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useCycleSessions } from '../../db/cycle-hooks';
import { useCycleContext } from '../../db/use-cycle-context';
import { NoCycle } from '../no-cycle';
import { STATUS_LABEL, plural } from './session/labels';
import { NewSessionForm } from './session/new-session-form';
import { FullScreenPresenterPage } from './session/presenter-full';
import { EditSessionPage } from './session/edit-session-form';
import { SessionPage } from './session/session-page';
import { isSessionTab } from './session/session-tabs';

function SessionList() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const sessions = useCycleSessions(cycleId);
  if (context === undefined || (context && sessions === undefined)) return <Loading what="sessions" />;
  if (context === null || !sessions) return <NoCycle what="calibration sessions" />;
  const newButton = (
    <a className="button button-primary" href={hrefFor('calibration', 'new')}>
      New session
    </a>
  );
  return (
    <>
      <PageHeader title="Calibration" subtitle={`${context.cycle.name} · ${plural(sessions.length, 'session')}`} actions={sessions.length > 0 ? newButton : undefined} />
      {sessions.length === 0 ? (
        <EmptyState title="No calibration sessions yet" action={newButton}>
          <p>A session is where the committee reviews candidates against the level criteria, votes and decides. Sessions review submitted packets.</p>
        </EmptyState>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Calibration sessions</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Committee</th>
              <th scope="col" className="num">
                Candidates
              </th>
              <th scope="col" className="num">
                Decided
              </th>
              <th scope="col" className="num">
                Timebox
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={hrefFor('calibration', s.id)}>{s.name}</a>
                  {s.blind ? <span className="tag">Blind</span> : null}
                </td>
                <td>{s.members.map((m) => m.name).join(', ') || '—'}</td>
                <td className="num">{s.candidateIds.length}</td>
                <td className="num">{s.decided}</td>
                <td className="num">{s.timeboxMinutes} min</td>
                <td>
                  <span className={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function CalibrationView({ params = [] }: { params?: string[] }) {
  const [first, second] = params;
  if (!first) return <SessionList />;
  if (first === 'new') return <NewSessionForm />;
  if (second === 'present') return <FullScreenPresenterPage key={first} sessionId={first} />;
  if (second === 'edit') return <EditSessionPage key={first} sessionId={first} />;
  return <SessionPage key={first} sessionId={first} tab={isSessionTab(second) ? second : 'review'} />;
}
