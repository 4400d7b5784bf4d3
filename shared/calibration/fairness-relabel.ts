/**
 * Group names as a reader sees them (blind mode: pseudonyms), applied to the
 * whole promotion model including its sentences, so the printed book and the
 * screen name groups the same way. The sentences start with the group's own
 * name and name the reference in parentheses; those are the only places.
 */
import type { AttributeFairness, FairnessStatus, PromotionFairness } from './fairness';
import type { FairnessMetric } from './fairness-readiness';

export type GroupLabel = (group: string) => string;

function relabelRule(rule: string, group: string, reference: string | null, label: GroupLabel): string {
  let out = rule.startsWith(`${group}:`) ? `${label(group)}:${rule.slice(group.length + 1)}` : rule;
  if (reference !== null) out = out.split(`(${reference})`).join(`(${label(reference)})`);
  return out;
}

export function relabelPromotion(p: PromotionFairness, label: GroupLabel): PromotionFairness {
  const statusGroups = Object.fromEntries(Object.entries(p.statusGroups).map(([k, v]) => [k, v.map(label)])) as Record<FairnessStatus, string[]>;
  return {
    ...p,
    reference: p.reference === null ? null : label(p.reference),
    statusGroups,
    groups: p.groups.map((g) => ({ ...g, group: label(g.group), rule: relabelRule(g.rule, g.group, p.reference, label) })),
  };
}

export function relabelReadiness(m: FairnessMetric, label: GroupLabel): FairnessMetric {
  return {
    ...m,
    reference: m.reference === null ? null : label(m.reference),
    series: m.series.map((s) => ({ ...s, group: label(s.group), rule: relabelRule(s.rule, s.group, m.reference, label) })),
  };
}

export function relabelAttribute(a: AttributeFairness, label: GroupLabel): AttributeFairness {
  return { ...a, promotion: relabelPromotion(a.promotion, label), readiness: relabelReadiness(a.readiness, label) };
}
