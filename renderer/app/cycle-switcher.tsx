import { useCycles, useActiveCycle } from '../db/hooks';

/** The write path (with its validation) is loaded on first use, so the startup chunk does not carry it. */
async function setActiveCycle(id: string): Promise<void> {
  const { commands } = await import('../db/commands');
  await commands.setActiveCycle(id);
}

/** Chooses the cycle every cycle view shows; the choice is stored with the data. */
export function CycleSwitcher() {
  const cycles = useCycles();
  const active = useActiveCycle();
  // Nothing while the cycles are read: "No cycle yet" would be wrong for a moment.
  if (cycles === undefined) return null;
  if (cycles.length === 0)
    return (
      <p className="cycle-none">
        No cycle yet · <a href="#/cycles/new">New cycle</a>
      </p>
    );
  return (
    <div>
    <label className="cycle-switcher">
      <span>Cycle</span>
      <select value={active?.id ?? ''} title={active?.name} onChange={(e) => void setActiveCycle(e.target.value)}>
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
