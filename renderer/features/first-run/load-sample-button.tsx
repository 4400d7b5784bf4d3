import { useRef, useState } from 'react';
import { useUiStore } from '../../state/ui-store';
import { couldNot } from '../../../shared/util/error-message';

/**
 * Loads the built-in sample cycle. The generator, the built-in framework and
 * the commands are imported on demand, so first paint does not pay for them
 * (the button is on every "no cycle yet" page, whose chunks would otherwise
 * carry every command).
 */
export function LoadSampleButton({ variant = 'primary' }: { variant?: 'primary' | 'secondary' }) {
  const [busy, setBusy] = useState(false);
  const announce = useUiStore((s) => s.announce);
  const button = useRef<HTMLButtonElement>(null);
  async function load() {
    setBusy(true);
    try {
      const [{ generateSampleCycle }, { builtInFrameworks }, { commands }] = await Promise.all([
        import('../../../shared/sample/sample-cycle'),
        import('../../../shared/frameworks/builtin'),
        import('../../db/commands'),
      ]);
      const definition = builtInFrameworks[0];
      if (!definition) throw new Error('no built-in framework is available');
      const sample = generateSampleCycle(definition);
      await commands.loadSampleCycle(sample);
      announce(`Loaded the sample cycle: ${sample.candidates.length} candidates, ${sample.evidence.length} evidence items.`);
      // The button goes with the empty state it is on: the keyboard's place is the page's heading, not the document.
      const active = document.activeElement;
      if (!active || active === document.body || active === button.current) document.getElementById('page-title')?.focus({ preventScroll: true });
    } catch (error) {
      announce(couldNot('load the sample cycle', error, 'Nothing was changed.'), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" ref={button} className={`button button-${variant}`} onClick={() => void load()} disabled={busy} aria-busy={busy}>
      {busy ? 'Loading sample cycle…' : 'Load sample cycle'}
    </button>
  );
}
