// What the connected-mode UI shows: the connection state, how many local
// changes wait to be sent, and the last problem in plain words. Kept apart from
// the transport so a view can subscribe with useSyncExternalStore.
import { AuthorizationError, ConnectionError, NoRespondersError, PermissionViolationError, TimeoutError, UserAuthenticationExpiredError } from '@nats-io/nats-core';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { errorMessage } from '../../shared/util/error-message';

export type ConnectionState = 'offline' | 'connecting' | 'syncing' | 'connected';

export type ProblemKind = 'permission' | 'credentials' | 'unreachable' | 'not-open' | 'apply' | 'other';

export interface TransportProblem {
  kind: ProblemKind;
  /** A short sentence saying what is wrong and what to do. */
  message: string;
  /** The client library's own text, for a details disclosure or a log. */
  detail: string;
}

/** The cycle's committee copy on this connection: a member's app fetching and importing it, the chair's app sending it. */
export interface CopyStatus {
  state: 'waiting' | 'importing' | 'imported' | 'sending' | 'sent' | 'failed';
  /** A short sentence for the screen. */
  message: string;
}

export interface TransportStatus {
  state: ConnectionState;
  /** Null until the connection has dealt with the committee copy (or when it has none to deal with). */
  copy: CopyStatus | null;
  /** Local events not yet acknowledged by the server. */
  pending: number;
  /** The last stream sequence applied locally (0 before the first). */
  appliedSeq: number;
  lastError: TransportProblem | null;
}

export type StatusListener = (status: TransportStatus) => void;

/** A tiny observable: getSnapshot/subscribe fit React's useSyncExternalStore. */
export class StatusStore {
  private current: TransportStatus = { state: 'offline', copy: null, pending: 0, appliedSeq: 0, lastError: null };
  private readonly listeners = new Set<StatusListener>();

  getSnapshot = (): TransportStatus => this.current;

  subscribe = (listener: StatusListener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: Partial<TransportStatus>): void {
    const next = { ...this.current, ...patch };
    if (
      next.state === this.current.state &&
      next.copy === this.current.copy &&
      next.pending === this.current.pending &&
      next.appliedSeq === this.current.appliedSeq &&
      next.lastError === this.current.lastError
    )
      return;
    this.current = next;
    for (const l of this.listeners) l(next);
  }
}

/** The error itself or one of its causes of the given class. */
function find<T extends Error>(err: unknown, cls: abstract new (...args: never[]) => T): T | null {
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 8; depth++) {
    if (e instanceof cls) return e;
    e = e.cause;
  }
  return null;
}

export function isPermissionError(err: unknown): boolean {
  return find(err, PermissionViolationError) !== null;
}

/** No stream stores the subject: the server answers a JetStream publish with "no responders". */
function isNoStream(err: unknown): boolean {
  return find(err, NoRespondersError) !== null || (err instanceof Error && err.name === 'JetStreamNotEnabled');
}

/**
 * The server's definite answer about one event (not a connection problem): retrying it
 * on this connection cannot succeed.
 */
export function isRefusal(err: unknown): boolean {
  return isPermissionError(err) || find(err, JetStreamApiError) !== null || isNoStream(err);
}

/** Turns a client error into what the user reads. */
export function describeProblem(err: unknown, context: { servers: string }): TransportProblem {
  const detail = errorMessage(err);
  const permission = find(err, PermissionViolationError);
  if (permission) {
    return {
      kind: 'permission',
      message: `The server refused this change: your user may not ${permission.operation === 'subscription' ? 'read' : 'send to'} ${permission.subject}. Ask whoever runs the server to check your role.`,
      detail,
    };
  }
  if (find(err, AuthorizationError) || find(err, UserAuthenticationExpiredError) || /authorization violation|authentication/i.test(detail)) {
    return { kind: 'credentials', message: 'The server did not accept your credentials. Check the user name and password (or token, key or creds file).', detail };
  }
  const api = find(err, JetStreamApiError);
  if (api && api.code === JetStreamApiCodes.StreamNotFound) {
    return { kind: 'not-open', message: 'This cycle is not open on the server yet. The chair opens it by connecting first; Levelset keeps trying.', detail };
  }
  if (api) {
    return { kind: 'other', message: `The server refused a change for this cycle: ${api.message}. It stays waiting here; tell whoever runs Levelset's connected mode.`, detail };
  }
  if (isNoStream(err)) {
    return { kind: 'not-open', message: 'No stream on the server stores this change: the cycle may not be open there yet, or the change belongs to another cycle.', detail };
  }
  if (find(err, ConnectionError) || find(err, TimeoutError) || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|connection refused|closed|timeout/i.test(detail)) {
    return {
      kind: 'unreachable',
      message: `Cannot reach the server at ${context.servers}. Check the address and your network; changes wait here and are sent when it is back.`,
      detail,
    };
  }
  return { kind: 'other', message: `Connected mode hit a problem: ${detail}`, detail };
}
