/**
 * The import worker is started when the file dialog opens (prepareImport),
 * so its script loads while the person picks a file; the import then uses
 * that worker, and one whose script failed to load meanwhile is replaced by
 * a fresh one (issue 13).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareImport, startImport, type ImportWorkerRequest } from '../../../renderer/db/import-client';

afterEach(() => vi.unstubAllGlobals());

function fakeWorkers() {
  const made: FakeWorker[] = [];
  class FakeWorker {
    onmessage: ((e: MessageEvent) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    sent: ImportWorkerRequest[] = [];
    terminated = false;
    constructor() {
      made.push(this);
    }
    postMessage(request: ImportWorkerRequest) {
      this.sent.push(request);
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

describe('the prepared import worker', () => {
  it('is started ahead and used by the next import; a second prepare while one waits starts nothing', () => {
    const made = fakeWorkers();
    prepareImport();
    prepareImport();
    expect(made).toHaveLength(1);
    expect(made[0]!.sent).toEqual([]);
    const job = startImport('{}', undefined, () => {});
    expect(made).toHaveLength(1);
    expect(made[0]!.sent.map((r) => r.type)).toEqual(['check']);
    job.cancel();
    // Taken: the next import starts its own.
    const next = startImport('{}', undefined, () => {});
    expect(made).toHaveLength(2);
    next.cancel();
  });

  it('is replaced when its script failed to load before the import', () => {
    const made = fakeWorkers();
    prepareImport();
    made[0]!.onerror!(new Event('error'));
    const job = startImport('{}', undefined, () => {});
    expect(made).toHaveLength(2);
    expect(made[0]!.terminated).toBe(true);
    expect(made[0]!.sent).toEqual([]);
    expect(made[1]!.sent.map((r) => r.type)).toEqual(['check']);
    job.cancel();
  });
});
