/**
 * Blind mode for free text: names typed into a summary, an evidence title
 * or a rationale are replaced with the session's pseudonyms, so a shared
 * screen never shows a candidate's or a manager's real name while the
 * session is blind. Names themselves always come from useDisplayNames.
 */
import { useMemo } from 'react';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import type { SessionData } from '../use-session-data';
import { redactNames, type Redaction } from './labels';

export type Redactor = (text: string) => string;

const AS_WRITTEN: Redactor = (text) => text;

export function useRedactor(data: SessionData | null | undefined, names: BlindNames): Redactor {
  return useMemo(() => {
    if (!data?.session.blind) return AS_WRITTEN;
    const redactions: Redaction[] = [
      ...data.candidates.map((c) => ({ name: c.name, replacement: names.candidate(c.id) })),
      ...[...new Set(data.candidates.map((c) => c.manager))].map((m) => ({ name: m, replacement: names.manager(m) })),
    ];
    return (text: string) => redactNames(text, redactions);
  }, [data, names]);
}
