/**
 * Which cycles have a running transport, and each one's status, for views
 * (useSyncExternalStore). Type-only imports of the transport: the NATS
 * client stays in the lazily loaded sync chunk.
 */
import { useSyncExternalStore } from 'react';
import type { ConnectedTransport, TransportStatus } from './transport';

const transports = new Map<string, ConnectedTransport>();
const listeners = new Set<() => void>();

export function noteRunning(cycleId: string, transport: ConnectedTransport | null): void {
  if (transport) transports.set(cycleId, transport);
  else transports.delete(cycleId);
  for (const l of listeners) l();
}

function subscribeRegistry(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The cycle's transport status now, or null when none runs for it (outside React: tests, logs). */
export function connectionStatusOf(cycleId: string): TransportStatus | null {
  return transports.get(cycleId)?.status.getSnapshot() ?? null;
}

const NOT_RUNNING = (): null => null;
const NO_SUBSCRIPTION = () => () => undefined;

/** The cycle's transport status, or null when none runs for it (not connected, a manager's app, or not started yet). */
export function useConnectionStatus(cycleId: string | null | undefined): TransportStatus | null {
  const transport = useSyncExternalStore(subscribeRegistry, () => (cycleId ? (transports.get(cycleId) ?? null) : null));
  return useSyncExternalStore(transport ? transport.status.subscribe : NO_SUBSCRIPTION, transport ? transport.status.getSnapshot : NOT_RUNNING);
}
