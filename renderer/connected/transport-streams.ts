// Stream names and the server-side settings the chair opens a cycle with. The
// subjects match scripts/nats/server-config.mjs, whose permissions assume them:
// a cycle's session events under levelset.cycle.<cycleId>.>, packets under
// levelset.inbox.<cycleId>.<managerId>.> in one LEVELSET_INBOX stream.
import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { streamName, streamSubjects } from '../../shared/connected/events';
import type { StreamSpec } from './transport-types';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const INBOX_STREAM = 'LEVELSET_INBOX';

/**
 * How long the server remembers a message id to drop a retried publish. An app can
 * sit offline with a full outbox for a weekend; a retry after that is a new message to
 * the server, so applying events also has to ignore an id it has seen.
 */
export const DEDUPE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

function checkId(what: string, id: string): string {
  if (!ID_PATTERN.test(id)) throw new Error(`The ${what} "${id}" may hold only letters, digits, '_' and '-'.`);
  return id;
}

/** A cycle's stream: the name and subjects the domain applies under (shared/connected/events.ts), one rule for both sides. */
export function cycleStream(cycleId: string): StreamSpec {
  checkId('cycle id', cycleId);
  return { name: streamName(cycleId), subjects: [...streamSubjects(cycleId)] };
}

export function inboxStream(): StreamSpec {
  return { name: INBOX_STREAM, subjects: ['levelset.inbox.>'] };
}

/** Replies come to a per-user prefix the server lets only that user read (see the generator). */
export function inboxPrefixFor(userId: string): string {
  return `_INBOX_${checkId('user id', userId)}`;
}

export function streamConfig(spec: StreamSpec): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DEDUPE_WINDOW_MS),
  };
}
