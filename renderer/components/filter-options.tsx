/**
 * The options of a filter's select: the "any" choice (an empty value that
 * keeps nothing out) first, then each value under its label, so the
 * heatmap's and the new-session form's manager and team filters list them
 * the same way (and the packets list's status, manager and target level).
 * FilterSelect is the whole field: its label, wrapping the select.
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

/** A filter field: the label (wrapping, so a click on it focuses the select), then the select with "any" first. */
export function FilterSelect(props: { label: string; any: string; value: string; options: readonly FilterOption[]; onChange: (value: string) => void; className?: string }) {
  return (
    <label className={props.className}>
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <FilterOptions any={props.any} options={props.options} />
      </select>
    </label>
  );
}
