/**
 * Importing a bundle: the file is checked in a worker (progress and Cancel),
 * then a preview says what would change, and only Import writes, in one
 * command whose progress is shown and which Cancel rolls back. Either
 * Cancel leaves the database exactly as it was.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { MAX_BUNDLE_BYTES, type BundleContent, type BundleError, type BundleSummary } from '../../../shared/exchange/bundle-format';
import type { ImportProgress } from '../../../shared/exchange/import-check';
import { importedText, type MergePlan } from '../../../shared/exchange/merge-plan';
import { IssueList } from '../../components/issue-list';
import { commands } from '../../db/commands';
import { checkBundleFile } from '../../db/import-client';
import { previewImport } from '../../db/packet-hooks';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { ImportPreview } from './import-preview';
import { ImportProgressPanel } from './import-progress';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const CANCELLED = 'Import cancelled. Nothing was imported; the database is as it was.';

type ImportState =
  | { step: 'idle' }
  | { step: 'running'; fileName: string; progress: ImportProgress }
  | { step: 'passphrase'; fileName: string; text: string; error?: string }
  | { step: 'preview'; fileName: string; content: BundleContent; summary: BundleSummary; plan: MergePlan }
  | { step: 'error'; fileName: string; error: BundleError };

/** `openText` runs a bundle that arrived some other way (connected mode's committee inbox) through the same checks, preview and merge as a file. */
export function useBundleImport(): { button: ReactNode; panel: ReactNode; openText: (name: string, text: string) => void } {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  // The running step's cancel; each run replaces it, so a late answer from a cancelled run is ignored.
  // A write settles itself (rolled back, or committed just before the Cancel) and says which.
  const running = useRef<{ cancel: () => void; settles: boolean } | null>(null);
  useEffect(() => () => running.current?.cancel(), []);

  function begin(fileName: string, phase: ImportProgress['phase'], stop: () => void, settles = false) {
    let live = true;
    const run = {
      settles,
      cancel: () => {
        live = false;
        stop();
      },
    };
    running.current = run;
    setState({ step: 'running', fileName, progress: { phase, done: 0, total: 0 } });
    return {
      live: () => live,
      show: (progress: ImportProgress) => live && setState({ step: 'running', fileName, progress }),
      end: () => {
        if (running.current === run) running.current = null;
      },
    };
  }

  function cancel() {
    const run = running.current;
    if (!run) return;
    run.cancel();
    if (run.settles) return;
    running.current = null;
    setState({ step: 'idle' });
    announce(CANCELLED);
  }

  async function open(fileName: string, text: string, pass?: string) {
    let job: ReturnType<typeof checkBundleFile> | null = null;
    const run = begin(fileName, 'reading', () => job?.cancel());
    job = checkBundleFile(text, pass, run.show);
    let result;
    try {
      result = await job.result;
    } catch {
      return; // cancelled: cancel() already said so
    }
    if (!run.live()) return;
    if (!result.ok) {
      run.end();
      if (result.error.code === 'needs-passphrase') return setState({ step: 'passphrase', fileName, text });
      if (result.error.code === 'wrong-passphrase') return setState({ step: 'passphrase', fileName, text, error: result.error.message });
      return setState({ step: 'error', fileName, error: result.error });
    }
    run.show({ phase: 'planning', done: 0, total: 1 });
    const plan = await previewImport(result.content);
    if (!run.live()) return;
    run.end();
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

  async function confirm(fileName: string, content: BundleContent) {
    const controller = new AbortController();
    const run = begin(fileName, 'writing', () => controller.abort(), true);
    try {
      const plan = await commands.importBundle(content, new Date().toISOString(), { signal: controller.signal, onProgress: run.show });
      run.end();
      setState({ step: 'idle' });
      announce(controller.signal.aborted ? `The import had already finished when Cancel was pressed. ${importedText(plan)}` : importedText(plan));
    } catch (e) {
      run.end();
      if (controller.signal.aborted) {
        setState({ step: 'idle' });
        announce(CANCELLED);
        return;
      }
      setState({ step: 'error', fileName: 'The bundle', error: { code: 'invalid', message: `${message(e)}. Nothing was imported; the database is as it was.` } });
    }
  }

  const button = (
    <button type="button" className="button button-secondary" onClick={() => void pick()} disabled={state.step === 'running'}>
      Import bundle…
    </button>
  );
  let panel: ReactNode = null;
  if (state.step === 'running') panel = <ImportProgressPanel fileName={state.fileName} progress={state.progress} onCancel={cancel} />;
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
    panel = <ImportPreview headingId={`${id}-pv`} fileName={state.fileName} summary={state.summary} plan={state.plan} onImport={() => void confirm(state.fileName, state.content)} onCancel={() => setState({ step: 'idle' })} />;
  const openText = (name: string, text: string) => {
    setPassphrase('');
    void open(name, text);
  };
  return { button, panel, openText };
}
