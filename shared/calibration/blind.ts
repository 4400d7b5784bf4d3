/**
 * Blind mode, once: the one redaction that turns a session's data into what
 * a blind session may show. Candidates, managers, teams and group values get
 * the session's pseudonyms (shared/calibration/pseudonyms.ts), and every
 * name is replaced inside free text too: packet summaries, "not yet doing",
 * assessment notes, evidence titles and descriptions, rationales, next
 * steps, dissent, correction and reopen reasons, the session's name. Every
 * output of a blind session (screens, window title, decision book, decision
 * PDF, CSV, clipboard) reads only this form, so no view can forget a field.
 *
 * Matching, per name (longest first, in one pass so a pseudonym is never
 * matched again): whole words only ("Bo" does not touch "Bob"); a
 * possessive keeps its "'s" ("Amara's" → "Cobalt Heron's"). A name of
 * several words ("Amara Okafor", "Growth team") matches in any case. A
 * person's first name or surname alone matches in any case too ("gabriel
 * said" is Gabriel), unless it is also an English word (name-words.ts), so the
 * verb "drew" survives a manager called Drew; such a word, and a one-word
 * team or group value, matches when it starts with a capital, so "growth"
 * survives the Growth team. A word that belongs to two different people is replaced with
 * "[name withheld]", so a shared first name names nobody.
 *
 * The committee is not blind: its members' names stay as written (the page
 * lists them), so "Morgan Ellis" in a dissent or the audit trail's "by" is
 * not read as the surname of a manager called Alex Morgan, which would put
 * the manager's pseudonym beside a name everyone can see. A word a member
 * shares with a candidate, manager or team, and a member who is also one of
 * them, is "[name withheld]" by the rule above.
 *
 * Free text can still carry other identifying details (a project only one
 * person worked on); the views say so beside it. Links are left as written.
 */
import type { AuditEntry, Candidate, Decision, Evidence, Packet, PacketSnapshot, Session, SessionRecord, Vote } from '../domain';
import type { CriterionCoverageRow } from '../packets/coverage';
import { nameMatcher } from './name-matcher';
import { NAME_WORDS } from './name-words';
import { blindNames, type BlindNames } from './pseudonyms';
import { nameKey } from '../rules/record-name';

export const WITHHELD = '[name withheld]';

/** The replacement of a name that is not hidden: a committee member's, and each word of it. */
export const KEEP = Symbol('keep as written');

export interface Redaction {
  /** The real name (or a part of it) to hide. */
  name: string;
  /** What to show instead; KEEP for a name shown as written (a committee member's). */
  replacement: string | typeof KEEP;
  /** A person's name (a candidate's, a manager's): its words alone match in lower case too, but for English words. */
  person?: boolean;
  /**
   * Only the name as a whole: its words are not names on their own. A team's
   * forms ("Growth team", "team Growth") are names, but "Team" is not: the
   * bare team ("Growth") is its own redaction.
   */
  wholeOnly?: boolean;
}

/** Replaces names in free text. */
export type Redactor = (text: string) => string;

export const AS_WRITTEN: Redactor = (text) => text;

/** The pseudonyms of one session and the redactors of its free text and of its name. */
export interface SessionRedaction {
  names: BlindNames;
  text: Redactor;
  /**
   * The session's own name, with every name in it withheld rather than given
   * its pseudonym: a name is often said outside the app ("the Jordan Lee &
   * Alex Morgan orgs session"), and pseudonyms in the same order would tell
   * anyone who heard it which pseudonym is whom.
   */
  title: Redactor;
  /**
   * Whether this whole name (as nameKey compares names) is a signer the session hides: a candidate's, a manager's, a team's or a
   * group's, in the session or the cycle, and not a committee member's (the page lists the committee by name, so a
   * member shown by pseudonym would tell the room whom the pseudonym stands for).
   */
  withholds: (name: string) => boolean;
}

