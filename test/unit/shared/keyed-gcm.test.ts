/**
 * The keyed AES-256-GCM (shared/crypto/keyed-gcm.ts) is built from noble's
 * lower-level parts, so every property here checks it against two
 * independent implementations: noble's own gcm and the platform's WebCrypto.
 */
import fc from 'fast-check';
import { gcm } from '@noble/ciphers/aes.js';
import { describe, expect, it } from 'vitest';
import { keyedGcm } from '../../../shared/crypto/keyed-gcm';

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
// Lengths around block boundaries and beyond, including empty text and AAD.
const message = fc.record({ key: bytes(32, 32), nonce: bytes(12, 12), aad: bytes(0, 70), plain: fc.oneof(bytes(0, 40), bytes(0, 600)) });

async function webCrypto(key: Uint8Array, usage: 'encrypt' | 'decrypt') {
  return crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [usage]);
}

describe('keyed AES-256-GCM', () => {
  it('seals exactly as noble gcm does, and opens what noble gcm sealed', () => {
    fc.assert(
      fc.property(message, ({ key, nonce, aad, plain }) => {
        const ours = keyedGcm(key).encrypt(nonce, aad, plain);
        const theirs = gcm(key, nonce, aad).encrypt(plain);
        expect(ours).toEqual(theirs);
        expect(keyedGcm(key).decrypt(nonce, aad, theirs)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with WebCrypto both ways', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ key, nonce, aad, plain }) => {
        const params = { name: 'AES-GCM', iv: new Uint8Array(nonce), additionalData: new Uint8Array(aad) };
        const sealed = keyedGcm(key).encrypt(nonce, aad, plain);
        expect(new Uint8Array(await crypto.subtle.decrypt(params, await webCrypto(key, 'decrypt'), new Uint8Array(sealed)))).toEqual(plain);
        const theirs = new Uint8Array(await crypto.subtle.encrypt(params, await webCrypto(key, 'encrypt'), new Uint8Array(plain)));
        expect(keyedGcm(key).decrypt(nonce, aad, theirs)).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses any changed byte of the sealed text, the nonce or the associated data, and another key', () => {
    fc.assert(
      fc.property(message, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('sealed', 'nonce', 'aad'), ({ key, nonce, aad, plain }, at, flip, part) => {
        const sealed = keyedGcm(key).encrypt(nonce, aad, plain);
        const changed = { sealed: sealed.slice(), nonce: nonce.slice(), aad: aad.slice() };
        const target = changed[part];
        if (target.length === 0) return;
        target[at % target.length]! ^= flip;
        expect(() => keyedGcm(key).decrypt(changed.nonce, changed.aad, changed.sealed)).toThrow();
      }),
    );
    const key = new Uint8Array(32).fill(7);
    const sealed = keyedGcm(key).encrypt(new Uint8Array(12), new Uint8Array(0), new TextEncoder().encode('Ada'));
    expect(() => keyedGcm(new Uint8Array(32).fill(8)).decrypt(new Uint8Array(12), new Uint8Array(0), sealed)).toThrow();
    expect(() => keyedGcm(key).decrypt(new Uint8Array(12), new Uint8Array(0), sealed.subarray(0, 15))).toThrow();
  });

  it('opens text that starts at any offset of a larger buffer (as a stored envelope does)', () => {
    const key = new Uint8Array(32).fill(3);
    const plain = new TextEncoder().encode('Led the payments migration across three quarters.');
    const sealed = keyedGcm(key).encrypt(new Uint8Array(12).fill(1), new Uint8Array([1, 2]), plain);
    for (let offset = 0; offset < 4; offset++) {
      const buffer = new Uint8Array(offset + sealed.length);
      buffer.set(sealed, offset);
      expect(keyedGcm(key).decrypt(new Uint8Array(12).fill(1), new Uint8Array([1, 2]), buffer.subarray(offset))).toEqual(plain);
    }
  });

  it('uses a changed key array as the new key, not the set-up of the old one', () => {
    const key = new Uint8Array(32).fill(1);
    const nonce = new Uint8Array(12);
    const plain = new Uint8Array([1, 2, 3]);
    keyedGcm(key).encrypt(nonce, nonce, plain);
    key[0] = 2;
    expect(keyedGcm(key).encrypt(nonce, nonce, plain)).toEqual(gcm(key, nonce, nonce).encrypt(plain));
  });
});
