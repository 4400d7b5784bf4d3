/**
 * The printed packet says what the packet page says (a trial as a manager and a chair, session 37): each criterion's
 * code and the manager's note beside the rating, an item dated outside the evidence window marked as not counting,
 * the cited evidence whole (description and links), the role, the time in level and a track switch. Before, the
 * print dropped the notes, listed an out-of-window item like any other and gave no codes for the case to cite.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, Packet } from '../../../shared/domain';
import { packetPrintModel } from '../../../shared/export/packet-print';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 40, seed: 3 });
const { framework, cycle } = sample;
const showDate = (iso: string) => `day ${iso.slice(0, 10)}`;
const packetOf = (candidateId: string) => sample.packets.filter((p) => p.candidateId === candidateId).sort((a, b) => b.revision - a.revision)[0]!;
const candidate = sample.candidates.find((c) => { const p = sample.packets.find((x) => x.candidateId === c.id); return p && p.targetLevelId && framework.levels.find((l) => l.id === p.targetLevelId)?.trackId === framework.levels.find((l) => l.id === c.currentLevelId)?.trackId; })!;
const base = packetOf(candidate.id);
const criteria = framework.criteria.filter((c) => c.levelId === base.targetLevelId);
const level = framework.levels.find((l) => l.id === base.targetLevelId)!;
const NOTE = 'Partly: the roadmap change came from her lead, not from her.';
const before = new Date(Date.parse(cycle.evidenceFrom) - 40 * 86_400_000).toISOString().slice(0, 10);
const old: Evidence = {
  ...sample.evidence.find((e) => e.candidateId === candidate.id)!,
  id: 'ev-before-window', title: 'Migration plan (before the window)', date: before, description: 'Line one\n<script>alert(1)</script> ✓', links: ['https://example.org/ü?b=<x>'], criterionIds: [criteria[1]!.id], kind: 'design', source: 'peer',
};
const packet: Packet = { ...base, status: 'draft', snapshot: null, submittedAt: null, assessments: { ...base.assessments, [criteria[1]!.id]: { rating: 'partially', note: NOTE } } };
const evidence = [...sample.evidence.filter((e) => e.candidateId === candidate.id), old];

describe('the printed packet', () => {
  const m = packetPrintModel({ candidate, packet, cycle, framework, evidence, showDate });

  it('gives every criterion of the target level its code, in the level’s order, and the note beside its rating', () => {
    expect(m.criteria.map((c) => c.code)).toEqual(criteria.map((_, i) => `${level.code}.${i + 1}`));
    expect(m.criteria.map((c) => c.text)).toEqual(criteria.map((c) => c.text));
    const second = m.criteria[1]!;
    expect(second.rating).toBe('Partially');
    expect(second.note).toBe(NOTE);
    expect(second.counts).toBe(false);
  });

  it('marks an item dated outside the evidence window, where a criterion lists it and in the evidence cited', () => {
    const linked = m.criteria[1]!.evidence.find((e) => e.title === old.title)!;
    expect(linked.outside).toContain('outside the evidence window');
    expect(linked.outside).toContain(showDate(before));
    expect(m.criteria[1]!.evidence.filter((e) => e.title !== old.title).every((e) => e.outside === null)).toBe(true);
    const item = m.evidence.find((e) => e.id === old.id)!;
    expect(item.outside).toBe(true);
    expect(item.line).toContain('does not count');
    expect(item.line).toContain('Design');
    expect(item.line).toContain('from a peer');
  });

  it('prints each cited item once, whole: its description as written and its links as text', () => {
    const item = m.evidence.find((e) => e.id === old.id)!;
    expect(item.description).toBe(old.description);
    expect(item.links).toEqual(old.links);
    expect(item.criteria).toEqual([`${level.code}.2`]);
    expect(new Set(m.evidence.map((e) => e.id)).size).toBe(m.evidence.length);
    // Oldest first.
    const days = m.evidence.map((e) => e.line.slice(0, 14));
    expect(days).toEqual([...days].sort());
  });

  it('names the role, the time in level, the window and a draft as not submitted', () => {
    const facts = Object.fromEntries(m.facts.map((f) => [f.term, f.detail]));
    expect(facts['Manager']).toBe(candidate.manager);
    if (candidate.role) expect(facts['Role']).toBe(candidate.role);
    expect(facts['Time in level']).toMatch(/month|year/);
    expect(facts['Evidence window']).toContain(showDate(cycle.evidenceFrom));
    expect(m.kicker).toContain('draft, not submitted');
    expect(m.trackSwitch).toBeNull();
    expect(m.confidentiality).not.toContain('decisions');
  });

  it('says when the target is on another track', () => {
    const manager = framework.levels.find((l) => l.trackId !== framework.levels.find((x) => x.id === candidate.currentLevelId)!.trackId)!;
    const switched = packetPrintModel({ candidate: { ...candidate, targetLevelId: manager.id }, packet: { ...packet, targetLevelId: manager.id }, cycle, framework, evidence, showDate });
    expect(switched.trackSwitch).toMatch(/^Track switch: .+ to .+$/);
    expect(switched.levels).toContain(`→ ${manager.code} ${manager.title}`);
  });

  it('prints a submitted revision with the evidence frozen at its submission', () => {
    const submitted = packetOf(sample.packets.find((p) => p.status === 'submitted' && p.snapshot)!.candidateId);
    const who = sample.candidates.find((c) => c.id === submitted.candidateId)!;
    const renamed = sample.evidence.filter((e) => e.candidateId === who.id).map((e) => ({ ...e, title: `${e.title} (edited later)` }));
    const printed = packetPrintModel({ candidate: who, packet: submitted, cycle, framework, evidence: renamed, showDate });
    expect(printed.evidence.length).toBeGreaterThan(0);
    expect(printed.evidence.every((e) => !e.title.endsWith('(edited later)'))).toBe(true);
    expect(printed.kicker).toContain('submitted');
  });
});
