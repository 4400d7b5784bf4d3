/**
 * The first thing a new copy of Levelset shows: who is using it. The name
 * goes on every audit entry, so the app asks before anything else; on a
 * committee's shared machine it should be the chair.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useProfile } from '../../db/profile';
import { ProfileForm } from '../profile/profile-form';
import { desktopApi } from '../../platform/auto-backup';
import { RestoreOffer } from './restore-offer';

export function ProfileStep() {
  useEffect(() => {
    document.title = 'Welcome · Levelset';
  }, []);
  return (
    <main className="profile-step" id="main">
      <section className="profile-step-card" aria-labelledby="profile-step-title">
        <div className="brand">
          <img className="brand-mark" src="./favicon.svg" alt="" width="22" height="22" /> Levelset
        </div>
        <RestoreOffer api={desktopApi()} />
        <h1 id="profile-step-title">Who is using Levelset?</h1>
        <p className="profile-step-lede">
          Your name is recorded on every change for the audit trail and stays on this machine. On a committee’s shared machine, enter the chair’s name.
        </p>
        <ProfileForm initial={null} submitLabel="Continue" autoFocus onSaved={() => undefined} />
      </section>
    </main>
  );
}

/** Shows the profile step until a profile is stored, then the app; after the step, focus lands on the page heading. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const profile = useProfile();
  const wasAsked = useRef(false);
  useEffect(() => {
    if (profile === null) wasAsked.current = true;
    else if (profile && wasAsked.current) {
      // Once, right after the step: the form is gone, so focus would otherwise fall to the page body.
      wasAsked.current = false;
      (document.getElementById('page-title') ?? document.getElementById('main'))?.focus();
    }
  }, [profile]);
  // Nothing while the stored profile is read (a moment), so the app does not flash before the step.
  if (profile === undefined) return null;
  if (profile === null) return <ProfileStep />;
  return children;
}
