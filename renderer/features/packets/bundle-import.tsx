/**
 * Importing a bundle: the file is checked in a worker (progress and Cancel),
 * then a preview says what would change, and only Import writes, in one
 * command whose progress is shown and which Cancel rolls back. Either
 * Cancel leaves the database exactly as it was.
 */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import type { BundleError, BundleSummary } from '../../../shared/exchange/bundle-format';
import type { CheckedHead } from '../../../shared/exchange/import-session';
import { importedText, type PlanPreview } from '../../../shared/exchange/merge-plan';
import type { ImportJob } from '../../db/import-client';
// The import's reads and writes, the bundle format and the file dialog are loaded when used, not with the Packets list (issue 13).
const importFlow = () => import('../../db/import-flow').then((m) => m.bundleImport);
const importClient = () => import('../../db/import-client');
import { useUiStore } from '../../state/ui-store';
import { RefusedPanel } from './bundle-import-panels';
import { PassphraseForm } from '../../components/passphrase-form';
import { ImportPreview } from './import-preview';
import { LiveImportProgressPanel, type ProgressFeed } from './import-progress';
import { useImportRun } from './use-import-run';
import { errorMessage, failureSentence } from '../../../shared/util/error-message';
import { useFocusBack } from '../../components/use-focus-back';

const CANCELLED = 'Import cancelled. Nothing was imported; the database is as it was.';

type Checked = Extract<CheckedHead, { ok: true }>;
type ImportState =
  | { step: 'idle' }
  | { step: 'running'; fileName: string; feed: ProgressFeed }
  | { step: 'passphrase'; fileName: string; text: string | Blob; error?: string }
  | { step: 'preview'; fileName: string; job: ImportJob; checked: Checked; summary: BundleSummary; plan: PlanPreview }
  | { step: 'error'; fileName: string; error: BundleError };

/**
 * `openText` runs a bundle that arrived some other way (connected mode's committee inbox) through the same checks, preview and merge as a file;
 * its `from` names the control it was started from, which the focus goes back to when the import ends (while it is on the page).
 */
export function useBundleImport(): { button: ReactNode; panel: ReactNode; openText: (name: string, text: string, from?: () => HTMLElement | null) => void } {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  // Where this import was started other than from the button (the inbox's Open…); null for a file.
  const startedFrom = useRef<(() => HTMLElement | null) | null>(null);
  const backTo = useCallback(() => startedFrom.current?.() ?? null, []);
  // The panels held the focus: once the import ends (imported, cancelled or refused and closed) it goes back to where the import was
  // started: the button, as the export's does, or the inbox's control.
  const opener = useFocusBack<HTMLButtonElement>(state.step !== 'idle', backTo);
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  const { begin, cancel: cancelRun, drop, hold } = useImportRun((fileName, feed) => setState({ step: 'running', fileName, feed }));

  function cancel() {
    if (!cancelRun()) return;
    setState({ step: 'idle' });
    announce(CANCELLED);
  }

  function close() {
    drop();
    setState({ step: 'idle' });
  }

  async function open(fileName: string, text: string | Blob, pass?: string) {
    drop();
    const run = begin(fileName, 'reading', drop);
    // The preview's reads (import-flow) load while the worker checks the file, not after it.
    importFlow().catch(() => {});
    const { startImport } = await importClient();
    if (!run.live()) return;
    const current = startImport(text, pass, run.show);
    hold(current);
    try {
      const result = await current.result;
      if (!run.live()) return;
      if (!result.ok) {
        run.end();
        drop();
        if (result.error.code === 'needs-passphrase') return setState({ step: 'passphrase', fileName, text });
        if (result.error.code === 'wrong-passphrase') return setState({ step: 'passphrase', fileName, text, error: result.error.message });
        return setState({ step: 'error', fileName, error: result.error });
      }
      run.show({ phase: 'planning', done: 0, total: 1 });
      const plan = await (await importFlow()).preview(current, result);
      if (!run.live()) return;
      run.end();
      setState({ step: 'preview', fileName, job: current, checked: result, summary: result.summary, plan });
    } catch (e) {
      if (!run.live()) return; // cancelled: cancel() already said so
      run.end();
      drop();
      setState({ step: 'error', fileName, error: { code: 'invalid', message: errorMessage(e) } });
    }
  }

  async function pick() {
    startedFrom.current = null;
    // The worker's script loads while the person chooses the file.
    void importClient().then((m) => m.prepareImport());
    try {
      const [{ getPlatform }, { MAX_BUNDLE_BYTES }] = await Promise.all([import('../../platform/bridge'), import('../../../shared/exchange/bundle-format')]);
      const file = await getPlatform().openFileData({ filters: [{ name: 'Levelset bundle', extensions: ['json'] }], maxBytes: MAX_BUNDLE_BYTES });
      if (file.canceled) return;
      await open(file.fileName, file.data);
    } catch (e) {
      setState({ step: 'error', fileName: 'The file', error: { code: 'invalid', message: errorMessage(e) } });
    }
  }

  async function confirm(fileName: string, current: ImportJob, checked: Checked) {
    const controller = new AbortController();
    // Before the write starts, Cancel also stops the worker; once it writes, the abort rolls the command back.
    const run = begin(fileName, 'planning', () => {
      controller.abort();
      current.cancel();
    }, true);
    try {
      const plan = await (await importFlow()).run(current, checked, new Date().toISOString(), { signal: controller.signal, onProgress: run.show, onPlanning: () => run.show({ phase: 'planning', done: 0, total: 1 }) });
      run.end();
      drop();
      setState({ step: 'idle' });
      announce(controller.signal.aborted ? `The import had already finished when Cancel was pressed. ${importedText(plan)}` : importedText(plan));
    } catch (e) {
      run.end();
      drop();
      // Written, and only what came after the write failed: say it was imported, and what failed.
      const written = (await importFlow()).writtenPlan(e);
      if (written) {
        setState({ step: 'idle' });
        announce(`${importedText(written)} ${errorMessage(e)}`);
        return;
      }
      if (controller.signal.aborted) {
        setState({ step: 'idle' });
        announce(CANCELLED);
        return;
      }
      setState({ step: 'error', fileName: 'The bundle', error: { code: 'invalid', message: failureSentence(e, 'Nothing was imported; the database is as it was.') } });
    }
  }

  const button = (
    <button ref={opener} type="button" className="button button-secondary" onClick={() => void pick()} disabled={state.step === 'running'}>
      Import bundle…
    </button>
  );
  let panel: ReactNode = null;
  if (state.step === 'running') panel = <LiveImportProgressPanel fileName={state.fileName} feed={state.feed} onCancel={cancel} />;
  if (state.step === 'passphrase')
    panel = <PassphraseForm title={`${state.fileName} is encrypted`} heading="h2" submitLabel="Unlock" error={state.error} onSubmit={(passphrase) => void open(state.fileName, state.text, passphrase)} onCancel={close} />;
  if (state.step === 'error') panel = <RefusedPanel id={id} fileName={state.fileName} error={state.error} onClose={close} />;
  if (state.step === 'preview')
    panel = <ImportPreview headingId={`${id}-pv`} fileName={state.fileName} summary={state.summary} plan={state.plan} onImport={() => void confirm(state.fileName, state.job, state.checked)} onCancel={close} />;
  const openText = (name: string, text: string, from?: () => HTMLElement | null) => {
    startedFrom.current = from ?? null;
    void open(name, text);
  };
  return { button, panel, openText };
}