const SINGLE_WORD = /^[\p{L}\p{N}'’.-]+$/u;

/**
 * Soft hyphens, zero-width spaces, word joiners, byte-order marks, direction marks and controls, and a zero-width
 * (non-)joiner between Latin letters (elsewhere they shape Persian or Indic words and build emoji). Invisible on
 * screen, so blind mode drops them from the text it shows rather than let them hide a name from the matcher.
 */
const INVISIBLE_IN_WORDS = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|(?<=\p{Script=Latin})[\u200C\u200D](?=\p{Script=Latin})/u;
const INVISIBLE_IN_WORDS_ALL = new RegExp(INVISIBLE_IN_WORDS.source, 'gu');

/**
 * `text` with the accents of its Latin letters dropped ("Tomás Ortega" → "Tomas Ortega", "Zoë" → "Zoe"). Marks in
 * other scripts stay: there they are vowels and signs of the word itself, not accents people leave out.
 */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').normalize('NFC');
}

/**
 * One compiled redactor for a list of names: each name and (for names of
 * several words) each word of it of two letters or more.
 */
export function redactor(redactions: readonly Redaction[]): Redactor {
  const rules = new Map<string, { name: string; replacement: Redaction['replacement'] }>();
  const add = (name: string, replacement: Redaction['replacement']) => {
    const key = name.toLocaleLowerCase();
    const known = rules.get(key);
    rules.set(key, { name, replacement: known && known.replacement !== replacement ? WITHHELD : replacement });
  };
  const full = new Map<string, Redaction['replacement']>();
  /** The names whose words are names too (all but the whole-only ones). */
  const split = new Set<string>();
  /** People's names and their words (lower case): matched in lower case too, but for English words. */
  const people = new Set<string>();
  /** People's names run together; last, so one that is also another name or word is withheld rather than either. */
  const runs: Array<[string, Redaction['replacement']]> = [];
  // Each name also without its accents ("Tomás" as "Tomas", "Zoë" as "Zoe"): people type a name that way, and a
  // trial's rationale "because Tomas is mid-project" went through a blind session, its book and its CSV as written.
  const forms = redactions.flatMap((r) => {
    const name = r.name.trim().replace(/\s+/g, ' ');
    const plain = withoutAccents(name);
    return plain === name ? [{ r, name }] : [{ r, name }, { r, name: plain }];
  });
  for (const { r, name } of forms) {
    if ([...name].length < 2) continue;
    const key = name.toLocaleLowerCase();
    const known = full.get(key);
    full.set(key, known !== undefined && known !== r.replacement ? WITHHELD : r.replacement);
    if (!r.wholeOnly) split.add(key);
    if (r.person) people.add(key);
    // A person's name shortened with an initial ("N. Quist", "Nadia Q."): the surname alone would leave "N. Cobalt Heron".
    const words = key.split(' ');
    if (r.person && words.length >= 2) {
      const [first, last] = [words[0]!, words.at(-1)!];
      for (const form of [`${[...first][0]}. ${words.slice(1).join(' ')}`, `${words.slice(0, -1).join(' ')} ${[...last][0]}.`]) {
        const known = full.get(form);
        full.set(form, known !== undefined && known !== r.replacement ? WITHHELD : r.replacement);
      }
      // Run together, as handles and addresses write it ("LarsKarimi", "@lkarimi"): the words joined, and the first
      // initial joined to the surname. A trial's blind review showed both as written.
      for (const form of [words.join(''), `${[...first][0]}${words.slice(1).join('')}`]) {
        if ([...form].length < 4 || !SINGLE_WORD.test(form)) continue;
        runs.push([form, r.replacement]);
        people.add(form);
      }
    }
  }
  for (const [key, replacement] of full) add(key, replacement);
  // Parts after whole names, so a whole name never turns into "[name withheld]" because one of its words is shared.
  const parts = new Map<string, Redaction['replacement']>();
  for (const [key, replacement] of full) {
    if (!split.has(key)) continue;
    // Each word, and each piece of a hyphenated word ("Ferreira-Égalité", then "Ferreira" and "Égalité").
    for (const part of new Set([...key.split(/\s+/), ...key.split(/[\s-]+/)])) {
      if ([...part].length < 2 || part === key || full.has(part)) continue;
      const known = parts.get(part);
      parts.set(part, known !== undefined && known !== replacement ? WITHHELD : replacement);
      if (people.has(key)) people.add(part);
    }
  }
  for (const [part, replacement] of parts) add(part, replacement);
  for (const [run, replacement] of runs) add(run, replacement);
  if (rules.size === 0) return AS_WRITTEN;
  // One matcher per redaction, built once and reused for every text (see name-matcher.ts for why not one big expression).
  const match = nameMatcher([...rules.values()].sort((a, b) => b.name.length - a.name.length).map((r) => r.name));
  const replace = (found: string) => {
    const rule = rules.get(found.toLocaleLowerCase());
    if (!rule || rule.replacement === KEEP) return found;
    // A single word in lower case counts as a name only when it is a person's and not an English word (the file's comment).
    const first = found[0] ?? '';
    const lower = first !== first.toLocaleUpperCase() && first === first.toLocaleLowerCase();
    if (lower && SINGLE_WORD.test(rule.name) && (!people.has(rule.name) || NAME_WORDS.has(rule.name))) return found;
    return rule.replacement;
  };
  // Characters that show nothing inside a word: a name written with them ("Lar\u00ADs") reads as the name and must match as it.
  return (text) => match(INVISIBLE_IN_WORDS.test(text) ? text.replace(INVISIBLE_IN_WORDS_ALL, '') : text, replace);
}


