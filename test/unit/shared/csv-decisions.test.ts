import { describe, expect, it } from 'vitest';
import { blindSession, sessionNames } from '../../../shared/calibration/blind';
import type { Candidate, Criterion, Decision, Level, Session, Vote } from '../../../shared/domain';
import { DECISIONS_CSV_COLUMNS, decisionsCsv, decisionsCsvRows } from '../../../shared/export/decisions-csv';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { calibrationRows } from '../../fixtures/db/calibration-rows';
import { parseCsv } from '../../fixtures/db/csv-reader';

const AT = '2026-11-01T10:00:00.000Z';

function level(id: string, code: string, title: string, order: number): Level {
  return { id, trackId: 'ic', code, title, order, summary: '', scopeDetail: '', autonomyDetail: '', definingShift: '', notYet: [], examples: [], optional: false };
}
const criterion = (id: string, levelId: string): Criterion => ({ id, levelId, competencyId: null, text: `Criterion ${id}`, examples: [] });
// Stored out of ladder order on purpose: IC4's criterion first, then IC3's four (IC3.1 to IC3.4 in this order).
const criteria = [criterion('l4-c01', 'l4'), ...['l3-c01', 'l3-c02', 'l3-c03', 'l3-c04'].map((id) => criterion(id, 'l3'))];
const framework = { levels: [level('l2', 'IC2', 'Engineer', 2), level('l3', 'IC3', 'Senior Engineer', 3), level('l4', 'IC4', 'Staff Engineer', 4)], criteria };

function candidate(id: string, name: string, manager: string, team: string, current: string, target: string | null): Candidate {
  return { id, cycleId: 'cy', name, role: '', team, manager, currentLevelId: current, targetLevelId: target, timeInLevelMonths: 12, groups: {}, archived: false, createdAt: AT, updatedAt: AT };
}
const candidates = [
  candidate('c1', 'Amara Okafor', 'Alex Morgan', 'Payments', 'l2', 'l3'),
  candidate('c2', 'Bo Lindqvist', 'Sam Rivera', 'Platform', 'l3', 'l4'),
  candidate('c3', 'Zoë Ferreira-Égalité', 'Alex Morgan', 'Data', 'l2', 'l3'),
  candidate('c4', '王小明', 'Jordan Lee', 'Mobile', 'l2', 'l3'),
  candidate('c5', 'Undecided Person', 'Jordan Lee', 'Mobile', 'l3', 'l4'),
];

function session(id: string, name: string): Session {
  return { id, cycleId: 'cy', name, members: [], candidateIds: [], orderMode: 'by-level', timeboxMinutes: 10, blind: false, status: 'finalized', finalizedAt: AT, reopenReason: '', revealedPreVotes: [], record: null, history: [], createdAt: AT, updatedAt: AT };
}
const sessions = [session('s1', 'Week 1'), session('s2', 'Week 2, "reprise"')];

function decision(partial: Partial<Decision> & Pick<Decision, 'id' | 'candidateId' | 'outcome' | 'decidedAt'>): Decision {
  return { sessionId: 's1', newLevelId: null, rationale: 'Because.', citedCriterionIds: [], nextSteps: [], dissent: '', locked: true, createdAt: partial.decidedAt, updatedAt: partial.decidedAt, ...partial };
}
const decisions: Decision[] = [
  decision({ id: 'd1-old', candidateId: 'c1', outcome: 'defer', decidedAt: '2026-11-02T09:00:00.000Z', rationale: 'Wait for the design review.' }),
  decision({
    id: 'd1',
    candidateId: 'c1',
    sessionId: 's2',
    outcome: 'promote',
    decidedAt: '2026-11-09T23:30:00.000Z',
    rationale: 'Amara led the checkout rewrite, end to end.\nSustained over three quarters.',
    citedCriterionIds: ['l3-c01', 'l3-c04'],
    nextSteps: ['Mentor a new hire', '=HYPERLINK("http://x.invalid")'],
    decidedBy: 'Dana Whitfield (Committee chair)',
  }),
  decision({ id: 'd2', candidateId: 'c2', outcome: 'not-yet', decidedAt: '2026-11-02T10:15:00.000Z', rationale: '-3 quarters short', nextSteps: ['Own a cross-team design', 'Lead an incident review'], dissent: '@chair: Lukas would have promoted.' }),
  decision({ id: 'd3', candidateId: 'c3', outcome: 'promote-other', newLevelId: 'l4', decidedAt: '2026-11-02T11:00:00.000Z', rationale: 'Zoë operates at IC4; Ferreira-Égalité agreed.' }),
  decision({ id: 'd4', candidateId: 'c4', outcome: 'defer', decidedAt: '2026-11-02T12:00:00.000Z', sessionId: 's-gone', rationale: '王小明 needs a packet 🚀' }),
  decision({ id: 'd-stranger', candidateId: 'c-other-cycle', outcome: 'promote', decidedAt: '2026-11-02T12:00:00.000Z' }),
];

