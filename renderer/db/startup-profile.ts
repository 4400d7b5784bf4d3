/**
 * The stored profile for the first-run gate, which is in the startup chunk.
 * Reading it validates it with the profile schema (zod), so the reading
 * module is loaded here on mount, alongside the database opening, rather
 * than carried by the startup chunk.
 *
 * Its rows are read at boot (main.tsx startProfileRead), before the page's
 * own first read (route-reads.ts): IndexedDB answers in order, and a gate
 * that read after a session page's 40,000 rows had asked for them waited
 * behind them, and the page behind the gate (issue 13).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { LEGACY_USER_NAME_KEY, PROFILE_KEY } from '../../shared/domain/profile-keys';
import { db, type MetaRow } from './database';

type ProfileModule = Pick<typeof import('./profile-read'), 'readProfile' | 'profileFromRows'>;

/** The meta rows a profile comes from (profile-read.ts profileFromRows). */
export interface ProfileRows {
  row: MetaRow | undefined;
  legacy: MetaRow | undefined;
}

let booted: Promise<ProfileRows> | null = null;

/** Reads the profile's rows now, for the gate to take once its module has arrived. */
export function startProfileRead(): void {
  booted = Promise.all([db.meta.get(PROFILE_KEY), db.meta.get(LEGACY_USER_NAME_KEY)]).then(([row, legacy]) => ({ row, legacy }));
  booted.catch(() => undefined);
}

/**
 * The stored profile, live: undefined while loading, null when there is none
 * (like useProfile). `onLoadFailure` hears of a reading module that would not
 * load (a damaged install), which would otherwise leave the skeleton showing.
 */
export function useStartupProfile(onLoadFailure: () => void): Profile | null | undefined {
  const [read, setRead] = useState<ProfileModule | null>(null);
  const [first, setFirst] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    import('./profile-read').then(
      ({ readProfile, profileFromRows }) => current && setRead({ readProfile, profileFromRows }),
      () => current && onLoadFailure(),
    );
    return () => {
      current = false;
    };
    // Once, on mount: the module is loaded once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const rows = booted;
    if (!read || !rows) return;
    let current = true;
    // A failed boot read is left to the live query, which reads again.
    rows.then((r) => current && setFirst(read.profileFromRows(r)), () => undefined);
    return () => {
      current = false;
    };
  }, [read]);
  const live = useLiveQuery(() => read?.readProfile(db), [read]);
  // The boot read stands in until the live query's first answer, which may come after a page's rows.
  return live !== undefined ? live : first;
}
