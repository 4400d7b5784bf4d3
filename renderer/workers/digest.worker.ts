/**
 * The import worker's helper (issue 13): hashes the part of a version-2
 * plain bundle its checksum covers (plainBodyDigest), from the same File,
 * while the import worker decodes, parses and checks it. Chromium computes
 * `crypto.subtle.digest` on the thread that asks, so in the import worker
 * the 40 ms of a 23 MB file were 40 ms more before the preview. Answers
 * each File with its digest, or null when it could not be read.
 */
import { plainBodyDigest } from '../../shared/exchange/bundle-body';

self.onmessage = (event: MessageEvent<{ id: number; bytes: Uint8Array<ArrayBuffer> }>) => {
  const { id, bytes } = event.data;
  plainBodyDigest(bytes)
    .then(
      (digest) => self.postMessage({ id, digest }),
      () => self.postMessage({ id, digest: null }),
    );
};
