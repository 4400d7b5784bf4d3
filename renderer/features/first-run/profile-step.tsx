/**
 * The first thing a new copy of Levelset shows: who is using it. The name
 * goes on every audit entry, so the app asks before anything else; on a
 * committee's shared machine it should be the chair.
 */
import { useEffect, useRef } from 'react';
import { ProfileForm } from '../profile/profile-form';
import { desktopApi } from '../../platform/auto-backup';
import { RestoreOffer } from './restore-offer';

export function ProfileStep() {
  // After a restore the offer and its button go, and the step stays: the focus moves to its question rather than falling to the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Welcome · Levelset';
  }, []);
  return (
    <main className="profile-step" id="main">
      <section className="profile-step-card" aria-labelledby="profile-step-title">
        <div className="brand">
          <img className="brand-mark" src="./favicon.svg" alt="" width="22" height="22" /> Levelset
        </div>
        <RestoreOffer api={desktopApi()} onRestored={() => heading.current?.focus()} />
        <h1 id="profile-step-title" ref={heading} tabIndex={-1}>
          Who is using Levelset?
        </h1>
        <p className="profile-step-lede">
          Your name is recorded on every change for the audit trail and stays on this machine. On a committee’s shared machine, enter the chair’s name.
        </p>
        <ProfileForm initial={null} submitLabel="Continue" autoFocus onSaved={() => undefined} />
      </section>
    </main>
  );
}
