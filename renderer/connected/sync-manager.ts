/**
 * Runs one session transport per connected cycle on this machine: started
 * when a cycle gets connection settings (or they change), stopped when they
 * are removed or the app closes. Nothing connects for a cycle without
 * settings, so a machine that never opts in sends nothing anywhere.
 *
 * Views read each cycle's status with useConnectionStatus (status.ts); a
 * change queued in the outbox (a vote, a chair's action, a reveal queued
 * while applying) nudges the transport to send it at once.
 *
 * Loaded by start-connected.ts only once a cycle has settings: this module
 * brings in the NATS client and the committee copy.
 */
import { wsconnect } from '@nats-io/nats-core';
import type { ConnectionSettings } from '../../shared/connected/state';
import { connectedApp } from '../db/connected-hooks';
import { copySync } from './copy-sync';
import { sessionTransport } from './sync';
import type { ConnectedTransport, ConnectFn } from './transport';
import { noteRunning } from './status';
import { errorMessage } from '../../shared/util/error-message';

interface Running {
  /** The settings it was started with: a change restarts it. */
  updatedAt: string;
  transport: ConnectedTransport;
  stopWatch: () => void;
}

const running = new Map<string, Running>();

async function stopCycle(cycleId: string): Promise<void> {
  const r = running.get(cycleId);
  if (!r) return;
  running.delete(cycleId);
  noteRunning(cycleId, null);
  r.stopWatch();
  await r.transport.stop();
}

function startCycle(settings: ConnectionSettings, connect: ConnectFn, onError: (message: string) => void): void {
  let transport: ConnectedTransport | null = null;
  // The cycle's data travels as the committee copy, so a member's app may start empty.
  const copy = copySync(settings, () => transport!.status);
  transport = sessionTransport(settings, connect, copy);
  if (!transport) return;
  const live = transport;
  const stopOutbox = connectedApp.watchOutbox(settings.cycleId, () => live.notify());
  // The chair's sessions travel to the committee (session.open, then session.update), with a fresh copy when one changed.
  const stopSessions =
    settings.identity.role === 'chair'
      ? connectedApp.openSessionsWhileConnected(
          settings.cycleId,
          (error) => onError(`A session could not be sent to the committee: ${errorMessage(error)}`),
          () => copy.resend(live.liveConnection()),
        )
      : () => undefined;
  // And with a fresh copy when the cycle's candidates, evidence or packets change (a packet imported after members joined);
  // the copy is sent only if its checksum differs from the one on the server.
  const stopContent = settings.identity.role === 'chair' ? connectedApp.watchCycleContent(settings.cycleId, () => copy.resend(live.liveConnection())) : () => undefined;
  const stopWatch = () => {
    stopOutbox();
    stopSessions();
    stopContent();
  };
  running.set(settings.cycleId, { updatedAt: settings.updatedAt, transport: live, stopWatch });
  noteRunning(settings.cycleId, live);
  live.start();
}

/** Brings the running transports in line with the stored settings. */
export async function reconcile(rows: ConnectionSettings[], connect: ConnectFn = wsconnect, onError: (message: string) => void = () => undefined): Promise<void> {
  const wanted = new Map(rows.map((r) => [r.cycleId, r]));
  for (const [cycleId, r] of [...running]) {
    const next = wanted.get(cycleId);
    if (!next || next.updatedAt !== r.updatedAt) await stopCycle(cycleId);
  }
  for (const settings of rows) if (!running.has(settings.cycleId)) startCycle(settings, connect, onError);
}

/** Stops every running transport (start-connected.ts calls it when the window closes). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running.keys()].map(stopCycle));
}
