/**
 * About → You: the name (and role) recorded on every change made on this
 * machine, and where to change it. Saving says so beside the button.
 */
import { useState } from 'react';
import { useProfile } from '../../db/profile-read';
import { ProfileForm } from '../profile/profile-form';

export function YouPanel() {
  const profile = useProfile();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="form-card about-you" aria-labelledby="about-you-title">
      <h2 id="about-you-title">You</h2>
      <p>
        Every change made on this machine is recorded in the audit trail under this name; it stays on this machine. On a committee’s shared machine this is the chair’s profile.
      </p>
      {profile === undefined ? (
        <p className="loading">Loading your profile…</p>
      ) : (
        <ProfileForm
          initial={profile}
          submitLabel="Save"
          onSaved={(p) => setSaved(`Saved. Changes from now on are recorded as ${p.name}${p.role ? ` (${p.role})` : ''}.`)}
          onEdit={() => setSaved(null)}
          status={
            <span className="profile-saved" role="status">
              {saved}
            </span>
          }
        />
      )}
    </section>
  );
}
