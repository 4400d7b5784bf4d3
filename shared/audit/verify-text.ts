/**
 * What "Verify" tells people: the chain links, then the replay of the trail
 * against the records, each failure naming the first entry or record at
 * fault. Pure, so the words are tested once and every screen says the same.
 */
import type { AllChainsVerification, ChainBreakReason } from './hash-chain';
import type { ReplayResult, TrailHead } from './replay';
import { plural } from '../util/plural';

/** Short form for people to compare by eye: count and the first 12 hex digits. */
export function formatTrailHead(head: TrailHead): string {
  return head.count === 0 ? 'empty trail' : `${plural(head.count, 'entry', 'entries')} · ${head.hash.slice(0, 12)}`;
}

const BREAK_TEXT: Record<ChainBreakReason, string> = {
  'hash-mismatch': 'an entry was changed after it was written',
  'prev-hash-mismatch': 'an entry was replaced, so the next one no longer links to it',
  'sequence-gap': 'an entry is missing',
  'wrong-device': 'an entry from another device is in this chain',
};

export interface VerificationText {
  ok: boolean;
  text: string;
}

export function describeVerification(v: { chains: AllChainsVerification; replay: ReplayResult; head: TrailHead }): VerificationText {
  const broken = v.chains.devices.find((d) => !d.result.ok);
  if (broken && !broken.result.ok) {
    const { seq, reason } = broken.result.brokenAt;
    return { ok: false, text: `✗ Chain broken at entry #${seq} of device ${broken.deviceId.slice(0, 8)} (${BREAK_TEXT[reason]}).` };
  }
  if (!v.replay.ok) {
    const more = v.replay.disagreements - 1;
    return { ok: false, text: `✗ The records do not match the trail: ${v.replay.disagreement.message}${more > 0 ? ` (${more} more)` : ''}` };
  }
  const devices = v.chains.devices.length;
  return {
    ok: true,
    text: `✓ Chain intact and the trail replays to the records: ${formatTrailHead(v.head)} on ${plural(devices, 'device')}.`,
  };
}