/** Every value of every group attribute the candidates carry, by attribute. */
function groupValues(candidates: readonly Candidate[]): Record<string, string[]> {
  // A Map, not an object: an attribute the user named "constructor" or "toString" read the object's own methods (a
  // trial's blind session, its Calibration list and the Decisions page all failed with "is not iterable").
  const groups = new Map<string, Set<string>>();
  for (const c of candidates) for (const [k, v] of Object.entries(c.groups)) (groups.get(k) ?? groups.set(k, new Set()).get(k)!).add(v);
  return Object.fromEntries([...groups].map(([k, values]) => [k, [...values]]));
}

/** The session's pseudonyms, built once from all of its candidates (so every view and export agrees). */
export function sessionNames(session: Pick<Session, 'id' | 'candidateIds'>, candidates: readonly Candidate[]): BlindNames {
  return blindNames(session.id, {
    candidateIds: session.candidateIds,
    // Former managers and teams (a text written before an edit names them) get pseudonyms of their own, distinct from the rest.
    managers: [...new Set(candidates.flatMap((c) => [c.manager, ...(c.formerly?.manager ?? [])]))],
    teams: [...new Set(candidates.flatMap((c) => [c.team, ...(c.formerly?.team ?? [])]).filter(Boolean))],
    groups: groupValues(candidates),
  });
}

/** A candidate's name, manager and team now and before an edit (Candidate.formerly): every one of them is a real name. */
function allNames(c: Candidate): { names: string[]; managers: string[]; teams: string[] } {
  return { names: [c.name, ...(c.formerly?.name ?? [])], managers: [c.manager, ...(c.formerly?.manager ?? [])], teams: [c.team, ...(c.formerly?.team ?? [])].filter(Boolean) };
}

/**
 * The names to hide in free text, with their pseudonyms. `others` are people
 * of the cycle outside the session (a rationale may compare with one): their
 * names, managers and teams are withheld, having no pseudonym here.
 * `members` are the committee's names, kept as written (the file's comment).
 */
