/**
 * One table of a fairness model's groups, for the screen and for the
 * decision book alike: promotion by group (the fairness view, the book's
 * fairness page) and put forward by managers (the nomination section, on
 * screen and in the book). Same columns, figures and words in all four;
 * only the layout differs by medium: on screen each row's "why" is an
 * Explain button and missing figures are dimmed; on paper the figures are
 * plain text and the "why" sentences print under the table. Every figure
 * is the model's own text (shared/calibration/fairness-format.ts).
 */
import type { ReactNode } from 'react';
import type { FairnessStatus, GroupFairness, PromotionFairness } from '../../../../shared/calibration/fairness';
import { Explain } from './explain';

export type GroupTableKind = 'promotion' | 'nomination';

const KINDS: Record<GroupTableKind, { counts: string; rate: string; asides: boolean; why: string }> = {
  promotion: { counts: 'Promoted of n', rate: 'Rate (95% interval)', asides: true, why: 'promotion figures' },
  nomination: { counts: 'Put forward of candidates', rate: 'Share (95% interval)', asides: false, why: 'put-forward figures' },
};

const STATUS_CLASS: Record<FairnessStatus, string> = { adverse: 'cv-flag cv-flag-impact', 'too-few': 'cv-flag cv-flag-lenient', significant: 'cv-flag cv-flag-strict' };

/** A group's status in words (the model's statusText), with how many more would reach 0.8; the ⚑ of an adverse one is apart. */
const statusWords = (g: GroupFairness & { status: FairnessStatus }) => `${g.statusText ?? ''}${g.status === 'too-few' && g.toLift !== null ? ` (${g.toLift} more would reach 0.8)` : ''}`;

/** A group's status on screen: the label, flagged ⚑ when adverse, with how many more would reach 0.8. */
export function StatusText({ g }: { g: GroupFairness }) {
  if (g.status === null) return g.reference ? <span className="tag">reference</span> : null;
  return (
    <span className={STATUS_CLASS[g.status]}>
      {g.status === 'adverse' ? <span aria-hidden="true">⚑ </span> : null}
      {statusWords({ ...g, status: g.status })}
    </span>
  );
}

/** The same words as plain text, for paper. */
export function statusText(g: GroupFairness): string {
  if (g.status === null) return g.reference ? 'reference' : '';
  return `${g.status === 'adverse' ? '⚑ ' : ''}${statusWords({ ...g, status: g.status })}`;
}

/** A figure and, in brackets, its interval (or its Holm-adjusted p): views.css keeps that on one line (never broken at an interval's dash) and, on a narrow window, under the figure. */
const withInterval = (figure: string, interval: string): ReactNode => (
  <>
    {figure} <span className="cv-interval">({interval})</span>
  </>
);

/** The figure cells of a shown group, between its name and its status; `dash` stands in for a missing figure. */
function figures(g: GroupFairness & { counts: NonNullable<GroupFairness['counts']> }, asides: boolean, dash: ReactNode): ReactNode[] {
  return [
    <>
      {g.counts.promoted} of {g.counts.n}
    </>,
    ...(asides ? [g.text.deferred, g.text.undecided] : []),
    g.rate === null ? dash : withInterval(g.text.rate, g.text.rateInterval),
    g.impactRatio === null ? dash : g.reference ? g.text.impactRatio : withInterval(g.text.impactRatio, g.text.ratioInterval),
    g.p === null ? dash : withInterval(g.text.p, g.text.pAdjusted),
  ];
}

interface Props {
  kind: GroupTableKind;
  title: string;
  fairness: PromotionFairness;
  /** The decision book's layout. */
  print?: boolean;
  /** Printed between the caption and the table (the book's rate chart). */
  chart?: ReactNode;
  /** On screen, the reference and overall-test note under the table (always printed on paper). */
  note?: boolean;
}

export function GroupTable({ kind, title, fairness, print = false, chart, note = false }: Props) {
  const k = KINDS[kind];
  const heads = [k.counts, ...(k.asides ? ['Deferred', 'Undecided'] : []), k.rate, 'Impact ratio (95% interval)', 'p (Holm)'];
  const reference = (
    <>
      {fairness.noReference ?? `Reference: ${fairness.reference ?? '—'}.`} {fairness.omnibusNote}
    </>
  );
  if (print) {
    return (
      <figure>
        <figcaption>{title}</figcaption>
        {chart}
        <table className="print-table">
          <thead>
            <tr>
              {['Group', ...heads, 'Status'].map((h) => (
                <th key={h} className={h === 'Group' ? 'print-group' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fairness.groups.map((g) => (
              <tr key={g.group}>
                <td className="words">{g.group}</td>
                {g.suppressed || g.counts === null ? (
                  <td colSpan={heads.length + 1}>{g.hiddenLabel}: not shown</td>
                ) : (
                  <>
                    {figures({ ...g, counts: g.counts }, k.asides, '—').map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                    <td>{statusText(g)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="print-rule">
          {fairness.groups.map((g) => (
            <li key={g.group}>{g.rule}</li>
          ))}
        </ul>
        <p className="print-rule">{reference}</p>
      </figure>
    );
  }
  const none = <span className="cv-none">—</span>;
  return (
    <div className="cv-table-wrap">
      <table className="data-table cv-table cv-fairness-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {heads.map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {fairness.groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{g.group}</th>
              {g.suppressed || g.counts === null ? (
                <td colSpan={heads.length}>
                  <span className="cv-none">{g.hiddenLabel}</span>
                </td>
              ) : (
                figures({ ...g, counts: g.counts }, k.asides, none).map((cell, i) => (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ))
              )}
              <td className="cv-flag-cell">
                {g.suppressed || g.counts === null ? <span className="cv-none">not shown</span> : <StatusText g={g} />} <Explain what={`${k.why} for ${g.group}`} rule={g.rule} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="cv-rule-note">{reference}</p> : null}
    </div>
  );
}
