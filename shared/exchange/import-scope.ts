/**
 * What an import may touch, checked before any merge rule runs (used by
 * merge-plan.ts):
 *
 * - Scope: a bundle carries one cycle and some of its candidates. A row whose
 *   id this database already holds under another cycle, or under another
 *   candidate, is not "the same row, newer": it is a clash of ids (a file
 *   made by hand, a copied id, or a hostile file). One such row refuses the
 *   WHOLE bundle: the bundle's rows refer to each other (evidence and packets
 *   to their candidate), so importing the rest would leave a partial picture,
 *   and a file that clashes once is not one to trust in part. Nothing is
 *   written and the preview names the rows.
 * - Clock skew: a time more than `CLOCK_SKEW_TOLERANCE_MS` past the import's
 *   `now` cannot be real. Such a time is treated as the moment of the import:
 *   the row is compared and written with `now`, so the edit (real, from a
 *   machine whose clock runs ahead) is still taken, but it no longer beats
 *   every later fix. A stored row with such a time (left by an import made
 *   before this rule) counts as older than any real time, so a correct
 *   later copy replaces it.
 */
import type { Candidate, Cycle, Evidence, Framework, Packet } from '../domain';
import type { BundleContent } from './bundle-format';
import { canonicalJson } from './canonical-json';

/** How far past the importing machine's clock a time may lie and still be trusted (two machines' clocks differ a little). */
export const CLOCK_SKEW_TOLERANCE_MS = 10 * 60 * 1000;

/** At most this many clashing rows are named one by one; the rest are counted. */
const MAX_NAMED_REFUSALS = 5;

interface Stored {
  candidates: (id: string) => Candidate | undefined;
  evidence: (id: string) => Evidence | undefined;
  packets: (id: string) => Packet | undefined;
}

/**
 * The rows of `incoming` whose ids this database holds under another cycle
 * or another candidate, one short sentence each (empty when the bundle stays
 * inside its own cycle and candidates).
 */
export function scopeRefusals(incoming: BundleContent, stored: Stored): string[] {
  const cycleId = incoming.cycle.id;
  const out: string[] = [];
  const otherCycle = (what: string, id: string, storedCycle: string) =>
    out.push(`${what} "${short(id)}" already exists here in another cycle ("${short(storedCycle)}").`);
  const otherCandidate = (what: string, id: string, storedCandidate: string) =>
    out.push(`${what} "${short(id)}" already exists here for another candidate ("${short(storedCandidate)}").`);

  for (const c of incoming.candidates) {
    const s = stored.candidates(c.id);
    if (s && s.cycleId !== cycleId) otherCycle('Candidate', c.id, s.cycleId);
  }
  for (const e of incoming.evidence) {
    const s = stored.evidence(e.id);
    if (s && s.cycleId !== cycleId) otherCycle('Evidence item', e.id, s.cycleId);
    else if (s && s.candidateId !== e.candidateId) otherCandidate('Evidence item', e.id, s.candidateId);
  }
  for (const p of incoming.packets) {
    const s = stored.packets(p.id);
    if (s && s.cycleId !== cycleId) otherCycle('Packet', p.id, s.cycleId);
    else if (s && s.candidateId !== p.candidateId) otherCandidate('Packet', p.id, s.candidateId);
  }
  if (out.length <= MAX_NAMED_REFUSALS) return out;
  const more = out.length - MAX_NAMED_REFUSALS;
  return [...out.slice(0, MAX_NAMED_REFUSALS), `${more} more ${more === 1 ? 'row clashes' : 'rows clash'} the same way.`];
}

/** The opening line of a refused import's preview. */
export const REFUSED_HEADLINE = 'This bundle cannot be imported: some of its rows reuse ids that belong to another cycle or candidate here, so importing it could overwrite them. Nothing will be written. Ask for a new export from the right cycle.';

function short(id: string): string {
  return id.length > 60 ? `${id.slice(0, 59)}…` : id;
}

// ── Clock skew ───────────────────────────────────────────────────────────

/** Whether `time` lies further past `now` than the tolerance (a time that is not an instant is not judged here; the schemas refuse it). */
export function isBeyondSkew(time: string, now: string): boolean {
  return beyondSkewOf(now)(time);
}

/** `isBeyondSkew(time, now)` for one `now` and many times: `now` is read once, not once per time (a bundle has tens of thousands). */
function beyondSkewOf(now: string): (time: string) => boolean {
  const n = Date.parse(now);
  if (Number.isNaN(n)) return () => false;
  return (time) => {
    const t = Date.parse(time);
    return !Number.isNaN(t) && t - n > CLOCK_SKEW_TOLERANCE_MS;
  };
}

export interface TrustedContent {
  content: BundleContent;
  /** How many rows carried a time too far in the future. */
  futureRows: number;
  /** The latest such time, or null. */
  latestFuture: string | null;
  /** The rows whose times were replaced, as `table:id`, so a re-import of the same rows is recognised as unchanged. */
  clamped: ReadonlySet<string>;
}

type Timed = { createdAt: string; updatedAt: string; submittedAt?: string | null };

/**
 * The bundle with every time too far in the future replaced by `now`
 * (createdAt and submittedAt too, so no row says it was changed before it
 * was made). Rows without such a time are returned as they are.
 */
export function withTrustedTimes(incoming: BundleContent, now: string): TrustedContent {
  let futureRows = 0;
  let latestFuture: string | null = null;
  const clamped = new Set<string>();
  const beyond = beyondSkewOf(now);
  const future = (v: string | null | undefined) => typeof v === 'string' && beyond(v);
  const fix = <T extends Timed & { id: string }>(table: string, row: T): T => {
    // Most rows have no such time: they are looked at without building anything.
    if (!future(row.createdAt) && !future(row.updatedAt) && !future(row.submittedAt)) return row;
    const fields = (['createdAt', 'updatedAt', 'submittedAt'] as const).filter((f) => future(row[f]));
    futureRows++;
    clamped.add(`${table}:${row.id}`);
    for (const f of fields) {
      const v = row[f] as string;
      if (latestFuture === null || Date.parse(v) > Date.parse(latestFuture)) latestFuture = v;
    }
    const copy = { ...row };
    for (const f of fields) (copy as Timed)[f] = now;
    return copy;
  };
  const content: BundleContent = {
    cycle: fix<Cycle>('cycles', incoming.cycle),
    frameworks: incoming.frameworks.map((f) => fix<Framework>('frameworks', f)),
    candidates: incoming.candidates.map((c) => fix<Candidate>('candidates', c)),
    evidence: incoming.evidence.map((e) => fix<Evidence>('evidence', e)),
    packets: incoming.packets.map((p) => fix<Packet>('packets', p)),
  };
  return { content, futureRows, latestFuture, clamped };
}

/** Whether two rows are the same apart from their times (a re-import of a row whose times were replaced changes nothing). */
export function sameApartFromTimes(a: Timed, b: Timed): boolean {
  const strip = ({ createdAt: _c, updatedAt: _u, submittedAt: _s, ...rest }: Timed) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

/** The preview's line about untrusted times, or null when every time was plausible. */
export function futureTimesLine(futureRows: number, latestFuture: string | null): string | null {
  if (futureRows === 0 || latestFuture === null) return null;
  const rows = futureRows === 1 ? '1 row carries a time' : `${futureRows} rows carry a time`;
  return `${rows} in the future (up to ${latestFuture.slice(0, 16).replace('T', ' ')} UTC); their times were not trusted and count as the time of this import.`;
}
