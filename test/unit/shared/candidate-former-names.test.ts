/**
 * A candidate renamed after their packet was written (or their manager or team changed) is still named the old way in
 * the submitted text. A blind session withheld only the current names: a new-user trial renamed "Nadia Quist" to
 * "Dana Kvist" and her manager "Priya Raman" to "P. Okafor" after submitting, and the blind committee read
 * "[name withheld] Quist wrote…", the session's title with the surnames in it, and "Ask Pistachio Kingfisher Raman":
 * the former manager's first name given another candidate's pseudonym (Priya Demir's). The candidate row now keeps the
 * names it went by (candidate-names.ts), and the redaction withholds them.
 */
import { describe, expect, it } from 'vitest';
import { WITHHELD, blindCandidate, sessionRedaction, shownSessionName } from '../../../shared/calibration/blind';
import { CandidateSchema, type Candidate, type Session } from '../../../shared/domain';
import { withFormerNames } from '../../../shared/rules/candidate-names';

const AT = '2026-11-01T10:00:00.000Z';
function candidate(id: string, name: string, manager: string, team: string, formerly?: Candidate['formerly']): Candidate {
  return { id, cycleId: 'cy', name, role: 'Engineer', team, manager, currentLevelId: 'l2', targetLevelId: 'l3', timeInLevelMonths: 12, groups: {}, archived: false, createdAt: AT, updatedAt: AT, ...(formerly ? { formerly } : {}) };
}
const session = (candidateIds: string[], name = 'Week 1'): Session => ({
  id: 's1', cycleId: 'cy', name, members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds, orderMode: 'by-level',
  timeboxMinutes: 10, blind: true, status: 'live', finalizedAt: null, reopenReason: '', revealedPreVotes: [], record: null, history: [], createdAt: AT, updatedAt: AT,
});

describe('withFormerNames', () => {
  it('keeps each earlier name, manager and team once, never the current one', () => {
    const first = candidate('c1', 'Nadia Quist', 'Priya Raman', 'Platform');
    const renamed = withFormerNames({ ...first, name: 'Dana Kvist', manager: 'P. Okafor' }, first);
    expect(renamed.formerly).toEqual({ name: ['Nadia Quist'], manager: ['Priya Raman'], team: [] });
    // Renamed back and forth: each name once, and the name in use is not "former".
    const back = withFormerNames({ ...renamed, name: 'nadia  quist' }, renamed);
    expect(back.formerly).toEqual({ name: ['Dana Kvist'], manager: ['Priya Raman'], team: [] });
    const again = withFormerNames({ ...back, name: 'Dana Kvist', team: 'Core' }, back);
    expect(again.formerly).toEqual({ name: ['nadia  quist'], manager: ['Priya Raman'], team: ['Platform'] });
    // The row stays valid under the schema, which a bundle and a backup check.
    expect(CandidateSchema.parse(again).formerly).toEqual(again.formerly);
  });

  it('adds nothing to a candidate never renamed, or on creation', () => {
    const first = candidate('c1', 'Nadia Quist', 'Priya Raman', 'Platform');
    expect('formerly' in withFormerNames({ ...first, role: 'Staff' }, first)).toBe(false);
    expect('formerly' in withFormerNames(first, undefined)).toBe(false);
  });

  it('keeps the newest when the list is full', () => {
    let c = candidate('c1', 'Name 0', 'M', '');
    for (let i = 1; i <= 60; i++) c = withFormerNames({ ...c, name: `Name ${i}` }, c);
    expect(c.formerly!.name).toHaveLength(50);
    expect(c.formerly!.name.at(-1)).toBe('Name 59');
    expect(c.formerly!.name[0]).toBe('Name 10');
  });
});

describe('a blind session and a renamed candidate', () => {
  const before = candidate('c1', 'Nadia Quist', 'Priya Raman', 'Platform');
  const nadia = withFormerNames({ ...before, name: 'Dana Kvist', manager: 'P. Okafor' }, before);
  const priya = candidate('c2', 'Priya Demir', 'Jordan Lee', 'Growth');
  const s = session(['c1', 'c2'], 'IC4 review incl. Nadia Quist (Priya Raman team)');
  const r = sessionRedaction(s, [nadia, priya]);

  it('withholds the names the candidate and their manager went by in text written before the edit', () => {
    const summary = 'Nadia Quist drove the migration. N. Quist also set alert rules. Ask Priya Raman or Quist directly.';
    const shown = r.text(summary);
    for (const name of ['Nadia', 'Quist', 'Raman']) expect(shown).not.toContain(name);
    // The renamed candidate's old name is her pseudonym; the former manager's is a manager's, not the other Priya's.
    expect(shown).toContain(`${r.names.candidate('c1')} drove the migration`);
    expect(shown).toContain(`Ask ${r.names.manager('Priya Raman')} or ${r.names.candidate('c1')} directly`);
    expect(shown).not.toContain(r.names.candidate('c2'));
    // "Priya" alone now belongs to two people: named as neither.
    expect(r.text('Priya agreed.')).toBe(`${WITHHELD} agreed.`);
  });

  it('withholds them in the session’s name, and does not carry them on the blind row', () => {
    expect(r.title(s.name)).toBe(`IC4 review incl. ${WITHHELD} (${WITHHELD} team)`);
    expect(shownSessionName(s, [nadia, priya])).toBe(`IC4 review incl. ${WITHHELD} (${WITHHELD} team)`);
    const row = blindCandidate(nadia, r);
    expect(JSON.stringify(row)).not.toMatch(/Nadia|Quist|Priya|Raman|Kvist|Okafor/);
  });

  it('withholds the former names of a cycle candidate outside the session', () => {
    const outside = sessionRedaction(session(['c2']), [priya], [nadia]);
    expect(outside.text('Compared with Nadia Quist, managed by Priya Raman.')).toBe(`Compared with ${WITHHELD}, managed by ${WITHHELD}.`);
  });
});

describe('a name shortened with an initial', () => {
  const c = candidate('c1', 'Nadia Quist', 'Priya Raman', 'Platform');
  const other = candidate('c2', 'Nadia Quinn', 'Jordan Lee', 'Growth');
  const r = sessionRedaction(session(['c1', 'c2']), [c, other]);

  it('is replaced whole, initial included', () => {
    expect(r.text('N. Quist also set alert rules with Priya R. and P. Raman.')).toBe(`${r.names.candidate('c1')} also set alert rules with ${r.names.manager('Priya Raman')} and ${r.names.manager('Priya Raman')}.`);
  });

  it('is withheld when two people shorten the same way', () => {
    expect(r.text('Nadia Q. reviewed it.')).toBe(`${WITHHELD} reviewed it.`);
    expect(r.text('N. Quinn reviewed it.')).toBe(`${r.names.candidate('c2')} reviewed it.`);
  });
});
