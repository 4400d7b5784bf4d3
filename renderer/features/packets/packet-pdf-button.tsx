/**
 * "Packet PDF" on the packet page: the revision on screen printed (the print view's packet document), saved where the
 * user chooses, or in a browser opened to print. An older revision picked under Revisions prints as it was submitted.
 */
import type { Packet } from '../../../shared/domain/packet';
import { fileNameSlug } from '../../../shared/util/file-name';
import { couldNot } from '../../../shared/util/error-message';
import { getPlatform } from '../../platform/bridge';
import { savedText } from '../../platform/saved-text';
import { useUiStore } from '../../state/ui-store';

export function PacketPdfButton({ candidateId, name, revision, isCurrent }: { candidateId: string; name: string; revision: Pick<Packet, 'id' | 'revision'>; isCurrent: boolean }) {
  const announce = useUiStore((s) => s.announce);
  const which = isCurrent ? '' : `-revision-${revision.revision}`;
  async function print() {
    try {
      const result = await getPlatform().printToPdf({ view: 'packet', ids: [candidateId, revision.id], suggestedName: `packet-${fileNameSlug(name, 'candidate')}${which}.pdf` });
      if (!result.canceled) announce(`Packet PDF${isCurrent ? '' : ` of revision ${revision.revision}`}: ${savedText(result)}.`);
    } catch (error) {
      announce(couldNot('print the packet', error), 'error');
    }
  }
  return (
    <button type="button" className="button button-secondary" onClick={() => void print()}>
      {isCurrent ? 'Packet PDF' : `Revision ${revision.revision} PDF`}
    </button>
  );
}
