/**
 * Packet exchange between machines: export chosen packets as a bundle file
 * (optionally encrypted with a passphrase), and import a bundle with a
 * preview of what will be added, updated or kept side by side as a
 * conflict. Nothing is written before the user confirms the preview.
 */
import { plural } from '../../../shared/util/plural';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { createBundle, MAX_BUNDLE_BYTES, openBundle, type BundleContent, type BundleError, type BundleSummary } from '../../../shared/exchange/bundle-format';
import { importedText, type MergePlan } from '../../../shared/exchange/merge-plan';
import { IssueList } from '../../components/issue-list';
import { commands } from '../../db/commands';
import { previewImport, readBundleContent } from '../../db/packet-hooks';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { ImportPreview } from './import-preview';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
export const MIN_PASSPHRASE_LENGTH = 8;

export function useBundleExport(cycleId: string, cycleName: string, packetIds: string[]): { button: ReactNode; panel: ReactNode } {
  const [open, setOpen] = useState(false);
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  const passphraseProblem = !encrypt
    ? null
    : passphrase.length < MIN_PASSPHRASE_LENGTH
      ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`
      : passphrase !== confirmation
        ? 'The two passphrases differ.'
        : null;

  async function run(event: FormEvent) {
    event.preventDefault();
    if (passphraseProblem) return setError(passphraseProblem);
    setError(null);
    try {
      setBusy('Gathering packets…');
      const { content, trailHead } = await readBundleContent(cycleId, packetIds);
      setBusy(encrypt ? 'Encrypting (this takes a moment)…' : 'Writing the bundle…');
      const text = await createBundle(content, { createdAt: new Date().toISOString(), appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev', trailHead, ...(encrypt ? { passphrase } : {}) });
      setBusy('Saving…');
      const slug = cycleName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cycle';
      const result = await getPlatform().saveFile({
        suggestedName: `${slug}-${packetIds.length}-packets.levelset.json`,
        content: text,
        filters: [{ name: 'Levelset bundle', extensions: ['json'] }],
      });
      if (!result.canceled) {
        announce(`Saved ${result.fileName} with ${plural(packetIds.length, 'packet')}${encrypt ? ', encrypted' : ''}.`);
        setOpen(false);
        setPassphrase('');
        setConfirmation('');
      }
    } catch (e) {
      setError(`Could not export: ${message(e)}`);
    } finally {
      setBusy(null);
    }
  }

  const button = (
    <button type="button" className="button button-secondary" disabled={packetIds.length === 0} onClick={() => setOpen(true)}>
      Export {packetIds.length} {packetIds.length === 1 ? 'packet' : 'packets'}…
    </button>
  );
  const panel = open ? (
    <form className="import-panel" aria-labelledby={`${id}-title`} onSubmit={(e) => void run(e)} noValidate>
      <h2 id={`${id}-title`}>Export {plural(packetIds.length, 'packet')} as a bundle</h2>
      <p>The bundle carries the packets with their earlier revisions, candidates, evidence and the framework version they use. Group attributes travel only for the committee's aggregate fairness checks.</p>
      <label className="checkbox">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} /> Encrypt with a passphrase (recommended: the file leaves this machine)
      </label>
      {encrypt ? (
        <div className="form-grid">
          <label htmlFor={`${id}-pass`}>Passphrase</label>
          <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          <label htmlFor={`${id}-confirm`}>Repeat passphrase</label>
          <input id={`${id}-confirm`} type="password" autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />
        </div>
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

type ImportState =
  | { step: 'idle' }
  | { step: 'busy'; text: string }
  | { step: 'passphrase'; fileName: string; text: string; error?: string }
  | { step: 'preview'; fileName: string; content: BundleContent; summary: BundleSummary; plan: MergePlan }
  | { step: 'error'; fileName: string; error: BundleError };

export function useBundleImport(): { button: ReactNode; panel: ReactNode } {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const announce = useUiStore((s) => s.announce);
  const id = useId();

  async function open(fileName: string, text: string, pass?: string) {
    setState({ step: 'busy', text: pass ? 'Decrypting…' : 'Checking the bundle…' });
    const result = await openBundle(text, pass ? { passphrase: pass } : {});
    if (!result.ok) {
      if (result.error.code === 'needs-passphrase') return setState({ step: 'passphrase', fileName, text });
      if (result.error.code === 'wrong-passphrase') return setState({ step: 'passphrase', fileName, text, error: result.error.message });
      return setState({ step: 'error', fileName, error: result.error });
    }
    const plan = await previewImport(result.content);
    setState({ step: 'preview', fileName, content: result.content, summary: result.summary, plan });
  }

  async function pick() {
    try {
      const file = await getPlatform().openFile({ filters: [{ name: 'Levelset bundle', extensions: ['json'] }], maxBytes: MAX_BUNDLE_BYTES });
      if (file.canceled) return;
      setPassphrase('');
      await open(file.fileName, file.content);
    } catch (e) {
      setState({ step: 'error', fileName: 'The file', error: { code: 'invalid', message: message(e) } });
    }
  }

  async function confirm(content: BundleContent) {
    setState({ step: 'busy', text: 'Importing…' });
    try {
      const plan = await commands.importBundle(content, new Date().toISOString());
      setState({ step: 'idle' });
      announce(importedText(plan));
    } catch (e) {
      setState({ step: 'error', fileName: 'The bundle', error: { code: 'invalid', message: `${message(e)}. Nothing was imported; the database is as it was.` } });
    }
  }

  const button = (
    <button type="button" className="button button-secondary" onClick={() => void pick()} disabled={state.step === 'busy'}>
      Import bundle…
    </button>
  );
  let panel: ReactNode = null;
  if (state.step === 'busy') panel = <p role="status" className="import-panel">{state.text}</p>;
  if (state.step === 'passphrase')
    panel = (
      <form className="import-panel" aria-labelledby={`${id}-pt`} onSubmit={(e) => { e.preventDefault(); void open(state.fileName, state.text, passphrase); }}>
        <h2 id={`${id}-pt`}>{state.fileName} is encrypted</h2>
        <label htmlFor={`${id}-pp`}>Passphrase</label>{' '}
        <input id={`${id}-pp`} type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        {state.error ? <p role="alert" className="field-error">{state.error}</p> : null}
        <div className="import-actions">
          <button type="submit" className="button button-primary" disabled={passphrase.length === 0}>
            Unlock
          </button>
          <button type="button" className="button button-secondary" onClick={() => setState({ step: 'idle' })}>
            Cancel
          </button>
        </div>
      </form>
    );
  if (state.step === 'error')
    panel = (
      <section className="import-panel" aria-labelledby={`${id}-et`}>
        <h2 id={`${id}-et`}>{state.fileName} cannot be imported</h2>
        <IssueList title={state.error.message} issues={state.error.issues ?? (state.error.field ? [{ message: 'First problem here', field: state.error.field }] : [])} />
        <button type="button" className="button button-secondary" onClick={() => setState({ step: 'idle' })}>
          Close
        </button>
      </section>
    );
  if (state.step === 'preview')
    panel = <ImportPreview headingId={`${id}-pv`} fileName={state.fileName} summary={state.summary} plan={state.plan} onImport={() => void confirm(state.content)} onCancel={() => setState({ step: 'idle' })} />;
  return { button, panel };
}
