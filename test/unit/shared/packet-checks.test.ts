/**
 * Packet checks, each shown firing and not firing, and canSubmit.
 *
 * The example: target level IC3 with criteria c1..c4, evidence window
 * 2025-10-01..2026-09-30. The "good" packet has evidence for every
 * criterion in two quarters (2025-Q4 and 2026-Q2) and a concrete summary,
 * so it produces no checks at all; each test breaks one thing.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../shared/domain/candidate';
import type { Cycle } from '../../../shared/domain/cycle';
import type { Evidence } from '../../../shared/domain/evidence';
import type { Framework } from '../../../shared/domain/framework';
import type { Packet } from '../../../shared/domain/packet';
import { canSubmit, checksDay, packetChecks, phraseKey, summaryFindings, type PacketCheck, type PacketCheckInput } from '../../../shared/packets/checks';

const AT = '2026-10-05T09:00:00.000Z';

function level(id: string, order: number) {
  return { id, trackId: 'ic', code: id.toUpperCase(), title: id, order, summary: '', scopeDetail: '', autonomyDetail: '', definingShift: '', notYet: [], examples: [], optional: false };
}

const FRAMEWORK: Framework = {
  id: 'fw-1',
  lineageId: 'fw',
  version: 1,
  name: 'Tiny ladder',
  description: '',
  source: 'test',
  builtIn: false,
  frozen: true,
  tracks: [{ id: 'ic', name: 'IC', kind: 'ic', description: '' }],
  levels: [level('ic2', 1), level('ic3', 2)],
  competencies: [],
  criteria: [
    { id: 'c1', levelId: 'ic3', competencyId: null, text: 'Leads the technical design of a component change', examples: [] },
    { id: 'c2', levelId: 'ic3', competencyId: null, text: 'Owns the health of a component in production', examples: [] },
    { id: 'c3', levelId: 'ic3', competencyId: null, text: 'Mentors an engineer to work independently', examples: [] },
    { id: 'c4', levelId: 'ic3', competencyId: null, text: 'Decomposes an ambiguous problem into a plan others execute', examples: [] },
  ],
  equivalences: [],
  roles: [],
  createdAt: AT,
  updatedAt: AT,
};

const CYCLE: Cycle = {
  id: 'cycle-1',
  name: '2026 H2',
  opensOn: '2026-10-01',
  closesOn: '2026-12-15',
  frameworkVersionId: 'fw-1',
  evidenceFrom: '2025-10-01',
  evidenceTo: '2026-09-30',
  status: 'open',
  createdAt: AT,
  updatedAt: AT,
};

const CANDIDATE: Candidate = {
  id: 'cand-1',
  cycleId: 'cycle-1',
  name: 'Ada Example',
  role: 'Engineer',
  team: 'Payments',
  manager: 'Dana',
  currentLevelId: 'ic2',
  targetLevelId: 'ic3',
  timeInLevelMonths: 30,
  groups: {},
  archived: false,
  createdAt: AT,
  updatedAt: AT,
};

function ev(id: string, date: string, criterionIds: string[], candidateId = 'cand-1'): Evidence {
  return { id, candidateId, cycleId: 'cycle-1', title: `Evidence ${id}`, description: '', date, kind: 'project', links: [], source: 'manager', criterionIds, createdAt: AT, updatedAt: AT };
}

const CONCRETE_SUMMARY =
  'Led the design of the billing service (doc reviewed by 3 teams), ran 4 incident reviews in 2025 Q4 and 2026 Q2, and mentored two engineers who now own the on-call rotation.';

const PACKET: Packet = {
  id: 'p1',
  candidateId: 'cand-1',
  cycleId: 'cycle-1',
  targetLevelId: 'ic3',
  revision: 1,
  parentId: null,
  status: 'draft',
  assessments: { c1: { rating: 'consistently', note: '' }, c2: { rating: 'consistently', note: '' }, c3: { rating: 'partially', note: '' }, c4: { rating: 'consistently', note: '' } },
  summary: CONCRETE_SUMMARY,
  notYetDoing: 'Not yet setting direction across teams.',
  acknowledgedChecks: [],
  submittedAt: null,
  snapshot: null,
  createdAt: AT,
  updatedAt: AT,
};

// Every criterion in 2025-Q4 and 2026-Q2.
const GOOD_EVIDENCE = [ev('g1', '2025-11-10', ['c1', 'c2']), ev('g2', '2025-12-01', ['c3', 'c4']), ev('g3', '2026-05-05', ['c1', 'c2', 'c3', 'c4'])];

/** A date as a screen in an en-GB locale shows it, standing in for the renderer's formatDate. */
const SHOW_DATE = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