export function nameRedactions(candidates: readonly Candidate[], names: BlindNames, others: readonly Candidate[] = [], members: readonly string[] = []): Redaction[] {
  const out: Redaction[] = members.map((name) => ({ name, replacement: KEEP }));
  // A team in every form it gets a pseudonym in below: "Growth team" shared with someone outside the session keeps its
  // pseudonym, instead of becoming "[name withheld]" for holding two replacements.
  // The forms with "team" are whole-only: the word "Team" at the start of a sentence names no one.
  const teamForms = (team: string) => (team ? [{ name: team }, { name: `${team} team`, wholeOnly: true }, { name: `team ${team}`, wholeOnly: true }] : []);
  const inSession = new Set(
    candidates.flatMap((c) => {
      const all = allNames(c);
      return [...all.names, ...all.managers, ...all.teams.flatMap((t) => teamForms(t).map((f) => f.name))].map((n) => n.trim().toLocaleLowerCase());
    }),
  );
  const withhold = (name: string, wholeOnly?: boolean, person?: boolean) => {
    if (name.trim() && !inSession.has(name.trim().toLocaleLowerCase())) out.push({ name, replacement: WITHHELD, ...(wholeOnly ? { wholeOnly } : {}), ...(person ? { person } : {}) });
  };
  for (const o of others) {
    const all = allNames(o);
    for (const n of [...all.names, ...all.managers]) withhold(n, false, true);
    for (const t of all.teams.flatMap(teamForms)) withhold(t.name, t.wholeOnly);
  }
  for (const c of candidates) for (const n of allNames(c).names) out.push({ name: n, replacement: names.candidate(c.id), person: true });
  for (const m of new Set(candidates.flatMap((c) => allNames(c).managers))) out.push({ name: m, replacement: names.manager(m), person: true });
  for (const t of new Set(candidates.flatMap((c) => allNames(c).teams))) {
    const pseudonym = names.team(t);
    // "on the Growth team" reads "on the Basalt team", not "on the Team Basalt"; "Growth" and "team Growth" read "Team Basalt".
    const [bare, suffixed, prefixed] = teamForms(t);
    out.push({ ...bare!, replacement: pseudonym }, { ...suffixed!, replacement: `${pseudonym.replace(/^Team /, '')} team` }, { ...prefixed!, replacement: pseudonym });
  }
  for (const [attribute, values] of Object.entries(groupValues(candidates))) for (const v of values) out.push({ name: v, replacement: names.group(attribute, v) });
  return out;
}

/** The redaction of one session, from its real candidates (and the cycle's other candidates, whose names are withheld) and its committee. */
export function sessionRedaction(session: Pick<Session, 'id' | 'candidateIds' | 'members'>, candidates: readonly Candidate[], others: readonly Candidate[] = []): SessionRedaction {
  const names = sessionNames(session, candidates);
  const redactions = nameRedactions(candidates, names, others, session.members.map((m) => m.name));
  const members = new Set(session.members.map((m) => nameKey(m.name)));
  const hidden = new Set(redactions.filter((x) => x.replacement !== KEEP).map((x) => nameKey(x.name)));
  return { names, text: redactor(redactions), title: withheldIn(redactions), withholds: (name) => hidden.has(nameKey(name)) && !members.has(nameKey(name)) };
}

/**
 * A redactor that withholds every name (members' kept), built for each text
 * from the names with a word in it: a session's name is one short text, and
 * a matcher of every name of a 1,000-candidate session is not cheap to build.
 */
function withheldIn(redactions: readonly Redaction[]): Redactor {
  const words = redactions.map((r) => r.name.toLocaleLowerCase().split(/[\s-]+/).filter((w) => [...w].length >= 2));
  return (text) => {
    const lower = text.toLocaleLowerCase();
    const present = redactions.filter((_, i) => words[i]!.some((w) => lower.includes(w)));
    return redactor(present.map((r) => (r.replacement === KEEP ? r : { ...r, replacement: WITHHELD })))(text);
  };
}

/**
 * The name of a session wherever it is named outside its own page (the
 * Calibration list, the message after creating it): as written, or while the
 * session is blind with every name in it replaced, as its page shows it. The
 * session's candidates are its frozen record's once finalized, else those of
 * `cycleCandidates` it reviews; the cycle's other candidates are withheld.
 */
export function shownSessionName(session: Pick<Session, 'id' | 'name' | 'blind' | 'candidateIds' | 'status' | 'members'> & { record?: SessionRecord | null }, cycleCandidates: readonly Candidate[]): string {
  if (!session.blind) return session.name;
  const inSession = new Set(session.candidateIds);
  const byId = new Map((session.status === 'finalized' && session.record ? session.record.candidates : cycleCandidates).map((c) => [c.id, c]));
  const mine = session.candidateIds.map((id) => byId.get(id)).filter((c): c is Candidate => c !== undefined);
  // Only the title's redactor: the free-text one (a matcher of every name) would be built for nothing.
  const names = sessionNames(session, mine);
  return withheldIn(nameRedactions(mine, names, cycleCandidates.filter((c) => !inSession.has(c.id)), session.members.map((m) => m.name)))(session.name);
}

