// @vitest-environment jsdom
/**
 * The packet text in presenter mode (useSessionPacket): a session's rows carry
 * each current packet's head only, and the text of the one on screen is read
 * when shown. It must be that candidate's packet (never the previous
 * candidate's while the next is read), redacted while the session is blind,
 * and the frozen record's once the session is finalized.
 */
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { SessionRecord } from '../../../shared/domain';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { sessionOfAll } from './session-of-all';
import { db as appDb } from '../../../renderer/db/database';
import { loadSessionData, useSessionPacket } from '../../../renderer/db/session-hooks';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });

const session = (blind: boolean) => sessionOfAll(sample, blind);

beforeEach(async () => {
  await appDb.delete();
  await appDb.open();
  await commands.loadSampleCycle(appDb, sample);
});
afterEach(() => cleanup());

describe('the packet on screen', () => {
  it('is the whole current packet of the candidate whose head is given', async () => {
    const data = await session(false);
    const head = data.packets[0]!;
    const { result } = renderHook(() => useSessionPacket(data, head));
    await waitFor(() => expect(result.current).toBeTruthy());
    expect(result.current).toEqual(await appDb.packets.get(head.id));
    // The session's rows themselves carry no packet text: which packet, and when it was submitted.
    expect(Object.keys(head).sort()).toEqual(['candidateId', 'id', 'revision', 'status', 'submittedAt']);
  });

  it('is never the previous candidate’s while the next one is read', async () => {
    const data = await session(false);
    const [first, second] = data.packets;
    const { result, rerender } = renderHook(({ head }) => useSessionPacket(data, head), { initialProps: { head: first } });
    await waitFor(() => expect(result.current?.id).toBe(first!.id));
    rerender({ head: second });
    // Right after the switch: reading (undefined) or already the second's, not the first's.
    expect(result.current === undefined || result.current?.id === second!.id).toBe(true);
    await waitFor(() => expect(result.current?.id).toBe(second!.id));
    // No packet: nothing to read.
    rerender({ head: undefined });
    expect(result.current).toBeNull();
  });

  it('shows no real name while the session is blind', async () => {
    const candidate = sample.candidates[0]!;
    const data0 = await session(true);
    const head = data0.packets.find((p) => p.candidateId === candidate.id)!;
    await appDb.packets.update(head.id, { summary: `${candidate.name} led the migration.` });
    const data = (await loadSessionData(appDb, data0.session.id))!;
    const { result } = renderHook(() => useSessionPacket(data, head));
    await waitFor(() => expect(result.current).toBeTruthy());
    expect(result.current!.summary).not.toContain(candidate.name);
    expect(result.current!.summary).toContain(data.redaction!.names.candidate(candidate.id));
  });

  it('comes from the frozen record once finalized, not the live row', async () => {
    const data = await session(false);
    const head = data.packets[0]!;
    const frozenPacket = { ...(await appDb.packets.get(head.id))!, summary: 'As frozen at finalization.' };
    // Only the record's packets are read here; the rest of a record does not matter to this hook.
    const frozen = { record: { packets: [frozenPacket] } as unknown as SessionRecord, redaction: null };
    const get = vi.spyOn(appDb.packets, 'get');
    const { result } = renderHook(() => useSessionPacket(frozen, head));
    await waitFor(() => expect(result.current).toBeTruthy());
    expect(result.current!.summary).toBe('As frozen at finalization.');
    expect(get).not.toHaveBeenCalled();
  });
});
