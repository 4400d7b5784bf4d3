/**
 * The options of a filter's select: the "any" choice (an empty value that
 * keeps nothing out) first, then each value under its label, so the
 * heatmap's and the new-session form's manager and team filters list them
 * the same way (and the packets list's status, manager and target level).
 * FilterSelect is the whole field: its label and the select.
 */
import { useId } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

function FilterOptions({ any, options }: { any: string; options: readonly FilterOption[] }) {
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

/**
 * A filter field: its label, tied to the select by id, then the select with "any" first. Not a label wrapping the
 * select: a tool that names a field by its label's text (Playwright's getByLabel) then reads every option into the
 * name, so "Manager" also found a level filter listing "Engineering Manager". `className` is the page's field style.
 */
export function FilterSelect(props: { label: string; any: string; value: string; options: readonly FilterOption[]; onChange: (value: string) => void; className: string }) {
  const id = useId();
  return (
    <span className={props.className}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <FilterOptions any={props.any} options={props.options} />
      </select>
    </span>
  );
}
