/** "Packet PDF" on the packet page: the current revision printed (the print view's packet document), saved where the user chooses, or in a browser opened to print. */
import { fileNameSlug } from '../../../shared/util/file-name';
import { couldNot } from '../../../shared/util/error-message';
import { getPlatform } from '../../platform/bridge';
import { savedText } from '../../platform/saved-text';
import { useUiStore } from '../../state/ui-store';

export function PacketPdfButton({ candidateId, name }: { candidateId: string; name: string }) {
  const announce = useUiStore((s) => s.announce);
  async function print() {
    try {
      const result = await getPlatform().printToPdf({ view: 'packet', ids: [candidateId], suggestedName: `packet-${fileNameSlug(name, 'candidate')}.pdf` });
      if (!result.canceled) announce(`Packet PDF: ${savedText(result)}.`);
    } catch (error) {
      announce(couldNot('print the packet', error), 'error');
    }
  }
  return (
    <button type="button" className="button button-secondary" onClick={() => void print()}>
      Packet PDF
    </button>
  );
}
