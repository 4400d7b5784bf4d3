/**
 * The app asks who is using it before anything else: the name goes on every
 * audit entry. Reading the stored profile takes the database opening first,
 * so meanwhile the gate shows `pending` (the app frame with a skeleton)
 * rather than nothing. The step itself, with its form and validation, is
 * only downloaded by a copy that has no profile yet.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Lazy, lazyCode } from '../../components/lazy-code';
import { useStartupProfile } from '../../db/startup-profile';
import { useUiStore } from '../../state/ui-store';

const LOAD_FAILURE = 'Could not load part of Levelset. Restart it to try again.';

const PROFILE_STEP = lazyCode(() => import('./profile-step').then((m) => m.ProfileStep));

/** Shows the profile step until a profile is stored, then the app; after the step, focus lands on the page heading. */
export function ProfileGate({ pending, children }: { pending: ReactNode; children: ReactNode }) {
  const profile = useStartupProfile(() => useUiStore.getState().announce(LOAD_FAILURE, 'error'));
  const wasAsked = useRef(false);
  useEffect(() => {
    if (profile === null) wasAsked.current = true;
    else if (profile && wasAsked.current) {
      // Once, right after the step: the form is gone, so focus would otherwise fall to the page body. A page still
      // loading takes it from the main region to its heading when drawn (PageHeader).
      wasAsked.current = false;
      (document.getElementById('page-title') ?? document.getElementById('main'))?.focus();
    }
  }, [profile]);
  if (profile === undefined) return pending;
  if (profile === null) return <Lazy code={PROFILE_STEP} props={{}} fallback={pending} />;
  return children;
}
