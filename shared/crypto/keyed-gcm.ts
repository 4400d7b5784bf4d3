/**
 * AES-256-GCM with the key's set-up done once, for sealing and opening rows.
 *
 * @noble/ciphers' `gcm(key, nonce, aad)` expands the AES key and builds
 * GHASH's multiplication table on every call; for rows of a few hundred
 * bytes that set-up was most of the cost (a CPU profile of
 * scripts/bench-encryption.mjs: GHASH's constructor, expandKeyLE and the
 * garbage of its tables). Here both are built once per key, from noble's own
 * parts (its AES key expansion and CTR, its GHASH), and each message only
 * runs CTR and GHASH over its bytes — the same steps, in the same order, as
 * noble's gcm (NIST SP 800-38D with a 96-bit nonce): J0 = nonce ‖ 1, tag =
 * GHASH(aad, ciphertext, lengths) ⊕ E(J0), payload CTR from inc32(J0).
 * The table uses 4-bit windows (noble's own choice above 1 KiB): against
 * noble's gcm, sealing and opening took about 0.4× the time at 100–400 bytes
 * and 0.7–0.85× at 3–12 KB; 8-bit windows were slower than noble on the
 * larger rows (a 4,096-entry table reads worse from cache).
 *
 * `unsafe` and `_polyval.js` are noble's lower-level exports; a change in
 * them would show in the tests, which check every sealed value against
 * noble's gcm and WebCrypto both ways (test/unit/shared/keyed-gcm.test.ts).
 */
import { GHASH } from '@noble/ciphers/_polyval.js';
import { unsafe } from '@noble/ciphers/aes.js';
import { equalBytes, u64Lengths } from '@noble/ciphers/utils.js';

const BLOCK = 16;
const TAG = 16;
const NONCE = 12;
const ZERO_BLOCK = new Uint8Array(BLOCK);

/** noble's GHASH, restarted for each message so its key table is built once. */
class ReusableGhash extends GHASH {
  restart(): this {
    this.s0 = 0;
    this.s1 = 0;
    this.s2 = 0;
    this.s3 = 0;
    this.finished = false;
    return this;
  }
}

export interface KeyedGcm {
  /** ciphertext ‖ 16-byte tag. */
  encrypt(nonce: Uint8Array, aad: Uint8Array, plain: Uint8Array): Uint8Array;
  /** The plain bytes; throws when the tag does not match (another key, nonce, aad, or changed bytes). */
  decrypt(nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array;
}

/** noble's CTR reads and writes whole 32-bit words, so its buffers must start on a multiple of 4. */
const aligned = (bytes: Uint8Array): Uint8Array => (bytes.byteOffset % 4 === 0 ? bytes : bytes.slice());

function createKeyedGcm(key: Uint8Array): KeyedGcm {
  const xk = unsafe.expandKeyLE(key);
  // H = E_K(0¹²⁸), GHASH's key.
  const h = unsafe.ctr32(xk, false, new Uint8Array(BLOCK), ZERO_BLOCK);
  // An expected length between 1 and 64 KiB selects 4-bit windows (512 entries, once per key).
  const ghash = new ReusableGhash(h, 1 << 11);

  /** J0 = nonce ‖ 0³¹1; returns E_K(J0) and the counter advanced to inc32(J0) for the payload. */
  function start(nonce: Uint8Array): { counter: Uint8Array; mask: Uint8Array } {
    if (nonce.length !== NONCE) throw new RangeError(`A GCM nonce here is ${NONCE} bytes; got ${nonce.length}.`);
    const counter = new Uint8Array(BLOCK);
    counter.set(nonce);
    counter[BLOCK - 1] = 1;
    const mask = unsafe.ctr32(xk, false, counter, ZERO_BLOCK);
    return { counter, mask };
  }

  function tag(mask: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    const out = new Uint8Array(BLOCK);
    ghash.restart().update(aad).update(ciphertext).update(u64Lengths(8 * ciphertext.length, 8 * aad.length, false)).digestInto(out);
    for (let i = 0; i < BLOCK; i++) out[i]! ^= mask[i]!;
    return out;
  }

  return {
    encrypt(nonce, aad, plain) {
      const { counter, mask } = start(nonce);
      const out = new Uint8Array(plain.length + TAG);
      const ciphertext = out.subarray(0, plain.length);
      unsafe.ctr32(xk, false, counter, aligned(plain), ciphertext);
      out.set(tag(mask, aad, ciphertext), plain.length);
      return out;
    },
    decrypt(nonce, aad, sealed) {
      if (sealed.length < TAG) throw new Error('aes-gcm: too short');
      const { counter, mask } = start(nonce);
      const ciphertext = aligned(sealed.subarray(0, sealed.length - TAG));
      // The tag is checked before any plain byte is made (constant-time compare).
      if (!equalBytes(tag(mask, aad, ciphertext), sealed.subarray(sealed.length - TAG))) throw new Error('aes-gcm: invalid tag');
      return unsafe.ctr32(xk, false, counter, ciphertext);
    },
  };
}

// One key at a time in practice (the install's data key); kept with a copy of
// its bytes, so a key array changed in place never reuses the old set-up.
let cached: { bytes: Uint8Array; gcm: KeyedGcm } | null = null;

/** The keyed cipher for `key` (32 bytes), built on first use and kept while the same key is used. */
export function keyedGcm(key: Uint8Array): KeyedGcm {
  if (cached && equalBytes(cached.bytes, key)) return cached.gcm;
  cached = { bytes: key.slice(), gcm: createKeyedGcm(key) };
  return cached.gcm;
}
