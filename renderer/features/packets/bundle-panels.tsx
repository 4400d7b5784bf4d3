/**
 * Packet exchange between machines: export chosen packets as a bundle file
 * (optionally encrypted with a passphrase), and import a bundle with a
 * preview of what will be added, updated or kept side by side as a
 * conflict. Nothing is written before the user confirms the preview.
 * The import itself lives in bundle-import.tsx.
 */
import { plural } from '../../../shared/util/plural';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { NewPassphraseFields, refusePassphrase } from '../../components/new-passphrase-fields';
import { useUiStore } from '../../state/ui-store';
import { couldNot } from '../../../shared/util/error-message';
import { savedText } from '../../platform/saved-text';
import { bundleFileName } from '../../../shared/util/file-name';
import { useFocusBack } from '../../components/use-focus-back';
import { DRAFTS_IN_SESSIONS } from '../../../shared/rules/session-candidates';
import { reviewsEarlierRevision } from '../../../shared/rules/current-packet';
import { ExportChosenList, type ChosenPacket } from './export-chosen-list';

/** `chosen`: the packets ticked and shown, named in the panel; those that are drafts a new session takes only when its chair includes them. */
export function useBundleExport(cycleId: string, cycleName: string, chosen: readonly ChosenPacket[]): { button: ReactNode; panel: ReactNode } {
  const packetIds = chosen.map((p) => p.id);
  // A draft reopened after a submission travels with that submission, which sessions review meanwhile: it needs no
  // "submit it first" (a trial: the notice said so of a reopened packet whose submitted revision was in the bundle).
  const drafts = chosen.filter((p) => p.status === 'draft' && !reviewsEarlierRevision(p)).length;
  const reopened = chosen.filter((p) => reviewsEarlierRevision(p)).length;
  const [open, setOpen] = useState(false);
  // The panel held the focus: once it closes (exported or cancelled) the focus goes back to its button, not to the page.
  const opener = useFocusBack<HTMLButtonElement>(open);
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  // After a refused Export, the passphrase's problem shows beside its field (the same rule as a backup's).
  const [tried, setTried] = useState(false);

  async function run(event: FormEvent) {
    event.preventDefault();
    if (encrypt && refusePassphrase(id, passphrase, confirmation)) return setTried(true);
    setError(null);
    try {
      setBusy('Gathering packets…');
      // Loaded on exporting, so the Packets list's chunk carries none of them (issue 13).
      const [{ readBundleContent }, { createBundle }, { getPlatform }] = await Promise.all([
        import('../../db/bundle-reads'),
        import('../../../shared/exchange/bundle-format'),
        import('../../platform/bridge'),
      ]);
      const { content, trailHead } = await readBundleContent(cycleId, packetIds);
      setBusy(encrypt ? 'Encrypting (this takes a moment)…' : 'Writing the bundle…');
      const text = await createBundle(content, { createdAt: new Date().toISOString(), appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev', trailHead, ...(encrypt ? { passphrase } : {}) });
      setBusy('Saving…');
      const result = await getPlatform().saveFile({
        suggestedName: bundleFileName(cycleName, packetIds.length, encrypt),
        content: text,
        filters: [{ name: 'Levelset bundle', extensions: ['json'] }],
      });
      if (!result.canceled) {
        announce(`${savedText(result)}: ${plural(packetIds.length, 'packet')}${encrypt ? ', encrypted' : ''}.`);
        setOpen(false);
        setPassphrase('');
        setConfirmation('');
        setTried(false);
      }
    } catch (e) {
      setError(couldNot('export', e));
    } finally {
      setBusy(null);
    }
  }

  const button = (
    <button
      ref={opener}
      type="button"
      className="button button-secondary"
      disabled={packetIds.length === 0}
      // Disabled with nothing chosen, it said "Export 0 packets…" and nothing of how to choose (a manager trial).
      title={packetIds.length === 0 ? 'Tick the packets to send in the list below, or use Select submitted.' : undefined}
      onClick={() => setOpen(true)}
    >
      {packetIds.length === 0 ? 'Export packets… (tick some first)' : `Export ${packetIds.length} ${packetIds.length === 1 ? 'packet' : 'packets'}…`}
    </button>
  );
  const panel = open ? (
    <form className="import-panel" aria-labelledby={`${id}-title`} onSubmit={(e) => void run(e)} noValidate>
      <h2 id={`${id}-title`}>Export {plural(packetIds.length, 'packet')} as a bundle</h2>
      <p>The bundle carries the packets with their earlier revisions, candidates, evidence (a submitted packet's as it was submitted: edits since wait for the next revision) and the framework version they use. Group attributes travel only for the committee's aggregate fairness checks.</p>
      <ExportChosenList chosen={chosen} />
      {drafts > 0 ? (
        <p className="packet-notice" role="note">
          {drafts === packetIds.length ? (drafts === 1 ? 'This packet is a draft' : 'These packets are drafts') : `${drafts} of these packets ${drafts === 1 ? 'is a draft' : 'are drafts'}`}, not
          submitted: {DRAFTS_IN_SESSIONS}. If this bundle is for the committee, submit {drafts === 1 ? 'it' : 'them'} first.
        </p>
      ) : null}
      {reopened > 0 ? (
        <p className="packet-notice" role="note">
          {reopened === packetIds.length ? (reopened === 1 ? 'This packet is' : 'These packets are') : `${reopened} of these packets ${reopened === 1 ? 'is' : 'are'}`} reopened: the bundle carries the last
          submitted {reopened === 1 ? 'revision, which sessions review' : 'revisions, which sessions review'} until the {reopened === 1 ? 'draft is' : 'drafts are'} submitted, and the draft as it stands.
        </p>
      ) : null}
      <label className="checkbox">
        {/* Focus comes into the panel when it opens, and a passphrase problem goes with the passphrase fields. */}
        <input
          type="checkbox"
          checked={encrypt}
          autoFocus
          onChange={(e) => {
            setEncrypt(e.target.checked);
            setError(null);
          }}
        />{' '}
        Encrypt with a passphrase (recommended: the file leaves this machine)
      </label>
      {encrypt ? (
        <NewPassphraseFields
          id={id}
          passphrase={passphrase}
          onPassphrase={(value) => {
            setPassphrase(value);
            setError(null);
          }}
          repeated={confirmation}
          onRepeated={(value) => {
            setConfirmation(value);
            setError(null);
          }}
          showProblem={tried}
        />
      ) : null}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      {busy ? <p role="status">{busy}</p> : null}
      <div className="import-actions">
        <button type="submit" className="button button-primary" disabled={!!busy}>
          Export bundle
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)} disabled={!!busy}>
          Cancel
        </button>
      </div>
    </form>
  ) : null;
  return { button, panel };
}

export { useBundleImport } from './bundle-import';
