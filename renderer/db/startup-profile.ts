/**
 * The stored profile for the first-run gate, which is in the startup chunk.
 * Reading it validates it with the profile schema (zod), so the reading
 * module is loaded here on mount, alongside the database opening, rather
 * than carried by the startup chunk.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { db } from './database';

type ReadProfile = (typeof import('./profile'))['readProfile'];

/**
 * The stored profile, live: undefined while loading, null when there is none
 * (like useProfile). `onLoadFailure` hears of a reading module that would not
 * load (a damaged install), which would otherwise leave the skeleton showing.
 */
export function useStartupProfile(onLoadFailure: () => void): Profile | null | undefined {
  const [read, setRead] = useState<{ readProfile: ReadProfile } | null>(null);
  useEffect(() => {
    let current = true;
    import('./profile').then(
      ({ readProfile }) => current && setRead({ readProfile }),
      () => current && onLoadFailure(),
    );
    return () => {
      current = false;
    };
    // Once, on mount: the module is loaded once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return useLiveQuery(() => read?.readProfile(db), [read]);
}
