/**
 * Beside Submit: an evidence item started on the candidate page and not added yet (kept on this computer,
 * use-evidence-draft.ts). Submitting freezes the case without it, and nothing said so: a manager trial's draft was
 * the very evidence for a gap criterion, and the revision went to the committee without it.
 */
import { readEvidenceDraft, draftHasText } from '../evidence/use-evidence-draft';

export function KeptEvidenceNote({ candidateId, candidateHref }: { candidateId: string; candidateHref: string }) {
  const draft = readEvidenceDraft(candidateId);
  if (!draft || !draftHasText(draft)) return null;
  const title = draft.title.trim() || 'an item without a title yet';
  return (
    <div className="packet-notice" role="note">
      <p>
        An evidence item you started is not added yet: “{title.length > 80 ? `${title.slice(0, 79)}…` : title}”, kept on this computer. Submitting leaves it out
        of this revision. <a href={candidateHref}>Add it on the candidate page</a> first if it belongs in the case.
      </p>
    </div>
  );
}
