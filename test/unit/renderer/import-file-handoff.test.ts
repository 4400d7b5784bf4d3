// @vitest-environment jsdom
/**
 * A bundle chosen in a browser goes to the import worker as the File itself,
 * not as text: decoding 20 MB into a string on the page was ~0.6 s of one
 * main-thread task (issue 13). The worker (or the inline fallback) decodes
 * it, and the checks see the same bundle as from text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { startImport, type ImportWorkerRequest } from '../../../renderer/db/import-client';
import { browserPlatform } from '../../../renderer/platform/bridge';

const AT = '2026-11-20T12:00:00.000Z';

async function bundleText(): Promise<string> {
  const s = generateSampleCycle(ic0M3Levels, { candidates: 3, seed: 3 });
  return createBundle({ cycle: s.cycle, frameworks: [s.framework], candidates: s.candidates, evidence: s.evidence, packets: s.packets }, { createdAt: AT, appVersion: 'test' });
}

afterEach(() => vi.unstubAllGlobals());

describe('handing a chosen bundle file to the import', () => {
  it('the browser file input gives back the File unread', async () => {
    const file = new File(['{"a":1}'], 'b.json', { type: 'application/json' });
    const picked = browserPlatform.openFileData({ filters: [{ name: 'Levelset bundle', extensions: ['json'] }] });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const result = await picked;
    expect(result).toEqual({ canceled: false, fileName: 'b.json', data: file });
    if (!result.canceled) expect(result.data).toBeInstanceOf(Blob);
  });

  it('the worker is sent the Blob, not a string', async () => {
    const sent: ImportWorkerRequest[] = [];
    class FakeWorker {
      onmessage: ((e: MessageEvent) => void) | null = null;
      onerror: ((e: Event) => void) | null = null;
      postMessage(request: ImportWorkerRequest) {
        sent.push(request);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const blob = new Blob([await bundleText()], { type: 'application/json' });
    const job = startImport(blob, undefined, () => {});
    expect(sent).toHaveLength(1);
    const first = sent[0]!;
    expect(first.type).toBe('check');
    if (first.type === 'check') {
      expect(first.text).toBeInstanceOf(Blob);
      expect(typeof first.text).not.toBe('string');
    }
    job.cancel();
  });

  it('without a worker the page reads the Blob itself and checks the same bundle as from text', async () => {
    const text = await bundleText();
    const fromText = await startImport(text, undefined, () => {}).result;
    const fromBlob = await startImport(new Blob([text]), undefined, () => {}).result;
    expect(fromText.ok).toBe(true);
    expect(fromBlob).toEqual(fromText);
  });
});
