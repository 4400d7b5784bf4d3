/**
 * The import's checks as the worker runs them (shared/exchange/import-check.ts):
 * the same answer as opening the bundle in one piece, for a good bundle and
 * for bad ones, with progress that counts every record once.
 */
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { createBundle, openBundle, type BundleContent } from '../../../shared/exchange/bundle-format';
import { checkBundleBytes, type ImportProgress } from '../../../shared/exchange/import-check';
import { idsToLoad } from '../../../shared/exchange/merge-plan';

const AT = '2026-11-02T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 60 });
const content: BundleContent = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
const bytes = (text: string) => new TextEncoder().encode(text).buffer;

/** A plain bundle around any content, with a checksum that matches it (so the record checks run). */
async function plainBundle(body: unknown): Promise<string> {
  return JSON.stringify({ format: 'levelset.bundle', schemaVersion: 1, createdAt: AT, appVersion: 'test', checksum: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(body)) }, encrypted: false, content: body });
}

describe('checkBundleBytes', () => {
  it('gives the content, summary and ids to read, counting every record once', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: 'test' });
    const seen: ImportProgress[] = [];
    const checked = await checkBundleBytes(bytes(text), {}, (p) => seen.push(p));
    const opened = await openBundle(text);
    if (!checked.ok || !opened.ok) throw new Error('expected both to open');
    expect(checked.content).toEqual(opened.content);
    expect(checked.summary).toEqual(opened.summary);
    expect(checked.ids).toEqual(idsToLoad(opened.content));

    // 1 cycle + 1 framework + 60 candidates + their evidence + their packets.
    const total = 2 + 60 + sample.evidence.length + sample.packets.length;
    const checking = seen.filter((p) => p.phase === 'checking');
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: total, total });
    expect(checking.length).toBe(Math.floor(total / 250) + 1);
    expect(checking.map((p) => p.done)).toEqual([...checking.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.map((p) => p.phase).filter((p, i, all) => all[i - 1] !== p)).toEqual(['reading', 'checksum', 'checking', 'planning']);
  });

  it('refuses a bad row or a bad reference with exactly the issues of the one-piece check', async () => {
    const badRow = { ...content, candidates: content.candidates.map((c, i) => (i === 41 ? { ...c, name: '' } : c)) };
    const badReference = { ...content, evidence: content.evidence.map((e, i) => (i === 7 ? { ...e, candidateId: 'nobody' } : e)) };
    for (const body of [badRow, badReference, { ...content, packets: 'none' }, null]) {
      const text = await plainBundle(body);
      const checked = await checkBundleBytes(bytes(text), {}, () => {});
      expect(checked.ok).toBe(false);
      expect(checked).toEqual(await openBundle(text));
    }
  });

  it('refuses bytes that are not UTF-8 text', async () => {
    const checked = await checkBundleBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]).buffer, {});
    expect(checked).toEqual({ ok: false, error: { code: 'not-a-bundle', message: 'This is not a Levelset bundle: the file is not UTF-8 text.' } });
  });
});
