import { commands } from '../db/commands';
import { useCycles, useActiveCycle } from '../db/hooks';

/** Chooses the cycle every cycle view shows; the choice is stored with the data. */
export function CycleSwitcher() {
  const cycles = useCycles();
  const active = useActiveCycle();
  if (!cycles || cycles.length === 0)
    return (
      <p className="cycle-none">
        No cycle yet · <a href="#/cycles">New cycle</a>
      </p>
    );
  return (
    <div>
    <label className="cycle-switcher">
      <span>Cycle</span>
      <select value={active?.id ?? ''} onChange={(e) => void commands.setActiveCycle(e.target.value)}>
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
    <a className="sidebar-link" href="#/cycles">
      Manage cycles
    </a>
    </div>
  );
}