export function blindCandidate(c: Candidate, r: SessionRedaction): Candidate {
  // The names the candidate went by before (candidate-names.ts) are the real names too: not carried into the blind row.
  const { formerly: _withheld, ...rest } = c;
  return {
    ...rest,
    name: r.names.candidate(c.id),
    manager: r.names.manager(c.manager),
    team: c.team ? r.names.team(c.team) : '',
    role: r.text(c.role),
    groups: Object.fromEntries(Object.entries(c.groups).map(([k, v]) => [k, r.names.group(k, v)])),
  };
}

export function blindEvidence(e: Evidence, r: SessionRedaction): Evidence {
  return { ...e, title: r.text(e.title), description: r.text(e.description) };
}

function blindAssessments(assessments: Packet['assessments'], r: SessionRedaction): Packet['assessments'] {
  return Object.fromEntries(Object.entries(assessments).map(([id, a]) => [id, { ...a, note: r.text(a.note) }]));
}

function blindSnapshot(s: PacketSnapshot, r: SessionRedaction): PacketSnapshot {
  return { ...s, summary: r.text(s.summary), notYetDoing: r.text(s.notYetDoing), assessments: blindAssessments(s.assessments, r), evidence: s.evidence.map((e) => blindEvidence(e, r)) };
}

export function blindPacket(p: Packet, r: SessionRedaction): Packet {
  return { ...p, summary: r.text(p.summary), notYetDoing: r.text(p.notYetDoing), assessments: blindAssessments(p.assessments, r), snapshot: p.snapshot ? blindSnapshot(p.snapshot, r) : p.snapshot };
}

export function blindDecision(d: Decision, r: SessionRedaction): Decision {
  return { ...d, rationale: r.text(d.rationale), nextSteps: d.nextSteps.map(r.text), dissent: r.text(d.dissent), ...(d.decidedBy ? { decidedBy: blindSigner(d.decidedBy, r) } : {}) };
}

export function blindVote(v: Vote, r: SessionRedaction): Vote {
  return v.corrections ? { ...v, corrections: v.corrections.map((c) => ({ ...c, reason: r.text(c.reason), by: blindSigner(c.by, r) })) } : v;
}

export function blindCoverage(row: CriterionCoverageRow, r: SessionRedaction): CriterionCoverageRow {
  return { ...row, manager: r.names.manager(row.manager) };
}

export function blindRecord(record: SessionRecord, r: SessionRedaction): SessionRecord {
  return {
    ...record,
    finalizedBy: blindSigner(record.finalizedBy, r),
    candidates: record.candidates.map((c) => blindCandidate(c, r)),
    packets: record.packets.map((p) => blindPacket(p, r)),
    evidence: record.evidence.map((e) => blindEvidence(e, r)),
    coverage: record.coverage.map((row) => blindCoverage(row, r)),
    votes: record.votes.map((v) => blindVote(v, r)),
    decisions: record.decisions.map((d) => blindDecision(d, r)),
  };
}

export function blindSessionRow<S extends Session>(session: S, r: SessionRedaction): S {
  return {
    ...session,
    name: r.title(session.name),
    reopenReason: r.text(session.reopenReason),
    ...(session.history ? { history: session.history.map((h) => ({ ...h, reason: r.text(h.reason), ...(h.by ? { by: blindSigner(h.by, r) } : {}) })) } : {}),
    ...(session.record ? { record: blindRecord(session.record, r) } : {}),
  };
}

/** What a session's data may carry; every field present is redacted, absent ones stay absent. */
export interface BlindableSession {
  session: Session;
  candidates: Candidate[];
  coverage?: CriterionCoverageRow[];
  packets?: Packet[];
  evidence?: Evidence[];
  votes?: Vote[];
  decisions?: Decision[];
  record?: SessionRecord | null;
}

/**
 * The blind form of a session's data: every name replaced, in the rows and
 * in their free text. `redaction` is built from the real candidates (the
 * default: the ones passed in); pass it when the caller needs it again.
 */
