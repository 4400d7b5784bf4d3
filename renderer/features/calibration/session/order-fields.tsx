/** The new session's review order: by level, or shuffled (the shuffled order is what is stored, re-drawn on request). */
import { useId } from 'react';

export type OrderChoice = 'by-level' | 'shuffled';

export function OrderFields({ order, setOrder, reshuffle, blind }: { order: OrderChoice; setOrder: (order: OrderChoice) => void; reshuffle: () => void; blind: boolean }) {
  const name = `${useId()}-order`;
  return (
    <fieldset className="session-fieldset">
      <legend>Order</legend>
      <label className="checkbox">
        <input type="radio" name={name} checked={order === 'by-level'} onChange={() => setOrder('by-level')} />
        By level (track, then level, then {blind ? 'pseudonym, so the order says nothing about names' : 'name'})
      </label>
      <label className="checkbox">
        <input type="radio" name={name} checked={order === 'shuffled'} onChange={() => setOrder('shuffled')} />
        Shuffled, so no one is always discussed first or last
      </label>
      {order === 'shuffled' ? (
        <p className="field-hint">
          The shuffled order is stored with the session and stays the same after a reload.{' '}
          <button type="button" className="button button-small" onClick={reshuffle}>
            Shuffle again
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
