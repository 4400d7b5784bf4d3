/**
 * What the candidate page says when the log has moved on from a submitted
 * revision: the committee reads the revision as it was submitted (its
 * snapshot), so an edit after submission is invisible to them until the
 * manager starts a new revision. The notice names what changed so the
 * manager can decide whether it is worth one.
 */
import type { Evidence } from '../domain/evidence';
import type { Framework } from '../domain/framework';
import type { Packet } from '../domain/packet';
import { evidenceChangedSince, type EvidenceChange } from './snapshot';
import { andList } from '../util/plural';

export interface EvidenceChangeNotice {
  /** The submitted revision the changes are measured against. */
  revision: number;
  changes: EvidenceChange[];
  /** One plain paragraph: how many changed, which, and what the committee sees. */
  text: string;
  /** The label of the action that starts the next revision. */
  action: string;
}

/** How many titles the notice names before it says "and N more". */
const NAMED = 5;

/**
 * The notice for a candidate's current packet; null when there is nothing
 * to say: no packet, a draft (it already reads the live log), a revision
 * stored without a snapshot, no framework to tell cited evidence, or no
 * change since the submission.
 */
export function evidenceChangeNotice(
  packet: Pick<Packet, 'status' | 'revision' | 'snapshot'> | null | undefined,
  framework: Pick<Framework, 'criteria'> | null | undefined,
  live: readonly Evidence[],
): EvidenceChangeNotice | null {
  if (!packet || packet.status !== 'submitted' || !packet.snapshot || !framework) return null;
  const changes = evidenceChangedSince(packet.snapshot, framework, live);
  if (changes.length === 0) return null;
  const named = changes.slice(0, NAMED).map((c) => `“${c.title}” (${c.change})`);
  const more = changes.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : andList(named);
  const count = changes.length === 1 ? '1 evidence item changed' : `${changes.length} evidence items changed`;
  return {
    revision: packet.revision,
    changes,
    text: `${count} since revision ${packet.revision} was submitted: ${list}. The committee sees revision ${packet.revision} as submitted.`,
    action: `Start revision ${packet.revision + 1} with these changes`,
  };
}


