/**
 * Confirming that a cycle moves to another version of its framework. Before
 * the move, it says which criteria the new version drops that the cycle's
 * evidence links to (shared/frameworks/versions.ts criteriaLeftBehind): those
 * links stay on the items but no longer count, and the codes of the criteria
 * left may name others in the new version. It said only that kept criteria
 * keep their links, and a trial lost a criterion's evidence without a word.
 * A cycle with a packet submitted or a decision recorded does not move
 * (cycleMoveRefusal): it says why in place of the Move button.
 */
import { useEffect, useRef, useState } from 'react';
import { useFocusIfLost } from '../../components/use-focus-kept';
import type { Cycle, Framework } from '../../../shared/domain';
import type { CriterionLeft } from '../../../shared/frameworks/versions';
import { plural } from '../../../shared/util/plural';
import { couldNot } from '../../../shared/util/error-message';
import { queries } from '../../db/queries';

export function MoveCycleConfirm({ cycle, from, to, onMove, onCancel }: { cycle: Cycle; from: Framework; to: Framework; onMove: () => void; onCancel: () => void }) {
  const [check, setCheck] = useState<{ refusal: string | null; left: CriterionLeft[] } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    queries.criteriaLostByMove(cycle.id, to.id).then(
      (found) => live && setCheck(found),
      (error: unknown) => live && setCheck({ error: couldNot('check the cycle’s evidence', error) }),
    );
    return () => {
      live = false;
    };
  }, [cycle.id, to.id]);
  const left = check && 'left' in check ? check.left : undefined;
  // It replaces the Move button that held the focus: the focus comes here, not to the page (a keyboard re-test).
  const group = useRef<HTMLDivElement>(null);
  useFocusIfLost(group);
  const refusal = check && 'refusal' in check ? check.refusal : null;
  const ready = check !== undefined && !('error' in check) && !refusal;
  // One element for every state, the Keep button last in each: a Keep focused while the check ran stays the same button.
  return (
    <div className="confirm-row" role="group" aria-label={`Moving ${cycle.name} to v${to.version}`} ref={group} tabIndex={-1}>
      {check === undefined ? (
        <p className="muted" role="status">
          Checking {cycle.name} against v{to.version}…
        </p>
      ) : 'error' in check ? (
        <p role="alert">{check.error}</p>
      ) : refusal ? (
        <p role="alert">{refusal}</p>
      ) : (
        <MoveDetails cycle={cycle} from={from} to={to} left={left ?? []} />
      )}
      {ready ? (
        <button type="button" className="button button-primary" onClick={onMove}>
          Move cycle
        </button>
      ) : null}
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Keep v{from.version}
      </button>
    </div>
  );
}

/** What the move does, and the criteria the new version drops that the cycle's evidence links to. */
function MoveDetails({ cycle, from, to, left }: { cycle: Cycle; from: Framework; to: Framework; left: CriterionLeft[] }) {
  return (
    <>
      <p>
        Move <strong>{cycle.name}</strong> from v{from.version} to v{to.version}? Nothing of it is submitted yet: its draft packets are then judged against this version's criteria;
        criteria kept from v{from.version} keep their evidence links and ratings. Version {to.version} becomes frozen.
      </p>
      {left.length > 0 ? (
        <div role="note" className="move-cycle-loss">
          <p>
            <strong>
              v{to.version} drops {plural(left.length, 'criterion', 'criteria')} that evidence in this cycle links to.
            </strong>{' '}
            Those links, and draft ratings of them, stay on the items and packets but count for nothing after the move; link the items to v{to.version}’s criteria again.
          </p>
          <ul>
            {left.map((c) => (
              <li key={c.code}>
                {c.code} (in v{from.version}) “{c.text}”: {plural(c.evidence, 'evidence item')} of {plural(c.candidates, 'candidate')}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">Every criterion the cycle’s evidence links to is kept in v{to.version}.</p>
      )}
    </>
  );
}
