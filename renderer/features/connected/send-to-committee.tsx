/**
 * "Send to committee" for a manager's app on a connected cycle: the chosen
 * packets as the same encrypted bundle a file export makes, published to
 * the cycle's inbox. The passphrase is the one the committee agreed for
 * bundles; the server only ever holds the encrypted text.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { passphraseProblem } from '../../../shared/exchange/passphrase-rule';
import { NewPassphraseFields } from '../../components/new-passphrase-fields';
import { plural } from '../../../shared/util/plural';
import { useConnection } from '../../db/connection-hook';
import { useUiStore } from '../../state/ui-store';
import { couldNot } from '../../../shared/util/error-message';

export function useSendToCommittee(cycleId: string, packetIds: string[]): { button: ReactNode; panel: ReactNode } {
  const connection = useConnection(cycleId);
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  if (!connection || connection.identity.role !== 'manager') return { button: null, panel: null };

  async function send(event: FormEvent) {
    event.preventDefault();
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem) return setError(problem);
    setError(null);
    const count = packetIds.length;
    try {
      setBusy('Gathering packets…');
      // Loaded on sending, so the Packets list's chunk carries neither (issue 13).
      const [{ readBundleContent }, { createBundle }] = await Promise.all([import('../../db/bundle-reads'), import('../../../shared/exchange/bundle-format')]);
      const { content, trailHead } = await readBundleContent(cycleId, packetIds);
      setBusy('Encrypting (this takes a moment)…');
      const text = await createBundle(content, { createdAt: new Date().toISOString(), appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev', trailHead, passphrase });
      setBusy('Sending…');
      const { sendToCommittee } = await import('../../connected/inbox');
      await sendToCommittee(cycleId, text, count);
      announce(`Sent ${plural(count, 'packet')} to the committee, encrypted.`);
      setOpen(false);
      setPassphrase('');
      setConfirmation('');
    } catch (e) {
      setError(couldNot('send', e));
    } finally {
      setBusy(null);
    }
  }

  const button = (
    <button type="button" className="button button-primary" disabled={packetIds.length === 0} onClick={() => setOpen(true)}>
      Send {packetIds.length} {packetIds.length === 1 ? 'packet' : 'packets'} to committee…
    </button>
  );
  const panel = open ? (
    <form className="import-panel" aria-labelledby={`${id}-title`} onSubmit={(e) => void send(e)} noValidate>
      <h2 id={`${id}-title`}>Send {plural(packetIds.length, 'packet')} to the committee</h2>
      <p>The packets go to the committee’s inbox on {connection.serverUrl} as an encrypted bundle, the same as an exported file. Use the passphrase your committee agreed; the chair needs it to open them.</p>
      <NewPassphraseFields id={id} passphrase={passphrase} onPassphrase={setPassphrase} repeated={confirmation} onRepeated={setConfirmation} />
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      {busy ? <p role="status">{busy}</p> : null}
      <div className="import-actions">
        <button type="submit" className="button button-primary" disabled={!!busy}>
          Send to committee
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)} disabled={!!busy}>
          Cancel
        </button>
      </div>
    </form>
  ) : null;
  return { button, panel };
}
