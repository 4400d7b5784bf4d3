/**
 * The options of a filter's select: the "any" choice (an empty value that
 * keeps nothing out) first, then each value under its label, so the
 * heatmap's and the new-session form's manager and team filters list them
 * the same way (and the packets list's status, manager and target level).
 */
export interface FilterOption {
  value: string;
  label: string;
}

export function FilterOptions({ any, options }: { any: string; options: readonly FilterOption[] }) {
  return (
    <>
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