describe('decisionsCsv', () => {
  // decided_on is the day in the exporter's zone: d1, 23:30 UTC on 9 Nov, was 08:30 on 10 Nov in Tokyo (UTC+9); the others, 09:00 to 12:00 UTC, were evenings of 2 Nov there.
  it('writes one row per decided candidate with the columns an HR import maps', () => {
    const rows = parseCsv(decisionsCsv({ decisions, candidates, framework, sessions, timeZone: 'Asia/Tokyo' }));
    expect(rows).toEqual([
      [...DECISIONS_CSV_COLUMNS],
      ['d1', 'c1', 'Amara Okafor', 'Alex Morgan', 'Payments', 'IC2', 'Engineer', 'IC3', 'Senior Engineer', 'Promote', '2026-11-10', 'Week 2, "reprise"', 'Amara led the checkout rewrite, end to end.\nSustained over three quarters.', 'l3-c01; l3-c04', `Mentor a new hire\n=HYPERLINK("http://x.invalid")`, '', 'IC3.1; IC3.4', '2026-11-09T23:30:00.000Z', 'finalized', 'real names', '', '', '', '', '', 'Dana Whitfield (Committee chair)', 'Asia/Tokyo', 'IC3', 'Senior Engineer'],
      ['d2', 'c2', 'Bo Lindqvist', 'Sam Rivera', 'Platform', 'IC3', 'Senior Engineer', 'IC3', 'Senior Engineer', 'Not yet', '2026-11-02', 'Week 1', "'-3 quarters short", '', 'Own a cross-team design\nLead an incident review', "'@chair: Lukas would have promoted.", '', '2026-11-02T10:15:00.000Z', 'finalized', 'real names', '', '', '', '', '', '', 'Asia/Tokyo', 'IC4', 'Staff Engineer'],
      ['d3', 'c3', 'Zoë Ferreira-Égalité', 'Alex Morgan', 'Data', 'IC2', 'Engineer', 'IC4', 'Staff Engineer', 'Promote to another level', '2026-11-02', 'Week 1', 'Zoë operates at IC4; Ferreira-Égalité agreed.', '', '', '', '', '2026-11-02T11:00:00.000Z', 'finalized', 'real names', '', '', '', '', '', '', 'Asia/Tokyo', 'IC3', 'Senior Engineer'],
      ['d4', 'c4', '王小明', 'Jordan Lee', 'Mobile', 'IC2', 'Engineer', 'IC2', 'Engineer', 'Defer', '2026-11-02', 's-gone', '王小明 needs a packet 🚀', '', '', '', '', '2026-11-02T12:00:00.000Z', 'unknown', 'real names', '', '', '', '', '', '', 'Asia/Tokyo', 'IC3', 'Senior Engineer'],
    ]);
  });

  it('says in against_final_votes when a decision departs from its session’s final votes, as the book does', () => {
    const vote = (id: string, candidateId: string, sessionId: string, outcome: Vote['outcome'], phase: Vote['phase'] = 'post') =>
      ({ id, sessionId, candidateId, memberId: id, phase, outcome, levelId: null, createdAt: AT, updatedAt: AT }) as Vote;
    const votes = [
      // c1's latest decision (Promote, in s2) against three Defer votes there; its Promote votes in s1 are another session's.
      vote('v1', 'c1', 's2', 'defer'), vote('v2', 'c1', 's2', 'defer'), vote('v3', 'c1', 's2', 'defer'), vote('v4', 'c1', 's1', 'promote'),
      // c2: Not yet, as two of three voted; a pre-vote does not count.
      vote('v5', 'c2', 's1', 'not-yet'), vote('v6', 'c2', 's1', 'not-yet'), vote('v7', 'c2', 's1', 'promote'), vote('v8', 'c2', 's1', 'promote', 'pre'),
      // c3: only pre-votes, so no final vote was cast.
      vote('v9', 'c3', 's1', 'promote-other', 'pre'),
    ];
    const rows = decisionsCsvRows({ decisions, candidates, framework, sessions, timeZone: 'UTC', votes });
    const col = DECISIONS_CSV_COLUMNS.indexOf('against_final_votes');
    // Where it was when it was added, after earlier_outcomes: imports that map by position keep working.
    expect(col).toBe(DECISIONS_CSV_COLUMNS.indexOf('earlier_outcomes') + 1);
    const [pre, post] = [DECISIONS_CSV_COLUMNS.indexOf('pre_votes'), DECISIONS_CSV_COLUMNS.indexOf('final_votes')];
    expect(rows.slice(1).map((r) => [r[1], r[col], r[pre], r[post]])).toEqual([
      ['c1', 'Decided against the final votes: their majority was Defer (3 of 3).', 'none', 'Defer 3'],
      ['c2', '', 'Promote 1', 'Promote 1; Not yet 2'],
      ['c3', 'Decided without final votes: none were recorded for this candidate.', 'Promote to another level 1', 'none'],
      // Its session is not among those given, so whether its pre-votes were revealed is not known: they are not told.
      ['c4', 'Decided without final votes: none were recorded for this candidate.', 'hidden until revealed', 'none'],
    ]);
    // A live session whose pre-votes are not revealed: their counts stay silent, as on every screen; revealed, they are told.
    const live = sessions.map((x) => ({ ...x, status: 'live' as const }));
    const c2Pre = (revealed: string[]) => decisionsCsvRows({ decisions, candidates, framework, sessions: live.map((x) => ({ ...x, revealedPreVotes: revealed })), timeZone: 'UTC', votes })[2]![pre];
    expect(c2Pre([])).toBe('hidden until revealed');
    expect(c2Pre(['c2'])).toBe('Promote 1');
  });

  it('names the levels of Promote to another level votes, and says when the decision grants another level than most of them', () => {
    // c3 (IC2, going for IC3) was granted IC4 (l4); three of the four final votes named another level: two IC3, one IC4.
    const vote = (id: string, levelId: string | null, outcome: Vote['outcome'] = 'promote-other') =>
      ({ id, sessionId: 's1', candidateId: 'c3', memberId: id, phase: 'post', outcome, levelId, createdAt: AT, updatedAt: AT }) as Vote;
    const votes = [vote('w1', 'l3'), vote('w2', 'l3'), vote('w3', 'l4'), vote('w4', null, 'defer')];
    const row = decisionsCsvRows({ decisions, candidates, framework, sessions, timeZone: 'UTC', votes }).find((r) => r[1] === 'c3')!;
    expect(row[DECISIONS_CSV_COLUMNS.indexOf('final_votes')]).toBe('Defer 1; Promote to another level 3 (IC3 2, IC4 1)');
    expect(row[DECISIONS_CSV_COLUMNS.indexOf('against_final_votes')]).toBe('Decided at another level than the final votes: 2 of 4 named IC3.');
  });

  it('says in pre_votes and final_votes how many votes were cast on another revision than the decision’s', () => {
    const on = (id: string, revision: number) => ({ packet: { id, revision } });
    const vote = (id: string, phase: Vote['phase'], revision: number) => ({ id, sessionId: 's1', candidateId: 'c2', memberId: id, phase, outcome: 'not-yet', levelId: null, createdAt: AT, updatedAt: AT, ...on(`p-c2-${revision}`, revision) }) as Vote;
    const d2 = decisions.map((d) => (d.id === 'd2' ? { ...d, packet: { id: 'p-c2-2', revision: 2 } } : d));
    // Two members pre-voted on revision 1; one of them voted finally on revision 2, the other again on revision 1.
    const votes = [vote('m1', 'pre', 1), vote('m2', 'pre', 1), vote('m1', 'post', 2), vote('m2', 'post', 1)];
    const row = decisionsCsvRows({ decisions: d2, candidates, framework, sessions, timeZone: 'UTC', votes }).find((r) => r[1] === 'c2')!;
    expect([row[DECISIONS_CSV_COLUMNS.indexOf('pre_votes')], row[DECISIONS_CSV_COLUMNS.indexOf('final_votes')]]).toEqual(['Not yet 2 (2 cast on revision 1)', 'Not yet 2 (1 cast on revision 1)']);
  });

  it('names a corrected pre-vote in pre_votes, with what was cast and why, as the book does', () => {
    // Trial C: the book read "Promote (corrected from Not yet: …)" and the CSV only "Promote 3", so HR's copy lost
    // what was voted before the discussion.
    const withMembers = sessions.map((x) => (x.id === 's1' ? { ...x, members: [{ id: 'm1', name: 'Erin Ng', role: 'member' as const }, { id: 'm2', name: 'Sam Lee', role: 'member' as const }] } : x));
    const corrected = { at: AT, by: 'Morgan Ellis (Chair)', from: { outcome: 'not-yet' as const, levelId: null }, reason: 'recorded in the wrong row' };
    const vote = (id: string, outcome: Vote['outcome'], extra: Partial<Vote> = {}) => ({ id, sessionId: 's1', candidateId: 'c2', memberId: id, phase: 'pre', outcome, levelId: null, createdAt: AT, updatedAt: AT, ...extra }) as Vote;
    const votes = [vote('m1', 'promote', { corrections: [corrected] }), vote('m2', 'promote')];
    const row = decisionsCsvRows({ decisions, candidates, framework, sessions: withMembers, timeZone: 'UTC', votes }).find((r) => r[1] === 'c2')!;
    expect(row[DECISIONS_CSV_COLUMNS.indexOf('pre_votes')]).toBe("Promote 2; Erin Ng's corrected from Not yet: recorded in the wrong row");
  });

  it('gives the level the candidate was considered for: the decided revision’s where it was kept, else the candidate’s', () => {
    const col = DECISIONS_CSV_COLUMNS.indexOf('target_level_code');
    const row = (d: Decision) => decisionsCsvRows({ decisions: [d], candidates, framework, sessions })[1]!;
    // Bo (IC3 → IC4) not yet: the new level is IC3, the target IC4.
    expect(row(decisions.find((d) => d.id === 'd2')!).slice(col)).toEqual(['IC4', 'Staff Engineer']);
    expect(row({ ...decisions.find((d) => d.id === 'd2')!, packet: { id: 'p', revision: 2, levelId: 'l3' } }).slice(col)).toEqual(['IC3', 'Senior Engineer']);
  });

  it('gives the revision each decision was made on in packet_revision, empty where none was recorded', () => {
    const withRevision = decisions.map((d) => (d.id === 'd2' ? { ...d, packet: { id: 'p-c2-2', revision: 2 } } : d));
    const col = DECISIONS_CSV_COLUMNS.indexOf('packet_revision');
    expect(decisionsCsvRows({ decisions: withRevision, candidates, framework, sessions, timeZone: 'UTC' }).slice(1).map((r) => [r[1], r[col]])).toEqual([
      ['c1', ''],
      ['c2', '2'],
      ['c3', ''],
      ['c4', ''],
    ]);
  });

  it('gives decided_on as the exporter’s day: 7 PM in New York is the next day in UTC', () => {
    const at = '2026-12-04T00:00:00.000Z';
    const rowIn = (timeZone: string) => decisionsCsvRows({ decisions: [decision({ id: 'dz', candidateId: 'c2', outcome: 'not-yet', decidedAt: at })], candidates, framework, sessions, timeZone })[1] ?? [];
    const day = DECISIONS_CSV_COLUMNS.indexOf('decided_on');
    expect(rowIn('America/New_York')[day]).toBe('2026-12-03');
    expect(rowIn('UTC')[day]).toBe('2026-12-04');
    expect(rowIn('America/New_York')[DECISIONS_CSV_COLUMNS.indexOf('decided_at')]).toBe(at);
  });

  it('says on every row whether its session is finalized: a reopened session’s CSV looked like a final one', () => {
    const status = (s: Session['status']) => decisionsCsvRows({ decisions: [decision({ id: 'dq', candidateId: 'c2', outcome: 'not-yet', decidedAt: AT })], candidates, framework, sessions: [{ ...sessions[0]!, status: s }] })[1]?.[DECISIONS_CSV_COLUMNS.indexOf('session_status')];
    expect(status('finalized')).toBe('finalized');
    expect(status('live')).toBe('in progress');
    expect(status('planned')).toBe('in progress');
  });

  it('says what a decision was before its session was reopened and it changed, one per line', () => {
    const changed = decision({
      id: 'dc',
      candidateId: 'c1',
      outcome: 'promote',
      decidedAt: '2026-12-04T15:00:00.000Z',
      earlier: [
        { outcome: 'defer', newLevelId: null, decidedAt: '2026-10-31T10:00:00.000Z', changedAt: '2026-11-20T10:00:00.000Z' },
        { outcome: 'promote-other', newLevelId: 'l4', decidedAt: '2026-11-20T10:00:00.000Z', changedAt: '2026-12-04T15:00:00.000Z' },
      ],
    });
    const row = decisionsCsvRows({ decisions: [changed], candidates, framework, sessions, timeZone: 'UTC' })[1]!;
    expect(row[DECISIONS_CSV_COLUMNS.indexOf('earlier_outcomes')]).toBe('Defer decided 2026-10-31, changed 2026-11-20\nPromote to another level (IC4) decided 2026-11-20, changed 2026-12-04');
  });

  it('neutralises a formula that only appears after joining, and each cell that starts with one', () => {
    const rows = decisionsCsvRows({ decisions: [decision({ id: 'dx', candidateId: 'c1', outcome: 'promote', decidedAt: AT, nextSteps: ['=1+1', 'b'], rationale: '+cmd' })], candidates, framework, sessions });
    expect(rows[1]?.[14]).toBe('=1+1\nb');
    const parsed = parseCsv(decisionsCsv({ decisions: [decision({ id: 'dx', candidateId: 'c1', outcome: 'promote', decidedAt: AT, nextSteps: ['=1+1', 'b'], rationale: '+cmd' })], candidates, framework, sessions }));
    expect(parsed[1]?.[12]).toBe("'+cmd");
    expect(parsed[1]?.[14]).toBe("'=1+1\nb");
  });

  it('gives one next step per line, so a step holding "; " splits back whole', () => {
    const steps = ['Lead the design review; then the rollout', 'Write the runbook'];
    const parsed = parseCsv(decisionsCsv({ decisions: [decision({ id: 'ds', candidateId: 'c2', outcome: 'not-yet', decidedAt: AT, nextSteps: steps })], candidates, framework, sessions }));
    expect(parsed[1]?.[DECISIONS_CSV_COLUMNS.indexOf('next_steps')]?.split('\n')).toEqual(steps);
  });

  it('gives the cited criteria as their codes in ladder order, whatever order they were ticked in; an unknown one keeps its id', () => {
    const cited = ['l4-c01', 'l3-c04', 'l-gone-c9', 'l3-c02'];
    const rows = decisionsCsvRows({ decisions: [decision({ id: 'dc', candidateId: 'c1', outcome: 'promote', decidedAt: AT, citedCriterionIds: cited })], candidates, framework, sessions });
    const col = (name: string) => DECISIONS_CSV_COLUMNS.indexOf(name as (typeof DECISIONS_CSV_COLUMNS)[number]);
    // The ids as ticked, for an import that maps them; the codes as a person reads them.
    expect(rows[1]?.[col('cited_criteria')]).toBe('l4-c01; l3-c04; l-gone-c9; l3-c02');
    expect(rows[1]?.[col('cited_criteria_codes')]).toBe('IC3.2; IC3.4; IC4.1; l-gone-c9');
  });

  it('takes the latest decision whatever the input order', () => {
    const forward = decisionsCsv({ decisions, candidates, framework, sessions });
    expect(decisionsCsv({ decisions: [...decisions].reverse(), candidates, framework, sessions })).toBe(forward);
    expect(forward).not.toContain('d1-old');
  });

  it('falls back to the target level for a Promote without a level, and keeps unknown level ids', () => {
    const rows = decisionsCsvRows({
      decisions: [decision({ id: 'dp', candidateId: 'c2', outcome: 'promote', decidedAt: AT }), decision({ id: 'dq', candidateId: 'c3', outcome: 'promote-other', newLevelId: 'l-retired', decidedAt: AT })],
      candidates,
      framework,
      sessions,
    });
    expect(rows[1]?.slice(7, 9)).toEqual(['IC4', 'Staff Engineer']);
    expect(rows[2]?.slice(7, 9)).toEqual(['l-retired', '']);
  });

  it('ends records with CRLF and can start with a BOM for Excel', () => {
    const text = decisionsCsv({ decisions, candidates, framework, sessions, bom: true });
    expect(text.startsWith('\uFEFFdecision_id,candidate_id,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(decisionsCsv({ decisions, candidates, framework, sessions }).startsWith('decision_id')).toBe(true);
  });

  it('a blind session exports its blind form: pseudonyms in every name column and no real name or team anywhere', () => {
    const blindWeek = { ...sessions[1]!, blind: true, candidateIds: candidates.map((c) => c.id) };
    const blind = blindSession({ session: blindWeek, candidates, decisions });
    const names = sessionNames(blindWeek, candidates);
    const text = decisionsCsv({ decisions: blind.decisions!, candidates: blind.candidates, framework, sessions: [sessions[0]!, blind.session], blind: true });
    const rows = parseCsv(text);
    // Every row says its names are pseudonyms, and none carries the candidate's id, which every other export shares.
    expect(new Set(rows.slice(1).map((r) => r[DECISIONS_CSV_COLUMNS.indexOf('names')]))).toEqual(new Set(['pseudonyms (blind session)']));
    expect(rows.slice(1).map((r) => r[DECISIONS_CSV_COLUMNS.indexOf('candidate_id')])).toEqual(['', '', '', '']);
    for (const c of candidates) expect(text).not.toContain(c.id + ',');
    expect(rows.slice(1).map((r) => r[2])).toEqual(['c1', 'c2', 'c3', 'c4'].map((id) => names.candidate(id)));
    expect(rows.slice(1).map((r) => r[3])).toEqual(['Alex Morgan', 'Sam Rivera', 'Alex Morgan', 'Jordan Lee'].map((m) => names.manager(m)));
    expect(rows.slice(1).map((r) => r[4])).toEqual(['Payments', 'Platform', 'Data', 'Mobile'].map((t) => names.team(t)));
    for (const c of candidates) {
      for (const part of [c.name, ...c.name.split(/[\s-]/), c.manager, ...c.manager.split(' '), c.team]) expect(text).not.toMatch(new RegExp(`(?<![\\p{L}])${part}(?![\\p{L}])`, 'u'));
    }
    expect(rows[1]?.[12]).toBe(`${names.candidate('c1')} led the checkout rewrite, end to end.\nSustained over three quarters.`);
    expect(rows[3]?.[12]).toBe(`${names.candidate('c3')} operates at IC4; ${names.candidate('c3')} agreed.`);
    expect(rows[4]?.[12]).toBe(`${names.candidate('c4')} needs a packet 🚀`);
  });

  it('a blind session leaves no candidate id in its CSV, not even inside the decision id (session:candidate, as the app writes it)', () => {
    const blindWeek = { ...sessions[1]!, blind: true, candidateIds: candidates.map((c) => c.id) };
    const stored = decisions.filter((d) => d.sessionId === blindWeek.id).map((d) => ({ ...d, id: `${blindWeek.id}:${d.candidateId}` }));
    const blind = blindSession({ session: blindWeek, candidates, decisions: stored });
    const rows = parseCsv(decisionsCsv({ decisions: blind.decisions!, candidates: blind.candidates, framework, sessions: [blind.session], blind: true }));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect(row[DECISIONS_CSV_COLUMNS.indexOf('decision_id')]).toBe('');
      for (const c of candidates) expect(row.join('\u0000')).not.toContain(c.id);
    }
    // A session that shows names keeps both ids, which an HR import maps.
    const shown = parseCsv(decisionsCsv({ decisions: stored, candidates, framework, sessions: [blindWeek] }));
    expect(shown.length).toBe(rows.length);
    for (const row of shown.slice(1)) expect(row[DECISIONS_CSV_COLUMNS.indexOf('decision_id')]).toBe(`${blindWeek.id}:${row[DECISIONS_CSV_COLUMNS.indexOf('candidate_id')]}`);
  });

  it('exports the fixture calibration: every decided candidate once, 29 columns, parseable', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 5 });
    const cal = await calibrationRows(sample);
    const rows = parseCsv(decisionsCsv({ decisions: cal.decisions, candidates: sample.candidates, framework: sample.framework, sessions: cal.sessions, bom: true }));
    const decided = new Set(cal.decisions.map((d) => d.candidateId));
    expect(rows).toHaveLength(decided.size + 1);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(decided);
    for (const row of rows) expect(row).toHaveLength(29);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
