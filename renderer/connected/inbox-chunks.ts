/**
 * Packet bundles to the committee travel as chunks: a bundle with evidence
 * can pass NATS' default 1 MB message limit (and the server's own), so it is
 * cut into pieces of CHUNK_BYTES, each its own JetStream message under
 *   levelset.inbox.<cycleId>.<managerId>.<bundleId>.<index>
 * (the server lets a manager publish only under their own id), with the
 * number of pieces in a header. The chair's app puts a bundle back together
 * once every piece is there; an incomplete one is not offered. Pure: no
 * NATS here, so it is tested alone.
 */
export const CHUNK_BYTES = 512 * 1024;
export const HEADER_CHUNKS = 'Levelset-Chunks';
export const HEADER_SENDER = 'Levelset-Sender';
export const HEADER_PACKETS = 'Levelset-Packets';

const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;

export function inboxSubject(cycleId: string, managerId: string, bundleId: string, index: number): string {
  for (const [what, id] of [['cycle', cycleId], ['manager', managerId], ['bundle', bundleId]] as const) if (!TOKEN.test(id)) throw new Error(`The ${what} id may hold only letters, digits, “-” and “_”.`);
  return `levelset.inbox.${cycleId}.${managerId}.${bundleId}.${index}`;
}

export function inboxFilter(cycleId: string): string {
  if (!TOKEN.test(cycleId)) throw new Error('The cycle id may hold only letters, digits, “-” and “_”.');
  return `levelset.inbox.${cycleId}.>`;
}

/** The bundle's bytes in pieces of at most `size` bytes (at least one piece, even for an empty text). */
export function chunkBytes(bytes: Uint8Array, size = CHUNK_BYTES): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces.length > 0 ? pieces : [new Uint8Array(0)];
}

export interface InboxPiece {
  subject: string;
  data: Uint8Array;
  total: number;
  sender: string;
  packets: number;
  storedAt: string;
}

export interface IncomingBundle {
  /** <managerId>.<bundleId> */
  key: string;
  managerId: string;
  sender: string;
  packets: number;
  bytes: number;
  /** When the last piece reached the server. */
  receivedAt: string;
  text: string;
}

/** Puts complete bundles back together, newest first; pieces of incomplete bundles (and stray messages) are left out. */
export function assembleBundles(pieces: InboxPiece[]): IncomingBundle[] {
  const groups = new Map<string, { managerId: string; parts: Map<number, InboxPiece> }>();
  for (const p of pieces) {
    const tokens = p.subject.split('.');
    if (tokens.length !== 6 || tokens[0] !== 'levelset' || tokens[1] !== 'inbox') continue;
    const [, , , managerId, bundleId, indexText] = tokens as [string, string, string, string, string, string];
    const index = Number(indexText);
    if (!Number.isSafeInteger(index) || index < 0 || !Number.isSafeInteger(p.total) || p.total < 1) continue;
    const key = `${managerId}.${bundleId}`;
    const group = groups.get(key) ?? { managerId, parts: new Map() };
    // A retried piece past the duplicate window is the same bytes: keep the first.
    if (!group.parts.has(index)) group.parts.set(index, p);
    groups.set(key, group);
  }
  const out: IncomingBundle[] = [];
  for (const [key, { managerId, parts }] of groups) {
    const first = parts.get(0);
    if (!first || parts.size !== first.total) continue;
    const ordered = Array.from({ length: first.total }, (_, i) => parts.get(i));
    if (ordered.some((p) => !p)) continue;
    const bytes = ordered.reduce((n, p) => n + p!.data.length, 0);
    const all = new Uint8Array(bytes);
    let at = 0;
    for (const p of ordered) {
      all.set(p!.data, at);
      at += p!.data.length;
    }
    const receivedAt = ordered.map((p) => p!.storedAt).sort().at(-1)!;
    out.push({ key, managerId, sender: first.sender || managerId, packets: first.packets, bytes, receivedAt, text: new TextDecoder().decode(all) });
  }
  return out.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}
