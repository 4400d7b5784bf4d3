/**
 * On the candidate page, when the current packet is submitted and the
 * evidence it cites has changed since: which items changed, that the
 * committee still reads the revision as submitted, and a way to start the
 * next revision with the changes (reopen, after saying what that does, then the packet builder).
 */
import { useState } from 'react';
import type { EvidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import { hrefFor, navigateTo } from '../../app/routes';
import { commands } from '../../db/commands';
import { useUiStore } from '../../state/ui-store';
import { couldNot } from '../../../shared/util/error-message';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import { reopenRequest } from '../packets/reopen-confirm';

export function EvidenceChangesNotice({ notice, packetId, candidateId }: { notice: EvidenceChangeNotice; packetId: string; candidateId: string }) {
  const announce = useUiStore((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const { ask, dialog } = useConfirmDialog();

  async function startNext() {
    setBusy(true);
    try {
      const next = await commands.reopenPacket(packetId);
      announce(`Started revision ${next.revision} as a draft with the changed evidence; revision ${notice.revision} is kept as it was submitted. Submit revision ${next.revision} when it is ready for the committee.`);
      navigateTo(hrefFor('packets', candidateId));
    } catch (error) {
      announce(couldNot('start a new revision', error), 'error');
      setBusy(false);
    }
  }

  return (
    <div className="candidate-evidence-changed" role="note" aria-labelledby="evidence-changed-title">
      <p>
        <strong id="evidence-changed-title">The evidence has changed since the packet was submitted.</strong> {notice.text}
      </p>
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => ask(reopenRequest(notice.revision, startNext, candidateId))}>
        {busy ? 'Starting…' : notice.action}
      </button>
      {dialog}
    </div>
  );
}