function input(overrides: Partial<PacketCheckInput> & { summary?: string } = {}): PacketCheckInput {
  const { summary, ...rest } = overrides;
  return {
    framework: FRAMEWORK,
    cycle: CYCLE,
    candidate: CANDIDATE,
    packet: summary === undefined ? PACKET : { ...PACKET, summary },
    evidence: GOOD_EVIDENCE,
    showDate: SHOW_DATE,
    ...rest,
  };
}

const ids = (checks: PacketCheck[]) => checks.map((c) => c.id);

describe('packetChecks', () => {
  it('finds nothing in a well-formed packet', () => {
    expect(packetChecks(input())).toEqual([]);
  });

  it('blocks on a missing target level and links to the candidate', () => {
    const checks = packetChecks(input({ packet: { ...PACKET, targetLevelId: null } }));
    expect(ids(checks)).toEqual(['no-target-level']);
    const [check] = checks;
    expect(check?.severity).toBe('blocker');
    expect(check?.fix).toEqual({ target: 'candidate', id: 'cand-1' });
    expect(check?.why).toMatch(/target level/);
  });

  it('blocks on a target level the framework does not have', () => {
    const checks = packetChecks(input({ packet: { ...PACKET, targetLevelId: 'ic9' } }));
    expect(ids(checks)).toEqual(['no-target-level']);
    expect(checks[0]?.detail).toContain('ic9');
  });

  it('blocks on zero evidence, counting only the candidate’s own, without per-criterion noise', () => {
    const checks = packetChecks(input({ evidence: [ev('other', '2026-01-10', ['c1'], 'cand-2')] }));
    expect(ids(checks)).toEqual(['no-evidence']);
    expect(checks[0]).toMatchObject({ severity: 'blocker', fix: { target: 'evidence' } });
  });

  it('lists both blockers first when the level and the evidence are missing', () => {
    const checks = packetChecks(input({ packet: { ...PACKET, targetLevelId: null, summary: 'Has been here 6 years.' }, evidence: [] }));
    expect(ids(checks)).toEqual(['no-target-level', 'no-evidence', 'tenure-argument:been here 6 years']);
  });

  it('warns about each criterion without evidence in the window and links to it', () => {
    // c4 loses its links; c3 keeps only an item from before the window.
    const evidence = [ev('g1', '2025-11-10', ['c1', 'c2']), ev('g3', '2026-05-05', ['c1', 'c2']), ev('old', '2025-06-01', ['c3'])];
    const checks = packetChecks(input({ evidence }));
    expect(ids(checks)).toEqual(['criterion-without-evidence:c3', 'criterion-without-evidence:c4', 'evidence-outside-window:old']);
    expect(checks[0]?.fix).toEqual({ target: 'criterion', id: 'c3' });
    expect(checks[0]?.detail).toContain('1 linked item, all dated outside the window 1 Oct 2025 to 30 Sept 2026');
    expect(checks[1]?.detail).toContain('no evidence is linked');
    expect(checks.every((c) => c.severity === 'warning')).toBe(true);
  });

  it('warns about evidence before and after the window, not about the boundary days', () => {
    const evidence = [...GOOD_EVIDENCE, ev('early', '2025-09-30', ['c1']), ev('first', '2025-10-01', ['c1']), ev('last', '2026-09-30', ['c1']), ev('late', '2026-10-01', ['c1'])];
    const checks = packetChecks(input({ evidence }));
    expect(ids(checks)).toEqual(['evidence-outside-window:early', 'evidence-outside-window:late']);
    expect(checks[0]?.fix).toEqual({ target: 'evidence', id: 'early' });
    expect(checks[0]?.detail).toBe('“Evidence early” is dated 30 Sept 2025, before the window opens on 1 Oct 2025. Correct the date or leave it out of the case.');
    expect(checks[1]?.detail).toBe('“Evidence late” is dated 1 Oct 2026, after the window closes on 30 Sept 2026. Correct the date or leave it out of the case.');
  });

  // A trial logged an item dated next month inside the window: it made a criterion "sustained" and raised readiness unremarked.
  it('warns about evidence dated after the day the case is judged, inside the window, and only when that day is given', () => {
    const evidence = [...GOOD_EVIDENCE, ev('ahead', '2026-06-02', ['c1']), ev('same-day', '2026-06-01', ['c2']), ev('late', '2026-10-01', ['c3'])];
    const checks = packetChecks(input({ evidence, today: '2026-06-01' }));
    // The item after the window is warned about once, as outside it.
    expect(ids(checks)).toEqual(['evidence-after-today:ahead', 'evidence-outside-window:late']);
    expect(checks[0]).toMatchObject({ severity: 'warning', fix: { target: 'evidence', id: 'ahead' } });
    expect(checks[0]?.detail).toBe('“Evidence ahead” is dated 2 Jun 2026, after 1 Jun 2026, yet it counts toward coverage and “sustained”. Correct the date, or leave it out of the case until the work is done.');
    expect(ids(packetChecks(input({ evidence })))).toEqual(['evidence-outside-window:late']);
    // A warning: submitting waits until it is acknowledged.
    expect(canSubmit(checks, ['evidence-outside-window:late']).ok).toBe(false);
    expect(canSubmit(checks, ids(checks)).ok).toBe(true);
  });

  it('judges a submitted revision on the day it was submitted, a draft on today (checksDay)', () => {
    expect(checksDay({ submittedAt: '2026-06-01T23:30:00.000Z' }, '2026-12-05T10:00:00.000Z', 'UTC')).toBe('2026-06-01');
    expect(checksDay({ submittedAt: '2026-06-01T23:30:00.000Z' }, '2026-12-05T10:00:00.000Z', 'Pacific/Auckland')).toBe('2026-06-02');
    expect(checksDay({ submittedAt: null }, '2026-12-05T10:00:00.000Z', 'UTC')).toBe('2026-12-05');
  });

  it('names every date as the app shows dates (showDate), never as stored', () => {
    const evidence = [ev('g1', '2025-11-10', ['c1', 'c2']), ev('g3', '2026-05-05', ['c1', 'c2']), { ...ev('old', '2025-06-01', ['c3']), title: 'A rock star launch' }];
    const checks = packetChecks(input({ evidence }));
    expect(ids(checks)).toEqual(['criterion-without-evidence:c3', 'criterion-without-evidence:c4', 'evidence-outside-window:old', 'vague-evidence:old:rock star']);
    expect(checks[3]?.detail).toMatch(/^In the evidence “A rock star launch” \(1 Jun 2025\): “rock star”\./);
    for (const c of checks) expect(c.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('keeps the ids a manager acknowledged whatever the date format (ids hold no message text)', () => {
    const evidence = [ev('g1', '2025-11-10', ['c1', 'c2']), ev('g3', '2026-05-05', ['c1', 'c2']), { ...ev('old', '2025-06-01', ['c3']), title: 'A rock star launch' }];
    const stored = packetChecks(input({ evidence, showDate: (date) => date }));
    const shown = packetChecks(input({ evidence }));
    expect(shown.map((c) => c.detail)).not.toEqual(stored.map((c) => c.detail));
    // The ids acknowledged before dates were shown in the user's locale, as they are stored in packets.
    expect(ids(shown)).toEqual(['criterion-without-evidence:c3', 'criterion-without-evidence:c4', 'evidence-outside-window:old', 'vague-evidence:old:rock star']);
    expect(ids(shown)).toEqual(ids(stored));
  });

  // Updated for issue 10: "one quarter" is judged per assessed criterion (it used to fire only when all evidence was in one quarter).
  it('warns about each assessed criterion whose evidence inside the window is all in one quarter', () => {
    const evidence = [ev('a', '2026-04-02', ['c1', 'c2']), ev('b', '2026-06-30', ['c3', 'c4'])];
    const checks = packetChecks(input({ evidence }));
    expect(ids(checks)).toEqual(['single-quarter:c1', 'single-quarter:c2', 'single-quarter:c3', 'single-quarter:c4']);
    expect(checks[0]?.detail).toBe(
      'IC3.1 (“Leads the technical design of a component change”) is assessed “consistently”, but its only item inside the window is dated 2026 Q2. Add evidence from another quarter, or assess it as it stands.',
    );
    expect(checks[0]?.fix).toEqual({ target: 'criterion', id: 'c1' });
  });

  it('fires "one quarter" for one criterion while the packet as a whole spans several quarters', () => {
    // c1, c2, c4 span 2025-Q4 and 2026-Q2; c3 ("partially") has two items, both in 2026-Q2.
    const evidence = [ev('g1', '2025-11-10', ['c1', 'c2', 'c4']), ev('g3', '2026-05-05', ['c1', 'c2', 'c3', 'c4']), ev('g4', '2026-06-01', ['c3'])];
    const checks = packetChecks(input({ evidence }));
    expect(ids(checks)).toEqual(['single-quarter:c3']);
    expect(checks[0]?.detail).toContain('IC3.3 (“Mentors an engineer to work independently”) is assessed “partially”, but all 2 items inside the window are dated 2026 Q2');
  });

  it('does not warn about one quarter on a criterion assessed "not yet"', () => {
    const evidence = [ev('g1', '2025-11-10', ['c1', 'c2', 'c4']), ev('g3', '2026-05-05', ['c1', 'c2', 'c3', 'c4'])];
    const packet = { ...PACKET, assessments: { ...PACKET.assessments, c3: { rating: 'not-yet' as const, note: '' } } };
    expect(ids(packetChecks(input({ packet, evidence })))).toEqual([]);
  });

  it('does not call two quarters a single quarter, nor count a quarter outside the window', () => {
    expect(ids(packetChecks(input({ evidence: [ev('a', '2026-06-30', ['c1', 'c2', 'c3', 'c4']), ev('b', '2026-07-01', ['c1', 'c2', 'c3', 'c4'])] })))).toEqual([]);
    // The second quarter here is outside the window, so inside it there is still one quarter.
    const outside = packetChecks(input({ evidence: [ev('a', '2026-06-30', ['c1', 'c2', 'c3', 'c4']), ev('z', '2026-10-02', ['c1'])] }));
    expect(ids(outside)).toEqual(['evidence-outside-window:z', 'single-quarter:c1', 'single-quarter:c2', 'single-quarter:c3', 'single-quarter:c4']);
  });

  it('blocks on a packet with nothing assessed and no summary, naming each criterion', () => {
    const checks = packetChecks(input({ packet: { ...PACKET, assessments: {}, summary: '  ' } }));
    expect(ids(checks)).toEqual(['no-summary', 'criterion-unassessed:c1', 'criterion-unassessed:c2', 'criterion-unassessed:c3', 'criterion-unassessed:c4']);
    expect(checks.every((c) => c.severity === 'blocker')).toBe(true);
    expect(checks[0]?.fix).toEqual({ target: 'summary' });
    expect(checks[2]).toMatchObject({ fix: { target: 'criterion', id: 'c2' }, detail: 'IC3.2 (“Owns the health of a component in production”) is not assessed. Choose Not yet, Partially or Consistently.' });
    expect(canSubmit(checks, ids(checks)).ok).toBe(false);
  });

  it('blocks on a single unassessed criterion', () => {
    const { c4: _dropped, ...rest } = PACKET.assessments;
    expect(ids(packetChecks(input({ packet: { ...PACKET, assessments: rest } })))).toEqual(['criterion-unassessed:c4']);
  });

  it('flags vague and tenure language in criterion notes, naming the criterion and linking to it', () => {
    const assessments = {
      ...PACKET.assessments,
      c2: { rating: 'consistently' as const, note: 'A natural leader on call.' },
      c4: { rating: 'consistently' as const, note: 'Has been here 6 years, so it is time.' },
    };
    const checks = packetChecks(input({ packet: { ...PACKET, assessments } }));
    expect(ids(checks)).toEqual(['vague-note:c2:natural leader', 'tenure-note:c4:been here 6 years']);
    expect(checks[0]).toMatchObject({ severity: 'warning', title: 'Vague language in a criterion note', fix: { target: 'criterion', id: 'c2' } });
    expect(checks[0]?.detail).toMatch(/^In the note on IC3.2 \(“Owns the health of a component in production”\): “natural leader”\. /);
    expect(checks[1]).toMatchObject({ title: 'Tenure argument in a criterion note', fix: { target: 'criterion', id: 'c4' } });
    expect(checks[1]?.why).toMatch(/Time served is not a criterion/);
  });

  it('flags vague and tenure language in evidence titles, naming the item and linking to it', () => {
    const evidence = [...GOOD_EVIDENCE, { ...ev('t1', '2026-02-10', ['c1']), title: 'Showed real leadership potential in the outage' }, { ...ev('t2', '2026-03-10', ['c2']), title: 'Five years at the company' }];
    const checks = packetChecks(input({ evidence }));
    expect(ids(checks)).toEqual(['vague-evidence:t1:leadership potential', 'tenure-evidence:t2:five years at the company']);
    expect(checks[0]).toMatchObject({ title: 'Vague language in an evidence title', fix: { target: 'evidence', id: 't1' } });
    expect(checks[0]?.detail).toMatch(/^In the evidence “Showed real leadership potential in the outage” \(10 Feb 2026\): “leadership potential”\. /);
    expect(checks[1]).toMatchObject({ title: 'Tenure argument in an evidence title', fix: { target: 'evidence', id: 't2' } });
  });

  it('flags vague language in the summary, once per phrase, and links to the summary', () => {
    const summary = 'Shows leadership potential and strategic thinking; a team player with executive presence. A team player, again.';
    const checks = packetChecks(input({ summary }));
    expect(ids(checks)).toEqual([
      'vague-summary:shows leadership potential',
      'vague-summary:strategic thinking',
      'vague-summary:team player',
      'vague-summary:executive presence',
    ]);
    expect(checks[0]).toMatchObject({ severity: 'warning', fix: { target: 'summary' }, title: 'Vague language in the summary' });
    expect(checks[0]?.why).toMatch(/gut feel/);
  });

  it.each([
    ['rock star', 'A rock star on the team.'],
    ['high potential', 'Clearly high potential.'],
    ['natural leader', 'A natural leader.'],
    ['strategic thinker', 'A strategic thinker.'],
    ['just gets it', 'She just gets it.'],
  ])('flags the vague phrase "%s"', (key, summary) => {
    expect(ids(packetChecks(input({ summary })))).toEqual([`vague-summary:${key}`]);
  });

  it.each([
    ['been here 6 years', 'She has been here 6 years.'],
    ['been with us for over five years', 'He has been with us for over five years.'],
    ['been here a long time', 'She has been here a long time and knows every system.'],
    ['been on the team for ages', 'He has been on the team for ages.'],
    ['4 years at the company', 'After 4 years at the company it is time.'],
    ['3 years at this level', 'Three projects, and 3 years at this level.'],
    ['two years in the role', 'Two years in the role now.'],
    ['10 years of experience', 'Brings 10 years of experience.'],
    ['loyal', 'She has been loyal through two reorganisations.'],
    ['loyalty', 'We should reward his loyalty.'],
    ['waited long enough', 'He has waited long enough.'],
    ['waited patiently', 'She waited patiently.'],
    ['promotion is long overdue', 'This promotion is long overdue.'],
    ['overdue for promotion', 'Overdue for promotion.'],
    ['deserves it after', 'Deserves it after all this time.'],
    ['time in role', 'Time in role: 30 months.'],
    ['tenure', 'Her tenure speaks for itself.'],
    ["it's their turn", "It's their turn."],
    ['it is her turn', 'It is her turn to be promoted.'],
    ['was passed over', 'He was passed over last cycle.'],
    ['next in line', 'She is next in line.'],
  ])('flags the tenure argument "%s"', (key, summary) => {
    const checks = packetChecks(input({ summary }));
    expect(ids(checks)).toEqual([`tenure-argument:${key}`]);
    expect(checks[0]).toMatchObject({ severity: 'warning', title: 'Tenure argument in the summary', fix: { target: 'summary' } });
    expect(checks[0]?.why).toMatch(/Time served is not a criterion/);
  });

  it.each([
    'Migrated 5 years of data to the new warehouse.',
    'Kept 3 years of audit logs queryable for the regulator.',
    'The ledger has been in production for 3 years without a data-loss incident.',
    'It has been two years since the last payments outage.',
    'Improved customer loyalty by 8% and launched the loyalty programme.',
    'Closed the long-overdue migration off the old queue.',
    'We waited too long to roll back, so she wrote the rollback runbook.',
    'Within 3 months on the team she led the payments migration.',
    "It's Sam's turn to run the retro, so Ada coached Sam through it.",
    'Cut the p95 from 800 ms to 200 ms over two quarters.',
  ])('does not flag ordinary prose about the work: %s', (summary) => {
    expect(packetChecks(input({ summary }))).toEqual([]);
  });

  it('keeps check ids stable across runs and unrelated edits', () => {
    const a = ids(packetChecks(input({ summary: 'Has been here 6 years. Shows strategic thinking.' })));
    const b = ids(packetChecks(input({ summary: 'Shipped two designs. Has been  here 6 years! Shows Strategic Thinking.' })));
    expect(a).toEqual(['tenure-argument:been here 6 years', 'vague-summary:strategic thinking']);
    expect(b).toEqual(a);
  });

  it('says why each check matters and gives detail', () => {
    const checks = packetChecks(
      input({
        packet: { ...PACKET, summary: 'A team player who has been here 6 years.' },
        evidence: [ev('a', '2026-04-02', ['c1']), ev('old', '2024-01-01', ['c2'])],
      }),
    );
    expect(new Set(checks.map((c) => c.id.split(':')[0]))).toEqual(
      new Set(['criterion-without-evidence', 'evidence-outside-window', 'single-quarter', 'vague-summary', 'tenure-argument']),
    );
    for (const c of checks) {
      expect(c.why.length).toBeGreaterThan(40);
      expect(c.detail.length).toBeGreaterThan(10);
      expect(c.title.length).toBeGreaterThan(5);
    }
  });
});

describe('summaryFindings', () => {
  it('reports positions so an editor can highlight them', () => {
    const text = 'Great work. She is a rock star and has been here 6 years.';
    const findings = summaryFindings(text);
    expect(findings.map((f) => [f.kind, text.slice(f.index, f.index + f.length)])).toEqual([
      ['vague', 'rock star'],
      ['tenure', 'been here 6 years'],
    ]);
  });

  it('normalises phrases for ids', () => {
    expect(phraseKey('  It’s   THEIR turn. ')).toBe("it's their turn");
  });
});

describe('canSubmit', () => {
  const blocker: PacketCheck = { id: 'no-evidence', severity: 'blocker', title: 't', why: 'w', fix: { target: 'evidence' }, detail: 'd' };
  const w1: PacketCheck = { id: 'single-quarter', severity: 'warning', title: 't', why: 'w', fix: { target: 'evidence' }, detail: 'd' };
  const w2: PacketCheck = { id: 'vague-summary:team player', severity: 'warning', title: 't', why: 'w', fix: { target: 'summary' }, detail: 'd' };

  it('allows a packet with no checks', () => {
    expect(canSubmit([], [])).toEqual({ ok: true, blockers: [], unacknowledged: [] });
  });

  it('refuses while a warning is unacknowledged and allows once all are', () => {
    expect(canSubmit([w1, w2], ['single-quarter'])).toEqual({ ok: false, blockers: [], unacknowledged: [w2] });
    expect(canSubmit([w1, w2], new Set(['single-quarter', 'vague-summary:team player', 'stale-id']))).toEqual({ ok: true, blockers: [], unacknowledged: [] });
  });

  it('refuses with a blocker even when it is "acknowledged"', () => {
    const result = canSubmit([blocker, w1], ['no-evidence', 'single-quarter']);
    expect(result.ok).toBe(false);
    expect(result.blockers).toEqual([blocker]);
    expect(result.unacknowledged).toEqual([]);
  });

  it('works end to end with packetChecks and the packet’s acknowledged ids', () => {
    const checks = packetChecks(input({ summary: 'A rock star.' }));
    expect(canSubmit(checks, PACKET.acknowledgedChecks).ok).toBe(false);
    expect(canSubmit(checks, ['vague-summary:rock star']).ok).toBe(true);
  });
});

describe('a revision reads the same checks before and after it is submitted', () => {
  // The submitted revision keeps only the case's evidence (takeSnapshot: items linked to the target level's
  // criteria); a draft was checked over every item logged, so an unlinked item outside the window was a warning
  // the manager acknowledged that the submitted record no longer showed ("6 warnings (all acknowledged)" of 7).
  const logged = [...GOOD_EVIDENCE, ev('unlinked-late', '2027-03-14', []), ev('other-level', '2024-01-10', ['c-ic2-only'])];

  it('gives the draft and its snapshot the same checks', async () => {
    const { takeSnapshot, packetEvidence } = await import('../../../shared/packets/snapshot');
    const draft = packetChecks(input({ evidence: logged }));
    const submitted = { ...PACKET, status: 'submitted' as const, submittedAt: AT, snapshot: takeSnapshot(PACKET, FRAMEWORK, logged, AT) };
    const after = packetChecks(input({ packet: submitted, evidence: packetEvidence(submitted, logged) }));
    expect(after).toEqual(draft);
    expect(ids(draft)).not.toContain('evidence-outside-window:unlinked-late');
  });

  it('calls a case without linked evidence what it is, also when items are logged', () => {
    const checks = packetChecks(input({ evidence: [ev('u1', '2026-01-10', []), ev('u2', '2026-04-10', [])] }));
    expect(ids(checks)).toContain('no-evidence');
    expect(checks.find((c) => c.id === 'no-evidence')?.detail).toMatch(/^None of the 2 items logged is linked to a criterion of the target level/);
  });
});