export function blindSession<T extends BlindableSession>(data: T, redaction: SessionRedaction = sessionRedaction(data.session, data.candidates)): T {
  const r = redaction;
  return {
    ...data,
    session: blindSessionRow(data.session, r),
    candidates: data.candidates.map((c) => blindCandidate(c, r)),
    ...(data.coverage ? { coverage: data.coverage.map((row) => blindCoverage(row, r)) } : {}),
    ...(data.packets ? { packets: data.packets.map((p) => blindPacket(p, r)) } : {}),
    ...(data.evidence ? { evidence: data.evidence.map((e) => blindEvidence(e, r)) } : {}),
    ...(data.votes ? { votes: data.votes.map((v) => blindVote(v, r)) } : {}),
    ...(data.decisions ? { decisions: data.decisions.map((d) => blindDecision(d, r)) } : {}),
    ...(data.record ? { record: blindRecord(data.record, r) } : {}),
  };
}

/**
 * A name something is signed with (an audit entry's actor, a decision's "recorded by", a finalize's or reopen's "by",
 * the name a signing-name change sets), as a blind session shows it. Signers are mostly the committee, kept as
 * written; but whoever uses the machine signs (a manager resubmitting on the chair's laptop), and the audit tab
 * showed "Casey Nguyen (Engineering manager)" beside a change that read "Manager Pine", which told the room who
 * Manager Pine was (a trial). A signer who is, by their whole name, someone the session hides, and not on its
 * committee, is shown as the session shows them everywhere else. Never replaced in part: the free-text rule made a
 * member "Priya Raman" into "Pear Petrel Raman" beside a candidate called Priya, which told the room that candidate's
 * first name. The role after the name, "(Engineering manager)", is free text.
 */
export function blindSigner(signed: string, r: SessionRedaction): string {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(signed);
  const [name, role] = m ? [m[1]!, m[2]!] : [signed, null];
  const shown = r.withholds(name) ? r.text(name) : name;
  return role === null ? shown : `${shown} (${r.text(role)})`;
}

/** The keys of a stored value that hold a signer (blindSigner). */
function isSignerKey(key: string): boolean {
  return key === 'by' || key === 'decidedBy' || key === 'finalizedBy';
}

/** Ids and hashes are never names. Signers go through blindSigner (isSignerKey); everything else in a stored value may be free text. */
function isAsWrittenKey(key: string): boolean {
  return key === 'id' || /Ids?$/.test(key) || key === 'hash' || key === 'prevHash';
}

/**
 * Any stored value (an audit entry's before and after) with names replaced in
 * every string but ids, and signers as blindSigner shows them; `titled` when the value is a session's, whose
 * `name` is the session's own name and is redacted as its page shows it (title), or 'signer' when it is a
 * signing-name change's, whose `name` is a signer.
 */
export function blindValue(value: unknown, r: SessionRedaction, key = '', titled: boolean | 'signer' = false): unknown {
  if (typeof value === 'string') {
    if (isAsWrittenKey(key)) return value;
    if (isSignerKey(key) || (titled === 'signer' && key === 'name')) return blindSigner(value, r);
    return titled === true && key === 'name' ? r.title(value) : r.text(value);
  }
  if (Array.isArray(value)) return value.map((v) => blindValue(v, r, key, titled));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blindValue(v, r, k, titled)]));
  return value;
}

/**
 * An audit entry as a blind session shows it: before and after redacted, the actor as a signer (blindSigner), and a
 * signing-name change's names as signers too; a packet's entry is signed BLIND_PACKET_ACTOR.
 */
export function blindAuditEntry<E extends AuditEntry>(entry: E, r: SessionRedaction): E {
  const titled = entry.entityType === 'session' ? true : entry.entityType === 'profile' ? 'signer' : false;
  return {
    ...entry,
    // A packet's submission is signed by whoever submitted it, usually the candidate's manager, whom a blind session withholds.
    actor: entry.entityType === 'packet' ? BLIND_PACKET_ACTOR : blindSigner(entry.actor, r),
    before: blindValue(entry.before, r, '', titled),
    after: blindValue(entry.after, r, '', titled),
  };
}

/** Who a blind session's audit tab says submitted a packet revision. */
export const BLIND_PACKET_ACTOR = 'Withheld in a blind session';
